import { ScopeInspectorError } from '../errors';
import { writeShard, type WriteShardOptions } from '../store/write-shard';
import { validateBridgeTally } from '../usage/validate';
import { BRIDGE_USAGE_RESOLVER_KEY } from './bridge-key';

/** What the bridge usage resolver answers. */
export type BridgeUsageResult = { ok: true; stored: boolean } | { ok: false; code: string; message: string };

/**
 * Returns the outcome of storing one browser tally: validated strictly first (schema, size,
 * principal `bridge`, catalog templates or redacted shapes only), then written as one shard.
 * Invalid input is answered `{ ok: false, code, message }` and nothing is stored.
 */
export async function recordBridgeTally(payload: unknown, options?: WriteShardOptions): Promise<BridgeUsageResult> {
  let valid;
  try {
    valid = validateBridgeTally(payload);
  } catch (error) {
    if (error instanceof ScopeInspectorError) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
  return { ok: true, stored: await writeShard(valid.rows, options) };
}

/** Defines the bridge usage resolver on a `@forge/resolver` instance (one line in the app's resolver file). */
export function defineBridgeUsageResolver(resolver: { define: (key: string, fn: (request: { payload: unknown }) => unknown) => unknown }): void {
  resolver.define(BRIDGE_USAGE_RESOLVER_KEY, (request) => recordBridgeTally(request.payload));
}
