import { match } from '../catalog';
import type { Family, HttpMethod } from '../catalog/types';
import { FAMILY_CODE, HTTP_METHODS, type RowCode } from '../usage/rows';
import { redactPath } from '../usage/redact';
import { SURFACE_CODE, type Surface } from '../usage/surfaces';
import { catalogVocabulary } from '../usage/vocabulary';
import { asciiUpperCase } from '../catalog/ascii-case';

/**
 * What a concrete request is recorded as: a catalog template, or a redacted shape when unknown;
 * for another request surface, its identity (`src/usage/surfaces.ts`).
 */
export interface Endpoint {
  readonly family: Family | Surface;
  readonly familyCode: RowCode;
  readonly method: HttpMethod;
  /** Catalog template, redacted shape when `known` is false, or a surface's identity. */
  readonly template: string;
  readonly known: boolean;
}

/** Most concrete paths remembered per (family, method); the cache is cleared when it grows past this. */
export const MAX_CACHED_PATHS = 2048;
/** Most distinct endpoints interned; past this the table starts afresh (rows merge by identity, not object). */
export const MAX_INTERNED = 20_000;

const interned = new Map<string, Endpoint>();
// family → raw method (as the app spelled it, undefined = GET) → concrete path → endpoint.
const cache = new Map<Family, Map<string | undefined, Map<string, Endpoint>>>();

/**
 * Returns the endpoint a call is recorded under, or undefined for a method no Atlassian API
 * has (such calls are passed through unrecorded). Cached per (family, method, path) so a
 * repeated call costs three map lookups and no allocation.
 */
export function resolveEndpoint(family: Family, rawMethod: string | undefined, fullPath: string): Endpoint | undefined {
  // Matching ignores the query, so the cache never keeps query values (JQL, account ids) either.
  const q = fullPath.indexOf('?');
  const h = fullPath.indexOf('#');
  const cut = q < 0 ? h : h < 0 ? q : Math.min(q, h);
  const path = cut < 0 ? fullPath : fullPath.slice(0, cut);
  let byMethod = cache.get(family);
  if (byMethod === undefined) {
    byMethod = new Map();
    cache.set(family, byMethod);
  }
  let byPath = byMethod.get(rawMethod);
  if (byPath === undefined) {
    const method = rawMethod === undefined ? 'GET' : asciiUpperCase(rawMethod);
    if (!HTTP_METHODS.has(method)) return undefined;
    byPath = new Map();
    byMethod.set(rawMethod, byPath);
  }
  let endpoint = byPath.get(path);
  if (endpoint === undefined) {
    endpoint = computeEndpoint(family, (rawMethod === undefined ? 'GET' : asciiUpperCase(rawMethod)) as HttpMethod, path);
    // Apps that put ids in paths produce unbounded distinct paths: a full reset is cheaper
    // than LRU bookkeeping on the hot path and keeps memory bounded.
    if (byPath.size >= MAX_CACHED_PATHS) byPath.clear();
    byPath.set(path, endpoint);
  }
  return endpoint;
}

/** Returns the endpoint for a (family, method, path) without touching the cache. */
export function computeEndpoint(family: Family, method: HttpMethod, path: string): Endpoint {
  const result = match(family, method, path);
  if (result.operation !== undefined) {
    return intern(family, result.operation.method, result.operation.template, true);
  }
  return intern(family, method, redactPath(path, catalogVocabulary()), false);
}

/** Returns the one shared `Endpoint` object for this identity. */
export function intern(family: Family | Surface, method: HttpMethod, template: string, known: boolean): Endpoint {
  const key = `${family} ${method} ${known ? 'k' : 'u'} ${template}`;
  let endpoint = interned.get(key);
  if (endpoint === undefined) {
    // Unknown shapes are bounded by the shape rules, known templates by the catalog.
    const familyCode = Object.hasOwn(SURFACE_CODE, family) ? SURFACE_CODE[family as Surface] : FAMILY_CODE[family as Family];
    endpoint = Object.freeze({ family, familyCode, method, template, known });
    if (interned.size >= MAX_INTERNED) interned.clear();
    interned.set(key, endpoint);
  }
  return endpoint;
}
