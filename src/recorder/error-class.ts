import { isSurfaceCode } from '../usage/surfaces';
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
 * Other refusals of the platform, counted with `PROXY_ERR` on surface rows (never reached the
 * target): a host outside the egress permissions (`ExternalEndpointNotAllowedError`), an
 * unknown remote or service key (`InvalidRemoteError`, `InvalidContainerServiceError`).
 */
export const SURFACE_REFUSALS: ReadonlySet<string> = new Set([PROXY_ERR, 'REQUEST_EGRESS_ALLOWLIST_ERR', 'INVALID_REMOTE_ERR', 'INVALID_CONTAINER_SERVICE_ERR']);

/**
 * Counts a rejection by its code: a platform refusal (`NeedsAuthenticationError`,
 * `ProxyRequestError`, and on surface rows the `SURFACE_REFUSALS`) under its own column, anything else under `otherwise` (`network` for a
 * request, which only rejects before a response; nothing when the cause cannot be told).
 * Never throws.
 */
export function countRejection(row: TallyRow, error: unknown, otherwise: 'network' | undefined): void {
  try {
    const name = (error as { name?: unknown } | null | undefined)?.name;
    if (name === NEEDS_AUTHENTICATION_ERR) row.needsAuthentication++;
    else if (name === PROXY_ERR || (typeof name === 'string' && SURFACE_REFUSALS.has(name) && isSurfaceCode(row.endpoint.familyCode))) row.proxyError++;
    else if (otherwise === 'network') row.network++;
  } catch {
    // A hostile getter on the error: the call stays counted, its outcome unknown.
  }
}
