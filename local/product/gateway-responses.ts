import type { Family } from '../../src/catalog/types';

/** The body Atlassian's gateway sends when the granted scopes don't authorize a call. */
export const SCOPE_MISMATCH_BODY = { code: 401, message: 'Unauthorized; scope does not match' } as const;

/** Returns the gateway's 401 for a call the granted scopes don't authorize (see DESIGN.md). */
export function scopeMismatchResponse(): Response {
  return new Response(JSON.stringify(SCOPE_MISMATCH_BODY), {
    status: 401,
    headers: { 'content-type': 'application/json', 'x-failure-category': 'FAILURE_CLIENT_SCOPE_CHECK' },
  });
}

/** Returns a 404 (or 405 for a known path with another method) shaped like each product's own error answer. */
export function notFoundResponse(family: Family, method: string, path: string, reason: string, status = 404): Response {
  const message = `[${method}] ${path}: ${reason}`;
  const body =
    family === 'requestJira'
      ? { errorMessages: [message], errors: {} }
      : family === 'requestConfluence'
        ? { statusCode: status, message }
        : { type: 'error', error: { message } };
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** Returns a JSON response, or an empty one for 204. */
export function jsonResponse(status: number, body: unknown): Response {
  if (status === 204 || body === undefined) return new Response(null, { status: status === 200 && body === undefined ? 204 : status });
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
