import { ScopeInspectorError } from '../errors';
import type { KvsPort } from './kvs-port';

/** Thrown when storage answered a write with something that does not confirm it. */
function unconfirmed(what: string): never {
  throw new ScopeInspectorError('STORAGE_UNCONFIRMED', `storage answered ${what} without confirming it`);
}

/**
 * Sets `key` and resolves only when the answer confirms it: the write asks for the stored
 * item back (`returnValue: 'LATEST'`), and the answer must name the very key. An answer that
 * parses but is not that item (a proxy's error page, `{}`, `null`) would otherwise look like
 * success to `@forge/kvs`, and the calls would be lost without being counted as dropped.
 */
export async function confirmedSet(kvs: KvsPort, key: string, value: unknown, options: { ttlSeconds?: number } = {}): Promise<void> {
  const answer = (await kvs.set(key, value, {
    keyPolicy: 'OVERRIDE',
    returnValue: 'LATEST',
    ...(options.ttlSeconds ? { ttl: { value: options.ttlSeconds, unit: 'SECONDS' } } : {}),
  } as never)) as { key?: unknown } | undefined;
  if (answer === null || typeof answer !== 'object' || answer.key !== key) unconfirmed(`set(${key})`);
}

/** Sets every item in one batch and resolves only when the answer lists each key as stored and none as failed. */
export async function confirmedBatchSet(kvs: KvsPort, items: { key: string; value: unknown }[]): Promise<void> {
  const answer = (await kvs.batchSet(items)) as { successfulKeys?: unknown; failedKeys?: unknown } | undefined;
  const ok = answer?.successfulKeys;
  const failed = answer?.failedKeys;
  if (!Array.isArray(ok) || !Array.isArray(failed)) unconfirmed('a batch set');
  if (failed.length > 0) throw new ScopeInspectorError('STORAGE_PARTIAL', `${failed.length} of ${items.length} values were not stored`);
  const stored = new Set(ok.map((k: unknown) => (k !== null && typeof k === 'object' ? (k as { key?: unknown }).key : k)));
  if (items.some((item) => !stored.has(item.key))) unconfirmed('a batch set');
}
