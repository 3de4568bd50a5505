import { asciiUpperCase } from '../catalog/ascii-case';
import type { Family, HttpMethod } from '../catalog/types';
import { graphqlParserLoaded, loadGraphqlParser, summarizeGraphql } from '../usage/graphql-summary';
import { templatePath } from '../usage/path-template';
import { HTTP_METHODS, type RowCode } from '../usage/rows';
import { SURFACE_CODE, encodeIdentity, type Surface, type SurfaceIdentity } from '../usage/surfaces';
import { intern, resolveEndpoint, type Endpoint } from './endpoint';
import type { EndpointOf } from './record-call';

/** Returns the method of a request's init (GET when absent), or undefined for one no API has. */
function methodOf(init: unknown, fallback?: unknown): HttpMethod | undefined {
  const raw = (init as { method?: unknown } | null | undefined)?.method ?? fallback;
  const method = typeof raw === 'string' ? asciiUpperCase(raw) : 'GET';
  return HTTP_METHODS.has(method) ? (method as HttpMethod) : undefined;
}

/** Returns the string a path argument holds: a string, or `route`'s `.value`. */
function pathText(path: unknown): string | undefined {
  const value = typeof path === 'string' ? path : (path as { value?: unknown } | null | undefined)?.value;
  return typeof value === 'string' ? value : undefined;
}

/** Returns the template of a path argument (an absolute URL keeps its path only), or null when there is none. */
function templateOf(path: unknown): string | null {
  const text = pathText(path);
  if (text === undefined) return null;
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(text);
  return templatePath(absolute ? text.slice(absolute[0].length) : text);
}

/** Returns the shared endpoint of a surface call with this identity. */
export function surfaceEndpoint(surface: Surface, method: HttpMethod, identity: SurfaceIdentity): Endpoint {
  const { template, known } = encodeIdentity(surface, identity);
  return intern(surface, method, template, known);
}

/**
 * The endpoint of a GraphQL call, read lazily: the document is parsed when the tally is stored
 * (its parser loaded off the hot path, `prepare`), not when the call is made. One object per
 * distinct document, so a repeated query costs one map lookup.
 */
class GraphqlEndpoint implements Endpoint {
  readonly method = 'POST';
  readonly familyCode: RowCode;
  private resolved: Endpoint | undefined;

  constructor(
    readonly family: Surface,
    private readonly document: unknown,
    private readonly operationName: unknown,
    private readonly path?: string,
  ) {
    this.familyCode = SURFACE_CODE[family];
  }

  /** The endpoint once the document is read; unread until the parser is loaded. */
  private get endpoint(): Endpoint {
    if (this.resolved) return this.resolved;
    const graphql = summarizeGraphql(this.document, this.operationName);
    const endpoint = surfaceEndpoint(this.family, 'POST', { ...(this.path ? { path: this.path } : {}), graphql });
    if (graphqlParserLoaded()) this.resolved = endpoint;
    return endpoint;
  }

  get template(): string {
    return this.endpoint.template;
  }

  get known(): boolean {
    return this.endpoint.known;
  }

  /** Loads the parser the template needs (the same for every document); the tally awaits it before it is stored. */
  prepare(): Promise<void> {
    return loadGraphqlParser();
  }
}

/** Most distinct GraphQL documents remembered; past this the table starts afresh. */
export const MAX_GRAPHQL_DOCUMENTS = 256;
// Process-wide like the path cache: a pure function of the document, never stored or attributed.
const documents = new Map<string, GraphqlEndpoint>();

function graphqlEndpoint(surface: Surface, document: unknown, operationName?: unknown, path?: string): Endpoint {
  if (typeof document !== 'string') return surfaceEndpoint(surface, 'POST', { ...(path ? { path } : {}), graphql: null });
  const name = typeof operationName === 'string' ? operationName : '';
  const key = `${surface}\n${path ?? ''}\n${name}\n${document}`;
  let endpoint = documents.get(key);
  if (endpoint === undefined) {
    if (documents.size >= MAX_GRAPHQL_DOCUMENTS) documents.clear();
    documents.set(key, (endpoint = new GraphqlEndpoint(surface, document, name || undefined, path)));
  }
  return endpoint;
}

/** `requestGraph(query, variables, headers)`: the query's operation and top-level fields. */
export const requestGraphEndpoint: EndpointOf = ([query]) => graphqlEndpoint('requestGraph', query);

/** `requestTeamworkGraph(query, variables, operationName)` (@forge/api) and `requestTeamworkGraph(query, variables)` (@forge/bridge). */
export const requestTeamworkGraphEndpoint: EndpointOf = ([query, , operationName]) => graphqlEndpoint('requestTeamworkGraph', query, operationName);

