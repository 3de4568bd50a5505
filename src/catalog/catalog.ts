import { ALTERNATIVE_KINDS, FLAG_DEPRECATED, FLAG_EXPERIMENTAL, FLAG_UNDOCUMENTED, REQUIREMENT_SOURCES } from './compact-format';
import type { CompactCatalog } from './compact-format';
import { catalogData } from './generated/catalog-data';
import { docUrl } from './doc-url';
import { scopeKind, scopeProduct } from './scope-kind';
import type { Family, HttpMethod, Operation, Product, ScopeAlternative, ScopeInfo } from './types';

/** Which fetch function an app calls a product's operations through. */
export const FAMILY_OF_PRODUCT: Readonly<Record<Product, Family>> = {
  jira: 'requestJira',
  'jira-software': 'requestJira',
  'jira-service-management': 'requestJira',
  confluence: 'requestConfluence',
  bitbucket: 'requestBitbucket',
};

/** The decoded catalog: operations, lookups by key, and scope metadata. */
export interface Catalog {
  readonly operations: readonly Operation[];
  readonly byKey: ReadonlyMap<string, Operation>;
  readonly scopes: ReadonlyMap<string, ScopeInfo>;
  readonly data: CompactCatalog;
}

const SERVER_PREFIX: Readonly<Record<string, string>> = { 'confluence-v2.json': '/wiki/api/v2', 'bitbucket.json': '/2.0' };

/** Decodes compact catalog data into operations and scope metadata. */
export function decodeCatalog(data: CompactCatalog): Catalog {
  const alternativeCache = new Map<string, ScopeAlternative>();
  const operations = data.operations.map((tuple): Operation => {
    const [sourceIndex, method, template, operationId, summary, flags, alts, tag, legacy] = tuple;
    const source = data.sources[sourceIndex];
    const product = source.product as Product;
    const family = FAMILY_OF_PRODUCT[product];
    const alternatives = alts.map(([kind, from, scopeIndexes]) => {
      // Many operations share the same alternative; share the frozen object too.
      const cacheKey = `${kind}|${from}|${scopeIndexes.join(',')}`;
      let alt = alternativeCache.get(cacheKey);
      if (!alt) {
        alt = Object.freeze({
          kind: ALTERNATIVE_KINDS[kind],
          scopes: Object.freeze(scopeIndexes.map((i) => data.scopes[i])),
          source: REQUIREMENT_SOURCES[from],
        });
        alternativeCache.set(cacheKey, alt);
      }
      return alt;
    });
    // Anchors use the document's own path, without the server prefix the build added.
    const prefix = SERVER_PREFIX[source.name] ?? '';
    const documentPath = template.slice(prefix.length);
    return Object.freeze({
      key: `${method} ${template}`,
      product,
      family,
      method: method as HttpMethod,
      template,
      operationId,
      summary,
      deprecated: (flags & FLAG_DEPRECATED) !== 0,
      experimental: (flags & FLAG_EXPERIMENTAL) !== 0,
      ...(source.edition !== 'current' ? { removed: source.edition } : {}),
      alternatives: Object.freeze(alternatives),
      undocumented: (flags & FLAG_UNDOCUMENTED) !== 0,
      ...(legacy ? { legacyScopes: Object.freeze([...legacy]) } : {}),
      docUrl: docUrl(product, source.name, tag, method as HttpMethod, documentPath),
    });
  });
  const byKey = new Map(operations.map((op) => [op.key, op]));
  const counts = new Map<string, number>();
  for (const op of operations) {
    const named = new Set<string>();
    for (const alt of op.alternatives) for (const s of alt.scopes) named.add(s);
    for (const s of named) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const valid = new Set(data.validScopes);
  const scopes = new Map<string, ScopeInfo>(
    data.scopes.map((name, i) => [
      name,
      Object.freeze({
        name,
        kind: scopeKind(name),
        product: scopeProduct(name),
        description: data.scopeDescriptions[i],
        valid: valid.has(i),
        operationCount: counts.get(name) ?? 0,
      }),
    ]),
  );
  return { operations: Object.freeze(operations), byKey, scopes, data };
}

let loaded: Catalog | undefined;

/** Returns the built-in catalog, decoding it on first use. */
export function loadCatalog(): Catalog {
  return (loaded ??= decodeCatalog(catalogData));
}
