import { isAuthorized, match } from '../../src/catalog';
import type { Operation } from '../../src/catalog/types';
import { FIXTURES } from './fixtures';
import { jsonResponse, notFoundResponse, scopeMismatchResponse } from './gateway-responses';
import type { ProductBackend, ProductRequest } from './product-types';
import { type ResponseExample, responseExamples } from './response-examples';

/** Answers a call that passed the scope check (a real site, or local fixtures and examples). */
export type Responder = (request: ProductRequest, operation: Operation, params: readonly string[]) => Promise<Response>;

function parseBody(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Local answers: a hand-written fixture, else the documented example, else an empty success. */
export function localResponder(siteUrl = 'https://sandbox.atlassian.net'): Responder {
  return async (request, operation, params) => {
    const fixture = FIXTURES[operation.key];
    const query = new URLSearchParams(request.path.split('?')[1] ?? '');
    const answer: ResponseExample = fixture
      ? fixture({ params, query, body: parseBody(request.body), accountId: request.accountId, userIsAdmin: request.userIsAdmin, siteUrl })
      : (responseExamples()[operation.key] ?? { status: operation.method === 'DELETE' ? 204 : 200, body: {} });
    return jsonResponse(answer.status, answer.body);
  };
}

/**
 * Returns the path the product serves: the gateway also answers Confluence's v1 API without the
 * `/wiki` prefix, which @forge/auth relies on (`authorize()` posts `/rest/api/content/{id}/permission/check`).
 */
function confluencePath(request: ProductRequest): string {
  return request.family === 'requestConfluence' && request.path.startsWith('/rest/api/') ? `/wiki${request.path}` : request.path;
}

/**
 * The product API as Forge apps see it through the gateway: every catalog operation is known,
 * unknown routes are 404, authenticated calls the granted scopes don't authorize get the gateway's 401.
 */
export class ProductStandIn implements ProductBackend {
  /** Number of calls refused with the scope-mismatch 401, by operation key. */
  readonly refused = new Map<string, number>();

  constructor(private readonly respond: Responder = localResponder()) {}

  /** Answers one call. */
  async handle(request: ProductRequest): Promise<Response> {
    const result = match(request.family, request.method, confluencePath(request));
    if (!result.operation) {
      const status = result.code === 'METHOD_NOT_ALLOWED' ? 405 : 404;
      return notFoundResponse(request.family, request.method, request.path, result.reason, status);
    }
    // An unauthenticated call carries no token, so there are no scopes to check.
    if (request.principal !== 'none' && !isAuthorized(result.operation, request.grantedScopes)) {
      this.refused.set(result.operation.key, (this.refused.get(result.operation.key) ?? 0) + 1);
      return scopeMismatchResponse();
    }
    return this.respond(request, result.operation, result.params);
  }
}
