import { parse } from 'graphql/language/parser.js';
import { jsonResponse, scopeMismatchResponse } from '../product/gateway-responses';

/** One request to Atlassian's GraphQL gateway (`stargate`), as `@forge/api` sends it. */
export interface GraphqlRequest {
  path: string;
  method: string;
  body: string | undefined;
  /** `none` for unauthenticated calls (no token, no scope check). */
  principal: 'app' | 'user' | 'none';
  grantedScopes: readonly string[];
}

/**
 * Scopes Atlassian documents for the Teamwork Graph API (`requestTeamworkGraph`, `/graphql/twg`):
 * `read:graph:jira` or `read:graph:confluence`
 * (developer.atlassian.com/platform/teamwork-graph/call-the-teamwork-graph-api).
 */
export const TEAMWORK_GRAPH_SCOPES: readonly string[] = ['read:graph:jira', 'read:graph:confluence'];

/** Returns a GraphQL error answer: Atlassian's gateway answers 200 with `errors` for documents it cannot run. */
const graphqlErrors = (message: string) => jsonResponse(200, { errors: [{ message, extensions: { classification: 'ValidationError' } }] });

/**
 * Answers `requestGraph` (`POST /graphql`), `requestTeamworkGraph` (`POST /graphql/twg`) and
 * `requestAtlassian` to either path like the gateway would, structurally: the document is parsed
 * with the reference parser, each top-level field (by its alias) answers `null`, a document that
 * does not parse answers 200 with `errors`. Teamwork Graph calls without one of its documented
 * scopes answer the gateway's 401 "scope does not match". Field-level scopes of the Atlassian
 * GraphQL API are not published in a form the sandbox can enforce, so other documents always run.
 */
export function answerGraphql(request: GraphqlRequest): Response {
  if (request.method !== 'POST') return jsonResponse(405, { errors: [{ message: `${request.method} ${request.path}: the GraphQL gateway answers POST only` }] });
  if (request.path === '/graphql/twg' && request.principal !== 'none' && !TEAMWORK_GRAPH_SCOPES.some((s) => request.grantedScopes.includes(s))) return scopeMismatchResponse();
  let body: { query?: unknown; operationName?: unknown };
  try {
    body = JSON.parse(request.body ?? '');
  } catch {
    return jsonResponse(400, { errors: [{ message: 'the request body is not JSON' }] });
  }
  if (typeof body?.query !== 'string') return graphqlErrors('the request has no query');
  let definitions;
  try {
    definitions = parse(body.query, { noLocation: true }).definitions;
  } catch (error) {
    return graphqlErrors((error as Error).message);
  }
  const operations = definitions.filter((d) => d.kind === 'OperationDefinition');
  const op = typeof body.operationName === 'string' ? operations.find((d) => d.name?.value === body.operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!op) return graphqlErrors('the document has no operation to run (name one with operationName)');
  const data: Record<string, null> = {};
  for (const s of op.selectionSet.selections) if (s.kind === 'Field') data[(s.alias ?? s.name).value] = null;
  return jsonResponse(200, { data });
}
