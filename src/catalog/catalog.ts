import { ALTERNATIVE_KINDS, FLAG_DEPRECATED, FLAG_EXPERIMENTAL, FLAG_PATH_UNVERIFIED, FLAG_UNDOCUMENTED, REQUIREMENT_SOURCES } from './compact-format';
import type { CompactExtra, CompactIndex, CompactOperation, CompactSource } from './compact-format';
import { catalogIndex } from './generated/catalog-index';
import { docUrl, documentPath } from './doc-url';
import { FAMILY_OF_PRODUCT, PART_BITS, PARTS, partOfTemplate, partsOf, type CatalogPart } from './families';
import { scopeKind, scopeProduct } from './scope-kind';
import type { Family, HttpMethod, Operation, Product, ScopeAlternative, ScopeInfo } from './types';

export { FAMILY_OF_PRODUCT } from './families';

/** Loads one part's compact operations. */
export type PartLoader = (part: CatalogPart) => readonly CompactOperation[];

/** The catalog: scope metadata at once, each part's operations decoded on first use. */
export interface Catalog {
  /** Every operation, part by part (decodes every part). */
  readonly operations: readonly Operation[];
  /** One family's operations (decodes that family's parts only). */
  family(family: Family): readonly Operation[];
  /** One part's operations (decodes that part only). */
  part(part: CatalogPart): readonly Operation[];
  /** The operation with key `METHOD template`, or undefined; decodes only the part the template belongs to. */
  get(key: string): Operation | undefined;
  /**
   * The operations of every part whose operations name one of these scopes: all that a scope
   * set drawn from them can authorize (`operationsAuthorizedBy` gives the same answer over
   * these as over every operation), without decoding the other parts.
   */
  forScopes(scopes: Iterable<string>): readonly Operation[];
  /** Scope metadata (kind, description, validity, operation count); decodes no part. */
  readonly scopes: ReadonlyMap<string, ScopeInfo>;
  readonly index: CompactIndex;
  /** The parts decoded so far, in order. */
  loadedParts(): CatalogPart[];
}

/** An operation decoded from the compact tuple; the documentation link is built on first use. */
class CatalogOperation implements Operation {
  readonly key: string;
  readonly family: Family;
  readonly deprecated: boolean;
  readonly experimental: boolean;
  readonly undocumented: boolean;
  // Declared, not initialised: an absent field is no property at all (smaller objects, clean JSON).
  declare readonly removed?: string;
  declare readonly legacyScopes?: readonly string[];
  declare readonly sourceUrl?: string;
  declare readonly partial?: string;
  declare readonly probableScopes?: readonly string[];
  declare readonly forgePathUnverified?: boolean;
  declare private url?: string;

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
    extra: CompactExtra | undefined,
  ) {
    this.key = `${method} ${template}`;
    this.family = FAMILY_OF_PRODUCT[product];
    this.deprecated = (flags & FLAG_DEPRECATED) !== 0;
    this.experimental = (flags & FLAG_EXPERIMENTAL) !== 0;
    this.undocumented = (flags & FLAG_UNDOCUMENTED) !== 0;
    if (flags & FLAG_PATH_UNVERIFIED) this.forgePathUnverified = true;
    if (source.edition !== 'current' && source.edition !== 'hand-written') this.removed = source.edition;
    // Only what is present becomes a property, so JSON output stays as small as the data.
    if (extra?.legacyScopes) this.legacyScopes = extra.legacyScopes;
    if (extra?.sourceUrl) this.sourceUrl = extra.sourceUrl;
    if (extra?.partial) this.partial = extra.partial;
    if (extra?.probableScopes) this.probableScopes = extra.probableScopes;
  }

  get docUrl(): string {
    // Hand-written entries link the page they were read from; anchors use the document's own path.
    return (this.url ??= this.sourceUrl ?? docUrl(this.source.docs, this.tag, this.method, documentPath(this.template, this.source.docPrefixes)));
  }

  toJSON(): object {
    const { source: _source, tag: _tag, url: _url, ...fields } = this;
    return { ...fields, docUrl: this.docUrl };
  }
}

