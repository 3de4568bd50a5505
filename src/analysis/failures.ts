/**
 * Returns how many of `calls` failed: every call that did not succeed (2xx or 3xx) — 4xx, 5xx and
 * network errors, and calls the platform refused before they reached the product (`@forge/api`'s
 * NeedsAuthenticationError and ProxyRequestError, which are in `calls` but in no status class).
 * The one definition behind every failure count: endpoints, scopes, sites and the charts.
 */
export function failuresOf(calls: number, status: { readonly '2xx': number; readonly '3xx': number }): number {
  return calls - status['2xx'] - status['3xx'];
}
