import { writeShard, type WriteShardOptions } from '../store/write-shard';
import { totalCalls } from '../usage/rows';
import { currentContext, type RecordingContext } from './context';

/** Longest a flush waits for pending scope-mismatch body checks. */
export const SETTLE_MS = 100;

/**
 * Stores the context's calls as one shard (no write when it counted none); never throws.
 * Calls a failed write could not store stay with this invocation's context, reported by its
 * next flush if it has one, and are counted in the process's `storageStats` either way.
 * Returns true when nothing was lost.
 */
export async function flushContext(context: RecordingContext, options?: WriteShardOptions): Promise<boolean> {
  try {
    await context.tally.settle(SETTLE_MS);
    await context.tally.ready();
    const rows = context.tally.drain();
    if (rows.length === 0) return true;
    const carried = context.dropped;
    context.dropped = 0;
    const stored = await writeShard(rows, { ...options, dropped: carried });
    if (!stored) context.dropped += carried + totalCalls(rows);
    return stored;
  } catch {
    return false;
  }
}

/**
 * Stores the calls recorded so far in the current invocation (inside or outside
 * `withUsageRecording`). Call it before the invocation returns when the handler is not wrapped.
 * Never throws; returns true when nothing was lost (also when there is no invocation).
 */
export function flushUsage(options?: WriteShardOptions): Promise<boolean> {
  const context = currentContext();
  return context === undefined ? Promise.resolve(true) : flushContext(context, options);
}
