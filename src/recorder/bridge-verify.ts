import { UNVERIFIED_BRIDGE, type EncodedRow } from '../usage/rows';

/** The part of a scan result the verification reads (`ScanResult` or a bundled static analysis's `scan`). */
export interface FrontendCalls {
  calls: readonly { side: string; operationKey?: string }[];
}

/**
 * Returns the catalog operations (`METHOD /template`) the static analysis resolved in the app's
 * Custom UI code: the only ones browser-reported usage may count as evidence for. Unresolved
 * calls do not widen it (their candidates could be anything the pattern allows).
 */
export function frontendOperations(scan: FrontendCalls): Set<string> {
  const out = new Set<string>();
  for (const call of scan.calls) if (call.side === 'frontend' && call.operationKey) out.add(call.operationKey);
  return out;
}

/**
 * Returns the rows with every one the static analysis does not vouch for re-coded as
 * `unverified` (kept apart, never evidence): a redacted shape, or an operation not in
 * `verified`. Also returns how many were verified.
 */
export function verifyBridgeRows(rows: readonly EncodedRow[], verified: ReadonlySet<string>): { rows: EncodedRow[]; verified: number } {
  let count = 0;
  const out = rows.map((row) => {
    if (row[3] === 1 && verified.has(`${row[1]} ${row[2]}`)) {
      count++;
      return row;
    }
    const copy = row.slice() as EncodedRow;
    copy[4] = UNVERIFIED_BRIDGE;
    return copy;
  });
  return { rows: out, verified: count };
}
