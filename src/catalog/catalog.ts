import { ALTERNATIVE_KINDS, FLAG_DEPRECATED, FLAG_EXPERIMENTAL, FLAG_UNDOCUMENTED, REQUIREMENT_SOURCES } from './compact-format';
import type { CompactCatalog, CompactSource } from './compact-format';
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

/** An operation decoded from the compact tuple; the documentation link is built on first use. */
class CatalogOperation implements Operation {
  readonly key: string;
  readonly family: Family;
  readonly removed?: string;
  readonly legacyScopes?: readonly string[];
  private url?: string;

  constructor(
    readonly product: Product,
    readonly method: HttpMethod,
    readonly template: string,
    readonly operationId: string,
    readonly summary: string,
    flags: number,
    readonly alternatives: readonly ScopeAlternative[],
    private readonly source: CompactSource,
    private readonly tag: string,
    legacy: readonly string[] | undefined,
  ) {
    this.key = `${method} ${template}`;
    this.family = FAMILY_OF_PRODUCT[product];
    this.deprecated = (flags & FLAG_DEPRECATED) !== 0;
    this.experimental = (flags & FLAG_EXPERIMENTAL) !== 0;
    this.undocumented = (flags & FLAG_UNDOCUMENTED) !== 0;
    if (source.edition !== 'current') this.removed = source.edition;
    if (legacy) this.legacyScopes = legacy;
  }

  readonly deprecated: boolean;
  readonly experimental: boolean;
  readonly undocumented: boolean;

  get docUrl(): string {
    // Anchors use the document's own path, without the server prefix the build added.
    const prefix = SERVER_PREFIX[this.source.name] ?? '';
    return (this.url ??= docUrl(this.product, this.source.name, this.tag, this.method, this.template.slice(prefix.length)));
  }

  toJSON(): object {
    const { source: _source, tag: _tag, url: _url, ...fields } = this;
    return { ...fields, docUrl: this.docUrl };
  }
}

/** Decodes compact catalog data into operations and scope metadata. */
export function decodeCatalog(data: CompactCatalog): Catalog {
  const alternativeCache = new Map<string, ScopeAlternative>();
  const operations: Operation[] = data.operations.map(([sourceIndex, method, template, operationId, summary, flags, alts, tag, legacy]) => {
    const source = data.sources[sourceIndex];
    const alternatives = alts.map(([kind, from, scopeIndexes]) => {
      // Many operations share the same alternative; share the frozen object too.
      const cacheKey = `${kind}|${from}|${scopeIndexes.join(',')}`;
      let alt = alternativeCache.get(cacheKey);
      if (!alt) {
        alt = Object.freeze({ kind: ALTERNATIVE_KINDS[kind], scopes: Object.freeze(scopeIndexes.map((i) => data.scopes[i])), source: REQUIREMENT_SOURCES[from] });
        alternativeCache.set(cacheKey, alt);
      }
      return alt;
    });
    return new CatalogOperation(source.product as Product, method as HttpMethod, template, operationId, summary, flags, alternatives, source, tag, legacy);
  });
  const byKey = new Map(operations.map((op) => [op.key, op]));
  let scopes: Map<string, ScopeInfo> | undefined;
  return {
    operations,
    byKey,
    data,
    // Scope metadata is only needed by reports, not by the recorder: build it on first use.
    get scopes() {
      return (scopes ??= buildScopeInfo(data, operations));
    },
  };
}

function buildScopeInfo(data: CompactCatalog, operations: readonly Operation[]): Map<string, ScopeInfo> {
  const counts = new Map<string, number>();
  for (const op of operations) {
    const named = new Set<string>();
    for (const alt of op.alternatives) for (const s of alt.scopes) named.add(s);
    for (const s of named) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const valid = new Set(data.validScopes);
  return new Map<string, ScopeInfo>(
    data.scopes.map((name, i) => [
      name,
      { name, kind: scopeKind(name), product: scopeProduct(name), description: data.scopeDescriptions[i], valid: valid.has(i), operationCount: counts.get(name) ?? 0 },
    ]),
  );
}

let loaded: Catalog | undefined;

/** Returns the built-in catalog, decoding it on first use. */
export function loadCatalog(): Catalog {
  return (loaded ??= decodeCatalog(catalogData));
}