function decodePart(index: CompactIndex, compact: readonly CompactOperation[]): Operation[] {
  const alternativeCache = new Map<string, ScopeAlternative>();
  return compact.map(([sourceIndex, method, template, operationId, summary, flags, alts, tag, extra]) => {
    const source = index.sources[sourceIndex];
    const alternatives = alts.map(([kind, from, scopeIndexes]) => {
      // Many operations share the same alternative; share the frozen object too.
      const cacheKey = `${kind}|${from}|${scopeIndexes.join(',')}`;
      let alt = alternativeCache.get(cacheKey);
      if (!alt) {
        alt = Object.freeze({ kind: ALTERNATIVE_KINDS[kind], scopes: Object.freeze(scopeIndexes.map((i) => index.scopes[i])), source: REQUIREMENT_SOURCES[from] });
        alternativeCache.set(cacheKey, alt);
      }
      return alt;
    });
    return new CatalogOperation(source.product as Product, method as HttpMethod, template, operationId, summary, flags, alternatives, source, tag, extra);
  });
}

function buildScopeInfo(index: CompactIndex): Map<string, ScopeInfo> {
  const valid = new Set(index.validScopes);
  return new Map<string, ScopeInfo>(
    index.scopes.map((name, i) => [
      name,
      { name, kind: scopeKind(name), product: scopeProduct(name), description: index.scopeDescriptions[i], valid: valid.has(i), operationCount: index.scopeOperations[i] },
    ]),
  );
}

const ALL_PARTS = PARTS.reduce((mask, p) => mask | PART_BITS[p.name], 0);

/** Returns a catalog over an index whose part operations `load` supplies on first use. */
export function decodeCatalog(index: CompactIndex, load: PartLoader): Catalog {
  const decoded = new Map<CatalogPart, { operations: Operation[]; byKey: Map<string, Operation> }>();
  const partOf = (part: CatalogPart) => {
    let entry = decoded.get(part);
    if (!entry) {
      const operations = decodePart(index, load(part));
      entry = { operations, byKey: new Map(operations.map((op) => [op.key, op])) };
      decoded.set(part, entry);
    }
    return entry;
  };
  const byMask = new Map<number, readonly Operation[]>();
  const ofMask = (mask: number): readonly Operation[] => {
    let list = byMask.get(mask);
    if (!list) byMask.set(mask, (list = PARTS.flatMap((p) => (mask & PART_BITS[p.name] ? partOf(p.name).operations : []))));
    return list;
  };
  let scopeIds: Map<string, number> | undefined;
  let scopes: Map<string, ScopeInfo> | undefined;
  return {
    get operations() {
      return ofMask(ALL_PARTS);
    },
    family: (family) => ofMask(partsOf(family).reduce((mask, p) => mask | PART_BITS[p], 0)),
    part: (part) => partOf(part).operations,
    get(key) {
      const space = key.indexOf(' ');
      return space < 0 ? undefined : partOf(partOfTemplate(key.slice(space + 1))).byKey.get(key);
    },
    forScopes(names) {
      scopeIds ??= new Map(index.scopes.map((s, i) => [s, i]));
      let mask = 0;
      for (const name of names) mask |= index.scopeParts[scopeIds.get(name) ?? -1] ?? 0;
      return ofMask(mask);
    },
    // Scope metadata is only needed by reports, not by the recorder: build it on first use.
    get scopes() {
      return (scopes ??= buildScopeInfo(index));
    },
    index,
    loadedParts: () => PARTS.map((p) => p.name).filter((p) => decoded.has(p)),
  };
}

// One require per part, each run on first use: a Jira-only app never loads Confluence or
// Bitbucket data (static strings, so bundlers still include every module).
const LOADERS: Readonly<Record<CatalogPart, () => readonly CompactOperation[]>> = {
  'jira-platform': () => require('./generated/catalog-jira-platform').partOperations,
  jira: () => require('./generated/catalog-jira').partOperations,
  confluence: () => require('./generated/catalog-confluence').partOperations,
  bitbucket: () => require('./generated/catalog-bitbucket').partOperations,
};

let loaded: Catalog | undefined;

/** Returns the built-in catalog; each part's operations are loaded and decoded on first use. */
export function loadCatalog(): Catalog {
  return (loaded ??= decodeCatalog(catalogIndex, (part) => LOADERS[part]()));
}
