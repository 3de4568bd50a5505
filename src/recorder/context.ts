import { AsyncLocalStorage } from 'node:async_hooks';
import { Tally } from './tally';

/** Per-invocation recording state: the tally and whether it has been flushed. */
export interface RecordingContext {
  readonly tally: Tally;
}

const storage = new AsyncLocalStorage<RecordingContext>();

// Calls made outside `withUsageRecording` land here and wait for an explicit `flushUsage()`.
const fallback: RecordingContext = { tally: new Tally() };

/** Returns the tally of the current invocation, or the process-wide fallback tally outside one. */
export function currentTally(): Tally {
  const context = storage.getStore();
  return context === undefined ? fallback.tally : context.tally;
}

/** Returns the current recording context, if running inside `withUsageRecording`. */
export function currentContext(): RecordingContext | undefined {
  return storage.getStore();
}

/** Runs `fn` with a fresh tally of its own; concurrent runs never share one. */
export function runWithTally<T>(context: RecordingContext, fn: () => T): T {
  return storage.run(context, fn);
}