const GRAPHQL_PATHS = new Set(['/graphql', '/graphql/twg']);
// `requestAtlassian(route`/ex/jira/${cloudId}/rest/api/3/…`)` is a product call through the gateway.
const PRODUCT_PATH = /^\/ex\/(jira|confluence|bitbucket)\/[^/?#]+(\/[^?#]*)/;
const FAMILY_OF_PRODUCT: Record<string, Family> = { jira: 'requestJira', confluence: 'requestConfluence', bitbucket: 'requestBitbucket' };

/**
 * `requestConnectedData(route, init)` / `requestAtlassian(route, init)`: the path template; a
 * GraphQL body's operation too; a product path (`/ex/jira/{cloudId}/rest/…`) as that product's operation.
 */
export function atlassianPathEndpoint(surface: 'requestAtlassian' | 'requestConnectedData'): EndpointOf {
  return ([path, init]) => {
    const method = methodOf(init);
    if (method === undefined) return undefined;
    const product = surface === 'requestAtlassian' ? PRODUCT_PATH.exec(pathText(path) ?? '') : null;
    // The operation and its documented scopes: recorded as that product's call (catalog template or redacted shape).
    if (product) return resolveEndpoint(FAMILY_OF_PRODUCT[product[1]], method, product[2]);
    const template = templateOf(path);
    if (surface === 'requestAtlassian' && template !== null && GRAPHQL_PATHS.has(template) && method === 'POST') {
      // The body is the app's own string: parsed, never kept; only `query` and `operationName` are read.
      let body: { query?: unknown; operationName?: unknown } | undefined;
      try {
        const raw = (init as { body?: unknown }).body;
        body = typeof raw === 'string' ? JSON.parse(raw) : undefined;
      } catch {
        body = undefined;
      }
      return graphqlEndpoint(surface, body?.query, body?.operationName, template);
    }
    return surfaceEndpoint(surface, method, { path: template });
  };
}

/** `invokeRemote(key, { path, method })` / `invokeService(key, …)` (@forge/api): the key and the path template. */
export function keyedInvokeEndpoint(surface: 'invokeRemote' | 'invokeService'): EndpointOf {
  return ([key, options]) => {
    const method = methodOf(options);
    return method && surfaceEndpoint(surface, method, { target: typeof key === 'string' ? key : null, path: templateOf((options as { path?: unknown } | undefined)?.path) });
  };
}

/** The bridge's `invokeRemote({ path, method })` / `invokeService(…)`: the module's own remote, so no key. */
export function bridgeInvokeEndpoint(surface: 'invokeRemote' | 'invokeService'): EndpointOf {
  return ([input]) => {
    const method = methodOf(input);
    return method && surfaceEndpoint(surface, method, { path: templateOf((input as { path?: unknown } | undefined)?.path) });
  };
}

/** The bridge's `requestRemote(remoteKey, { path, method })`. */
export const requestRemoteEndpoint: EndpointOf = ([key, options]) => {
  const method = methodOf(options);
  const path = (options as { path?: unknown } | undefined)?.path;
  return method && surfaceEndpoint('requestRemote', method, { target: typeof key === 'string' ? key : null, path: path === undefined ? '/' : templateOf(path) });
};

/** `withProvider(provider, remote).fetch(path, init)`: the provider (and remote) and the path template. */
export function providerFetchEndpoint(provider: unknown, remote: unknown): EndpointOf {
  const target = typeof provider !== 'string' ? null : typeof remote === 'string' && remote !== '' ? `${provider}/${remote}` : provider;
  return ([path, init]) => {
    const method = methodOf(init);
    return method && surfaceEndpoint('providerFetch', method, { target, path: templateOf(path) });
  };
}

/** `fetch(url, init)` (global or `@forge/api`'s): the host and the path template, never the query. */
export const egressEndpoint: EndpointOf = ([input, init]) => {
  const request = typeof input === 'object' && input !== null && typeof (input as Request).url === 'string' ? (input as Request) : undefined;
  const method = methodOf(init, request?.method);
  if (method === undefined) return undefined;
  const text = request ? request.url : input instanceof URL ? input.href : pathText(input);
  let url: URL | undefined;
  try {
    url = text === undefined ? undefined : new URL(text);
  } catch {
    url = undefined;
  }
  // Credentials in the URL (`user:pass@`) are never read: only the host and the path.
  return surfaceEndpoint('fetch', method, url ? { target: url.host, path: templatePath(url.pathname) } : { target: null, path: null });
};
