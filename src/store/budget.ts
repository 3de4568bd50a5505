import { getAppContext } from '@forge/api';

/** Time left for storage work, measured against the invocation's own deadline when known. */
export interface Budget {
  /** Milliseconds left before storage work must stop. */
  remaining(): number;
}

/** Time kept back for the host to finish after our storage work. */
export const SAFETY_MARGIN_MS = 1500;

/**
 * Returns a budget ending `SAFETY_MARGIN_MS` before the invocation's deadline
 * (`getRemainingTimeInMillis`), capped at `capMs`; `capMs` alone when the runtime
 * does not say how long is left (older tunnels, tests outside Forge).
 */
export function invocationBudget(capMs: number, now: () => number = Date.now): Budget {
  const start = now();
  let deadline = start + capMs;
  try {
    const left = getAppContext().invocationRemainingTimeInMillis();
    if (typeof left === 'number' && Number.isFinite(left)) deadline = Math.min(deadline, start + left - SAFETY_MARGIN_MS);
  } catch {
    // Remaining time unknown: the cap alone bounds us.
  }
  return { remaining: () => deadline - now() };
}

/** Returns a budget of exactly `ms` from now. */
export function fixedBudget(ms: number, now: () => number = Date.now): Budget {
  const deadline = now() + ms;
  return { remaining: () => deadline - now() };
}
