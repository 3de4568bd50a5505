export type * from './types';
export { loadCatalog, decodeCatalog, FAMILY_OF_PRODUCT, type Catalog } from './catalog';
export { match, normalizeMethod, routeIndex, buildRouteIndex, type RouteIndex } from './matcher';
export { matchPattern, enumeratePattern } from './pattern';
export { isAuthorized, missingScopes, additionFor, operationsAuthorizedBy, alternativeSatisfied } from './requirements';
export { scopeKind, scopeProduct } from './scope-kind';
export { MAX_PATH_LENGTH } from './path';

import { loadCatalog } from './catalog';
import type { Operation, ScopeInfo } from './types';

/** Returns every operation of the built-in catalog. */
export function operations(): readonly Operation[] {
  return loadCatalog().operations;
}

/** Returns the operation with key `METHOD template`, or undefined. */
export function getOperation(key: string): Operation | undefined {
  return loadCatalog().byKey.get(key);
}

/** Returns what the catalog knows of a scope (kind, description, validity), or undefined. */
export function scopeInfo(name: string): ScopeInfo | undefined {
  return loadCatalog().scopes.get(name);
}
