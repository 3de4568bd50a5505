import type { GraphqlSummary } from '../usage/graphql-summary';
import { UNVERIFIED_BRIDGE, type EncodedRow } from '../usage/rows';
import { BRIDGE_SURFACES, SURFACE_OF, decodeIdentity, surfaceMatchKey, type Surface, type SurfaceCode } from '../usage/surfaces';

/** The part of a scan result the verification reads (`ScanResult` or a bundled static analysis's `scan`). */
export interface FrontendCalls {
  calls: readonly { side: string; operationKey?: string }[];
  /**
   * Calls whose request surface the scanner recognised but whose scopes it cannot tell (kind
   * `api`): the surface, the remote key and the GraphQL operation when they are literal.
   */
  unresolved?: readonly { side: string; kind?: string; surface?: string; remote?: string; graphql?: GraphqlSummary }[];
}

/**
 * Returns what the static analysis resolved in the app's Custom UI code: the catalog operations
 * (`METHOD /template`) and the bridge's other surfaces (`requestRemote backend`,
 * `requestTeamworkGraph query:Q:fields`, `invokeRemote`): the only calls browser-reported usage
 * may count as evidence for. Unresolved paths do not widen it (their candidates could be
 * anything the pattern allows), nor do surfaces whose remote or document the scanner could not read.
 */
export function frontendOperations(scan: FrontendCalls): Set<string> {
  const out = new Set<string>();
  for (const call of scan.calls) if (call.side === 'frontend' && call.operationKey) out.add(call.operationKey);
  for (const u of scan.unresolved ?? []) {
    if (u.side !== 'frontend' || !u.surface || !BRIDGE_SURFACES.has(u.surface as Surface)) continue;
    const surface = u.surface as Surface;
    // A key or document the scanner could not read vouches for nothing in particular.
    if (surface === 'requestRemote' && !u.remote) continue;
    if (surface === 'requestTeamworkGraph' && !u.graphql) continue;
    out.add(surfaceMatchKey(surface, { target: u.remote, graphql: u.graphql }));
  }
  return out;
}

/** Returns the key a stored row is verified under: its operation, or its surface's match key. */
function verificationKey(row: EncodedRow): string | undefined {
  if (row[3] !== 1) return undefined;
  const surface = SURFACE_OF[row[0] as SurfaceCode];
  if (!surface) return `${row[1]} ${row[2]}`;
  try {
    return surfaceMatchKey(surface, decodeIdentity(surface, row[2]));
  } catch {
    return undefined;
  }
}

/**
 * Returns the rows with every one the static analysis does not vouch for re-coded as
 * `unverified` (kept apart, never evidence): a redacted shape, an unreadable surface call, or an
 * operation or surface call not in `verified`. Also returns how many were verified.
 */
export function verifyBridgeRows(rows: readonly EncodedRow[], verified: ReadonlySet<string>): { rows: EncodedRow[]; verified: number } {
  let count = 0;
  const out = rows.map((row) => {
    const key = verificationKey(row);
    if (key !== undefined && verified.has(key)) {
      count++;
      return row;
    }
    const copy = row.slice() as EncodedRow;
    copy[4] = UNVERIFIED_BRIDGE;
    return copy;
  });
  return { rows: out, verified: count };
}
