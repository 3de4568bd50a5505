export type * from './types';
export { loadCatalog, decodeCatalog, FAMILY_OF_PRODUCT, type Catalog, type PartLoader } from './catalog';
export { FAMILIES, PARTS, familyOfTemplate, partOfTemplate, partOfPath, type CatalogPart } from './families';
export { INTERNAL_APIS, internalApiOf, type InternalApi } from './internal-apis';
export { asciiUpperCase } from './ascii-case';
export { match, normalizeMethod } from './matcher';
export { routeIndex, buildRouteIndex, type RouteIndex, type PartRoutes } from './route-index';
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
  return loadCatalog().get(key);
}

/**
 * Returns the operations a set of scopes drawn from `scopes` can authorize: those of every
 * catalog part whose operations name one of them (other parts are not loaded). Pass it to
 * `operationsAuthorizedBy` / `leastPrivilegePlan` for the same answers as over every operation.
 */
export function operationsForScopes(scopes: Iterable<string>): readonly Operation[] {
  return loadCatalog().forScopes(scopes);
}

/** Returns what the catalog knows of a scope (kind, description, validity), or undefined. */
export function scopeInfo(name: string): ScopeInfo | undefined {
  return loadCatalog().scopes.get(name);
}
