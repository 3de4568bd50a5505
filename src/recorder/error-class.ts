import type { TallyRow } from './tally';

/**
 * `name` of the errors `@forge/api` builds from the platform's `forge-proxy-error` answer
 * (`out/api/errors.js`, `handleProxyResponseErrors`): the name is the error's code, and it is
 * compared rather than `instanceof` because the host may bundle its own copy of the package.
 */
export const NEEDS_AUTHENTICATION_ERR = 'NEEDS_AUTHENTICATION_ERR';
/** `name` of `@forge/api`'s `ProxyRequestError`. */
export const PROXY_ERR = 'PROXY_ERR';

/**
 * Counts a rejection by its code: a platform refusal (`NeedsAuthenticationError`,
 * `ProxyRequestError`) under its own column, anything else under `otherwise` (`network` for a
 * request, which only rejects before a response; nothing when the cause cannot be told).
 * Never throws.
 */
export function countRejection(row: TallyRow, error: unknown, otherwise: 'network' | undefined): void {
  try {
    const name = (error as { name?: unknown } | null | undefined)?.name;
    if (name === NEEDS_AUTHENTICATION_ERR) row.needsAuthentication++;
    else if (name === PROXY_ERR) row.proxyError++;
    else if (otherwise === 'network') row.network++;
  } catch {
    // A hostile getter on the error: the call stays counted, its outcome unknown.
  }
}
