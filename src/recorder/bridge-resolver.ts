import { ScopeInspectorError } from '../errors';
import { takeBridgeQuota } from '../store/bridge-quota';
import { writeShard, type WriteShardOptions } from '../store/write-shard';
import { validateBridgeTally } from '../usage/validate';
import { BRIDGE_USAGE_RESOLVER_KEY } from './bridge-key';
import { frontendOperations, verifyBridgeRows, type FrontendCalls } from './bridge-verify';

/** What the bridge usage resolver answers. */
export type BridgeUsageResult = { ok: true; stored: boolean; verified: number; unverified: number } | { ok: false; code: string; message: string };

/** The operations a browser tally is checked against: a set of `METHOD /template`, or a scan result. */
export type FrontendOperations = ReadonlySet<string> | FrontendCalls;

/** What the resolver checks a browser tally against. */
export interface BridgeUsageOptions extends WriteShardOptions {
  /**
   * The operations (`METHOD /template`) the app's Custom UI code calls, from the static analysis
   * (`frontendOperations(scan)`, or a scan result itself). Rows for anything else are stored as
   * `unverified`: kept apart, never evidence of a need. Without it (or `staticAnalysis`) every
   * row is unverified.
   */
  frontendOperations?: FrontendOperations | (() => FrontendOperations);
  /**
   * The static analysis bundle `scope-inspector init` generates (`src/scope-inspector/static-analysis`):
   * its scan's frontend operations are the verified set, as `frontendOperations` would give them.
   * Read when `frontendOperations` is absent; a value without a scan (`{ scan: { calls: [...] } }`)
   * verifies nothing (every row unverified), it never throws into the app's resolver.
   */
  staticAnalysis?: unknown;
  /** The caller's account id, from the resolver's context (the platform's word, never the payload). */
  accountId?: string;
}

const NONE: ReadonlySet<string> = new Set();
// A bundle is data fixed at deploy time: its set is built once per bundle object.
const fromBundles = new WeakMap<object, ReadonlySet<string>>();

/** Returns the frontend operations of a static analysis bundle, or none when it has no readable scan. */
function bundleOperations(bundle: unknown): ReadonlySet<string> {
  if (bundle === null || typeof bundle !== 'object') return NONE;
  let set = fromBundles.get(bundle);
  if (set === undefined) {
    const scan = (bundle as { scan?: FrontendCalls }).scan;
    try {
      set = scan && Array.isArray(scan.calls) ? frontendOperations(scan) : NONE;
    } catch {
      // A malformed bundle vouches for nothing; the app's resolver keeps working.
      set = NONE;
    }
    fromBundles.set(bundle, set);
  }
  return set;
}

function verifiedSet(options: BridgeUsageOptions): ReadonlySet<string> {
  const option = options.frontendOperations;
  const value = typeof option === 'function' ? option() : option;
  if (value === undefined) return bundleOperations(options.staticAnalysis);
  return value instanceof Set ? value : frontendOperations(value as FrontendCalls);
}

/**
 * Returns the outcome of storing one browser tally: validated strictly (schema, size, calls,
 * principal `bridge`, catalog templates or redacted shapes only), rows the static analysis does
 * not vouch for marked unverified, the caller's daily allowance taken, then written as one
 * shard. Invalid or over-allowance input is answered `{ ok: false, code, message }` and nothing
 * is stored.
 */
export async function recordBridgeTally(payload: unknown, options: BridgeUsageOptions = {}): Promise<BridgeUsageResult> {
  let valid;
  try {
    valid = validateBridgeTally(payload);
  } catch (error) {
    if (error instanceof ScopeInspectorError) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
  const { rows, verified } = verifyBridgeRows(valid.rows, verifiedSet(options));
  const allowed = await takeBridgeQuota(options.accountId, rows.length, options).catch(() => false);
  if (!allowed) return { ok: false, code: 'BRIDGE_QUOTA_EXCEEDED', message: 'this account reported its allowance of browser usage for today (or the allowance could not be checked)' };
  return { ok: true, stored: await writeShard(rows, options), verified, unverified: rows.length - verified };
}

/**
 * Defines the bridge usage resolver on a `@forge/resolver` instance (one line in the app's
 * resolver file). Pass the app's frontend operations, or the static analysis `init` generates,
 * so verified browser calls count as evidence; without either every browser row is stored
 * unverified (there is no implicit fallback: docs/storage.md). The caller's account comes from
 * the resolver context.
 */
export function defineBridgeUsageResolver(
  resolver: { define: (key: string, fn: (request: { payload: unknown; context?: { accountId?: unknown } }) => unknown) => unknown },
  options: Pick<BridgeUsageOptions, 'frontendOperations' | 'staticAnalysis'> = {},
): void {
  resolver.define(BRIDGE_USAGE_RESOLVER_KEY, (request) => {
    const accountId = request.context?.accountId;
    return recordBridgeTally(request.payload, { ...options, accountId: typeof accountId === 'string' ? accountId : undefined });
  });
}
