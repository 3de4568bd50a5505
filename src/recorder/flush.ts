import { writeShard, type WriteShardOptions } from '../store/write-shard';
import { currentTally } from './context';
import type { Tally } from './tally';

/** Longest a flush waits for pending scope-mismatch body checks. */
export const SETTLE_MS = 100;

/** Stores the tally's calls as one shard (no write when it counted none); never throws. Returns true when nothing was lost. */
export async function flushTally(tally: Tally, options?: WriteShardOptions): Promise<boolean> {
  try {
    await tally.settle(SETTLE_MS);
    const rows = tally.drain();
    if (rows.length === 0) return true;
    return await writeShard(rows, options);
  } catch {
    return false;
  }
}

/**
 * Stores the calls recorded so far in the current invocation (or, outside `withUsageRecording`,
 * the calls recorded anywhere in this process). Call it before the invocation returns when the
 * handler is not wrapped. Never throws; returns true when nothing was lost.
 */
export function flushUsage(options?: WriteShardOptions): Promise<boolean> {
  return flushTally(currentTally(), options);
}
