import type { GraphqlSummary } from './graphql-summary';
import { isPathTemplate } from './path-template';

/**
 * A request surface other than the product REST families (`requestJira`…), as the recorder
 * records it: `@forge/api`'s GraphQL and Atlassian-path requests, its remote and service
 * invocations, external-auth provider fetches and outbound `fetch` (egress), and the bridge's
 * remote requests (`requestRemote`) from Custom UI.
 */
export type Surface =
  | 'requestGraph'
  | 'requestTeamworkGraph'
  | 'requestAtlassian'
  | 'requestConnectedData'
  | 'invokeRemote'
  | 'invokeService'
  | 'requestRemote'
  | 'providerFetch'
  | 'fetch';

/** One-letter codes of surfaces in stored rows (the product families use `j`, `c`, `b`). */
export type SurfaceCode = 'g' | 't' | 'a' | 'd' | 'r' | 's' | 'q' | 'p' | 'e';

/** Surface → stored code. */
export const SURFACE_CODE: Readonly<Record<Surface, SurfaceCode>> = {
  requestGraph: 'g',
  requestTeamworkGraph: 't',
  requestAtlassian: 'a',
  requestConnectedData: 'd',
  invokeRemote: 'r',
  invokeService: 's',
  requestRemote: 'q',
  providerFetch: 'p',
  fetch: 'e',
};
/** Stored code → surface. */
export const SURFACE_OF: Readonly<Record<SurfaceCode, Surface>> = Object.fromEntries(Object.entries(SURFACE_CODE).map(([s, c]) => [c, s])) as Record<SurfaceCode, Surface>;

/** Returns true when a row's first column names a surface rather than a product family. */
export function isSurfaceCode(code: unknown): code is SurfaceCode {
  return typeof code === 'string' && Object.hasOwn(SURFACE_OF, code);
}

/** Surfaces Custom UI can report through `instrumentBridge` (client input, verified against the static analysis). */
export const BRIDGE_SURFACES: ReadonlySet<Surface> = new Set(['requestTeamworkGraph', 'invokeRemote', 'invokeService', 'requestRemote']);

/**
 * What a surface call was, with no concrete value: the remote, service or provider key or the
 * host it went to (`target`), its path template, and for GraphQL the operation and top-level
 * fields. `null` means "made, but could not be read" (a document that does not parse, a URL
 * that is not one); absent means the surface has no such part.
 */
export interface SurfaceIdentity {
  target?: string | null;
  path?: string | null;
  graphql?: GraphqlSummary | null;
}

const NONE = '-';
const UNREADABLE = '?';
const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;
const KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,62}\.)*[a-z0-9-]{1,63}|\[[0-9a-f:.]{2,45}\])(?::\d{1,5})?$/;
/** Most top-level fields kept per GraphQL operation; beyond, the list ends in `*`. */
export const MAX_GRAPHQL_FIELDS = 32;

/** Which parts each surface has: `target` (and what it is), `path`, `graphql`. */
const PARTS: Readonly<Record<Surface, { target?: 'key' | 'optional-key' | 'provider' | 'host'; path?: 'required' | 'optional'; graphql?: 'required' | 'optional' }>> = {
  requestGraph: { graphql: 'required' },
  requestTeamworkGraph: { graphql: 'required' },
  requestAtlassian: { path: 'required', graphql: 'optional' },
  requestConnectedData: { path: 'required' },
  invokeRemote: { target: 'optional-key', path: 'required' },
  invokeService: { target: 'optional-key', path: 'required' },
  requestRemote: { target: 'key', path: 'required' },
  providerFetch: { target: 'provider', path: 'required' },
  fetch: { target: 'host', path: 'required' },
};

/** Returns a key, provider (`provider` or `provider/remote`) or host as stored, or `?` when it is not one. */
function targetText(kind: 'key' | 'optional-key' | 'provider' | 'host', value: string | null | undefined): string {
  if (value === undefined) return kind === 'optional-key' ? NONE : UNREADABLE;
  if (value === null || value.length > 260) return UNREADABLE;
  const ok = kind === 'host' ? HOST.test(value) : kind === 'provider' ? value.split('/').length <= 2 && value.split('/').every((k) => KEY.test(k)) : KEY.test(value);
  return ok ? value : UNREADABLE;
}

