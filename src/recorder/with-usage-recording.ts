import { insideRecording, newContext, runWithTally } from './context';
import { flushContext } from './flush';

/**
 * Returns `handler` wrapped so the calls it makes are tallied for this invocation alone and
 * stored once when it ends, after success or a throw: one KVS write when it made calls, none
 * otherwise. The handler's result and error pass through untouched (the wrapper is async).
 * Nested use (a wrapped resolver inside a wrapped handler) records once, in the outer one.
 */
export function withUsageRecording<A extends unknown[], R>(handler: (...args: A) => R): (...args: A) => Promise<Awaited<R>> {
  return function recordedHandler(this: unknown, ...args: A): Promise<Awaited<R>> {
    if (insideRecording()) {
      return (async (): Promise<Awaited<R>> => await handler.apply(this, args))();
    }
    const context = newContext();
    return runWithTally(context, async (): Promise<Awaited<R>> => {
      try {
        return await handler.apply(this, args);
      } finally {
        await flushContext(context);
      }
    });
  };
}
