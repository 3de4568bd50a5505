import { randomUUID } from 'node:crypto';
import { totalCalls, type EncodedRow } from '../usage/rows';
import { invocationBudget, type Budget } from './budget';
import { confirmedBatchSet, confirmedSet } from './confirmed-write';
import { invocationInfo, type InvocationInfo } from './invocation-info';
import { shardKey, utcDay } from './keys';
import { defaultKvs, type KvsPort } from './kvs-port';
import { retryWithinBudget } from './retry';
import { SHARD_VERSION, splitShard, storedShard, type ShardValue } from './shard';
import { storageStats } from './stats';

/** Longest a flush may spend on storage when the invocation's remaining time is unknown. */
export const FLUSH_CAP_MS = 3000;

/** Most values one flush writes (16 × 200 KiB stays under the 4 MB batch payload limit). */
export const MAX_SHARD_PARTS = 16;

/** Options of `writeShard`, all optional outside tests. */
export interface WriteShardOptions {
  kvs?: KvsPort;
  budget?: Budget;
  /** Clock deciding the shard's day; the time budget always uses the real clock. */
  now?: () => number;
  info?: InvocationInfo;
  /** Calls an earlier failed flush of the same invocation lost, reported in this shard. */
  dropped?: number;
}

/**
 * Stores one invocation's rows as a new shard: one KVS request (a `set`, or a `batchSet` when
 * the rows exceed one value), retried within the invocation's remaining time, and counted as
 * stored only when the answer confirms it. Never throws: on failure the calls are counted in
 * the process's `storageStats` and the caller keeps them. Returns true when stored.
 */
export async function writeShard(rows: EncodedRow[], options: WriteShardOptions = {}): Promise<boolean> {
  if (rows.length === 0) return true;
  const carried = options.dropped ?? 0;
  try {
    const kvs = options.kvs ?? defaultKvs();
    const now = options.now ?? Date.now;
    const info = options.info ?? invocationInfo();
    const day = utcDay(now());
    const shard: ShardValue = { v: SHARD_VERSION, day, ...info, dropped: carried, rows };
    let parts = splitShard(shard).map(storedShard);
    if (parts.length > MAX_SHARD_PARTS) {
      // One batch carries at most 4 MB; rows past that are reported as dropped, not lost silently.
      const lost = totalCalls(parts.slice(MAX_SHARD_PARTS).flatMap((p) => p.rows));
      parts = parts.slice(0, MAX_SHARD_PARTS);
      parts[0] = { ...parts[0], dropped: parts[0].dropped + lost };
    }
    const id = randomUUID();
    const budget = options.budget ?? invocationBudget(FLUSH_CAP_MS);
    // The key is fixed before the first attempt, so a retry after an ambiguous timeout
    // overwrites the same shard instead of adding a second copy.
    if (parts.length === 1) {
      await retryWithinBudget(() => confirmedSet(kvs, shardKey(day, id), parts[0]), budget);
    } else {
      const items = parts.map((value, i) => ({ key: shardKey(day, `${id}-${i}`), value }));
      await retryWithinBudget(() => confirmedBatchSet(kvs, items), budget);
    }
    storageStats.writes++;
    return true;
  } catch {
    storageStats.failures++;
    storageStats.droppedCalls += carried + totalCalls(rows);
    return false;
  }
}