function graphqlText(summary: GraphqlSummary | null | undefined): string {
  if (!summary) return UNREADABLE;
  const fields = summary.fields.length > MAX_GRAPHQL_FIELDS ? [...summary.fields.slice(0, MAX_GRAPHQL_FIELDS - 1), '*'] : summary.fields;
  return `${summary.type}:${summary.operation ?? ''}:${fields.join(',')}`;
}

/**
 * Returns the stored identity of a surface call, `target path graphql` (`-` where the surface
 * has no such part, `?` where it could not be read), and whether every part was read.
 */
export function encodeIdentity(surface: Surface, identity: SurfaceIdentity): { template: string; known: boolean } {
  const parts = PARTS[surface];
  const target = parts.target ? targetText(parts.target, identity.target) : NONE;
  const path = parts.path === undefined ? NONE : identity.path === undefined || identity.path === null ? (parts.path === 'required' ? UNREADABLE : NONE) : identity.path;
  const graphql = parts.graphql === undefined || (parts.graphql === 'optional' && identity.graphql === undefined) ? NONE : graphqlText(identity.graphql);
  const template = `${target} ${path} ${graphql}`;
  return { template, known: !template.split(' ').includes(UNREADABLE) };
}

function decodeGraphql(text: string): GraphqlSummary | null | undefined {
  if (text === NONE) return undefined;
  if (text === UNREADABLE) return null;
  const [type, operation, fields, ...rest] = text.split(':');
  if (rest.length || (type !== 'query' && type !== 'mutation' && type !== 'subscription') || (operation !== '' && !NAME.test(operation))) throw new Error('not a GraphQL summary');
  const names = fields === '' ? [] : fields.split(',');
  if (names.length > MAX_GRAPHQL_FIELDS || !names.every((n, i) => NAME.test(n) || (n === '*' && i === MAX_GRAPHQL_FIELDS - 1))) throw new Error('not a list of field names');
  return { type, ...(operation ? { operation } : {}), fields: names };
}

/** Returns the parts of a stored identity; throws when it is not one this surface can have (untrusted input). */
export function decodeIdentity(surface: Surface, template: string): SurfaceIdentity {
  const split = template.split(' ');
  if (split.length !== 3) throw new Error('not "target path graphql"');
  const [target, path, graphql] = split;
  const parts = PARTS[surface];
  const identity: SurfaceIdentity = {};
  if (parts.target) {
    if (target === UNREADABLE) identity.target = null;
    else if (target !== NONE || parts.target !== 'optional-key') {
      if (targetText(parts.target, target) !== target) throw new Error(`target is not a ${parts.target}`);
      identity.target = target;
    }
  } else if (target !== NONE) throw new Error('this surface has no target');
  if (parts.path) {
    if (path === UNREADABLE) identity.path = null;
    else if (isPathTemplate(path)) identity.path = path;
    else throw new Error('path is not a path template');
  } else if (path !== NONE) throw new Error('this surface has no path');
  let summary: GraphqlSummary | null | undefined;
  if (parts.graphql) summary = decodeGraphql(graphql);
  else if (graphql !== NONE) throw new Error('this surface has no GraphQL document');
  if (parts.graphql === 'required' && summary === undefined) throw new Error('GraphQL summary missing');
  if (summary !== undefined) identity.graphql = summary;
  return identity;
}

/** Returns why a stored identity is not valid for the surface (undefined when it is), `known` included. */
export function identityProblem(surface: Surface, template: string, known: 0 | 1): string | undefined {
  try {
    decodeIdentity(surface, template);
  } catch (error) {
    return `${surface} identity: ${(error as Error).message}`;
  }
  return (known === 1) === !template.split(' ').includes(UNREADABLE) ? undefined : 'known flag does not match the identity';
}

/**
 * Returns the key the static analysis and browser reports are matched on: the surface, plus its
 * remote/service key or its GraphQL operation and fields (never the path, whose template the
 * scanner and the recorder build differently).
 */
export function surfaceMatchKey(surface: Surface, identity: Pick<SurfaceIdentity, 'target' | 'graphql'>): string {
  if (identity.graphql) return `${surface} ${graphqlText(identity.graphql)}`;
  return typeof identity.target === 'string' ? `${surface} ${identity.target}` : surface;
}
