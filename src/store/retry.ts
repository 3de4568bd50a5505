import { ScopeInspectorError } from '../errors';
import type { Budget } from './budget';

/** First pause between attempts; doubles each time, capped at `MAX_BACKOFF_MS`. */
export const FIRST_BACKOFF_MS = 25;
/** Longest pause between attempts. */
export const MAX_BACKOFF_MS = 800;

/** Returns true for storage errors another attempt cannot fix (a malformed key or value). */
export function isPermanent(error: unknown): boolean {
  const status = (error as { responseDetails?: { status?: number } } | undefined)?.responseDetails?.status;
  return typeof status === 'number' && status >= 400 && status < 500 && status !== 408 && status !== 409 && status !== 429;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves with `work()`, or rejects with a timeout error once `ms` have passed. */
export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ScopeInspectorError('STORAGE_TIMEOUT', `storage call did not answer within ${ms} ms`)), Math.max(0, ms));
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Returns the result of `attempt`, retried with backoff on failure while the budget lasts.
 * Each attempt is itself cut off at the budget, so a hanging storage call cannot hold the
 * invocation past its deadline. Rejects with the last error when the budget runs out.
 */
export async function retryWithinBudget<T>(attempt: () => Promise<T>, budget: Budget): Promise<T> {
  let backoff = FIRST_BACKOFF_MS;
  for (;;) {
    const left = budget.remaining();
    if (left <= 0) throw new ScopeInspectorError('STORAGE_BUDGET_EXHAUSTED', 'no time left for storage');
    try {
      return await withTimeout(Promise.resolve().then(attempt), left);
    } catch (error) {
      if (isPermanent(error) || budget.remaining() <= backoff * 2) throw error;
      await sleep(backoff);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }
  }
}
