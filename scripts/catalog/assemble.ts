import type { CompactAlternative, CompactExtra, CompactIndex, CompactOperation, CompactSource } from '../../src/catalog/compact-format';
import {
  ALTERNATIVE_KINDS,
  FLAG_DEPRECATED,
  FLAG_EXPERIMENTAL,
  FLAG_PATH_UNVERIFIED,
  FLAG_UNDOCUMENTED,
  REQUIREMENT_SOURCES,
} from '../../src/catalog/compact-format';
import { familyOfTemplate, PART_BITS, PARTS, partOfTemplate, type CatalogPart } from '../../src/catalog/families';
import type { DocumentSpec } from './documents';
import type { ExtractResult, RawOperation } from './extract-operations';
import { addInferredAlternatives } from './inferred';

/** A document with what was extracted from it. */
export interface LoadedDocument {
  spec: DocumentSpec;
  doc: any;
  extracted: ExtractResult;
  /** True for the hand-written entries (scripts/catalog/hand-written.json). */
  handWritten?: boolean;
}

/** The generated catalog: the index and each part's operations. */
export interface AssembledCatalog {
  index: CompactIndex;
  parts: Record<CatalogPart, CompactOperation[]>;
}

const METHOD_ORDER = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE', 'TRACE'];

/** Identity of an operation across editions: parameter names may be renamed between them. */
export function shapeKey(family: string, method: string, template: string): string {
  return `${family} ${method} ${template.replace(/\{[^}]*\}/g, '{}').replace(/^\/rest\/api\/(2|latest)\//, '/rest/api/3/')}`;
}

/** Merges the extracted documents into the compact catalog and a printable build report. */
export function assembleCatalog(loaded: LoadedDocument[], forge: { scopes: Set<string>; version: string }): { catalog: AssembledCatalog; report: string[] } {
  const report: string[] = [];
  const seen = new Map<string, string>();
  const kept: { source: number; part: CatalogPart; op: RawOperation }[] = [];
  const sources: CompactSource[] = [];
  const descriptions = new Map<string, string>();
  const unknownScopes = new Map<string, number>();

  loaded.forEach(({ spec, doc, extracted, handWritten }, source) => {
    for (const [scope, text] of extracted.scopeDescriptions) if (!descriptions.has(scope) || !spec.edition) descriptions.set(scope, text);
    const inferred = addInferredAlternatives(spec.product, extracted.operations);
    let withScopes = 0;
    let without = 0;
    let skippedAsCurrent = 0;
    let duplicates = 0;
    let partial = 0;
    const ops = [...extracted.operations].sort(
      (a, b) => (a.template < b.template ? -1 : a.template > b.template ? 1 : METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method)),
    );
    let count = 0;
    for (const op of ops) {
      // A key must name its family without loading any (see familyOfTemplate): a path outside
      // the family's prefix is a document error (the 2021 Confluence edition has one), reported.
      if (familyOfTemplate(op.template) !== spec.family) {
        extracted.problems.push(`${spec.file}: ${op.method} ${op.template}: not kept: a ${spec.family} path must ${spec.family === 'requestJira' ? 'not start with /wiki/ or /2.0/' : `start with ${spec.family === 'requestConfluence' ? '/wiki/' : '/2.0/'}`}`);
        continue;
      }
      const key = shapeKey(spec.family, op.method, op.template);
      const owner = seen.get(key);
      if (owner) {
        if (spec.edition) skippedAsCurrent++;
        else {
          duplicates++;
          extracted.problems.push(`${spec.file}: ${op.method} ${op.template} duplicates an operation of ${owner}; the first is kept`);
        }
        continue;
      }
      seen.set(key, spec.file);
      if (op.alternatives.length) withScopes++;
      else without++;
      if (op.partial) partial++;
      for (const alt of op.alternatives) for (const s of alt.scopes) if (!forge.scopes.has(s)) unknownScopes.set(s, (unknownScopes.get(s) ?? 0) + 1);
      kept.push({ source, part: partOfTemplate(op.template), op });
      count++;
    }
    sources.push({
      name: spec.file,
      product: spec.product,
      family: spec.family,
      title: String(doc?.info?.title ?? ''),
      version: String(doc?.info?.version ?? ''),
      edition: handWritten ? 'hand-written' : (spec.edition ?? 'current'),
      operations: count,
      docs: spec.docs,
      ...(spec.docPrefixes ? { docPrefixes: spec.docPrefixes } : {}),
      ...(spec.pathForms ? { pathForms: spec.pathForms } : {}),
    });
    report.push(
      `${spec.file} (${spec.product}${spec.edition ? `, edition ${spec.edition}` : ''}${handWritten ? ', hand-written' : ''}): ${extracted.operations.length} operations read, ` +
        `${withScopes} with scopes, ${without} without scopes` +
        (partial ? ` (${partial} partial: scope unverified)` : '') +
        (inferred ? `, ${inferred} with an inferred classic alternative` : '') +
        (spec.edition ? `, ${skippedAsCurrent} still current (kept from today's document), ${count} kept as removed` : '') +
        (duplicates ? `, ${duplicates} duplicates` : '') +
        `, ${extracted.problems.length} not interpreted`,
    );
    for (const problem of extracted.problems) report.push(`  ! ${problem}`);
  });
  if (unknownScopes.size) {
    report.push(`scopes not in @forge/manifest ${forge.version}'s valid list (kept, flagged invalid):`);
    for (const [s, n] of [...unknownScopes].sort()) report.push(`  ? ${s} (${n} operations)`);
  }
  // Part-major order, documents in build order within a part: every part module is a slice
  // of the one list, so loading some parts keeps the order all of them have.
  const order = PARTS.map((p) => p.name);
  kept.sort((a, b) => order.indexOf(a.part) - order.indexOf(b.part));

  const scopeNames = new Set<string>(forge.scopes);
  for (const { op } of kept) for (const alt of op.alternatives) for (const s of alt.scopes) scopeNames.add(s);
  const scopes = [...scopeNames].sort();
  const index = new Map(scopes.map((s, i) => [s, i]));
  const scopeOperations = scopes.map(() => 0);
  const scopeParts = scopes.map(() => 0);
  const parts = Object.fromEntries(order.map((p) => [p, [] as CompactOperation[]])) as Record<CatalogPart, CompactOperation[]>;
  for (const { source, part, op } of kept) {
    const named = new Set<number>();
    const alternatives: CompactAlternative[] = op.alternatives.map((a) => {
      const ids = a.scopes.map((s) => index.get(s)!);
      for (const id of ids) named.add(id);
      return [ALTERNATIVE_KINDS.indexOf(a.kind) as 0 | 1 | 2, REQUIREMENT_SOURCES.indexOf(a.source) as CompactAlternative[1], ids];
    });
    for (const id of named) {
      scopeOperations[id]++;
      scopeParts[id] |= PART_BITS[part];
    }
    const flags =
      (op.deprecated ? FLAG_DEPRECATED : 0) | (op.experimental ? FLAG_EXPERIMENTAL : 0) | (alternatives.length ? 0 : FLAG_UNDOCUMENTED) | (op.pathUnverified ? FLAG_PATH_UNVERIFIED : 0);
    const extra: CompactExtra = {
      ...(op.legacyScopes.length ? { legacyScopes: op.legacyScopes } : {}),
      ...(op.sourceUrl ? { sourceUrl: op.sourceUrl } : {}),
      ...(op.partial ? { partial: op.partial } : {}),
      ...(op.probableScopes?.length ? { probableScopes: op.probableScopes } : {}),
    };
    const base = [source, op.method, op.template, op.operationId, op.summary, flags, alternatives, op.tag] as const;
    parts[part].push(Object.keys(extra).length ? [...base, extra] : base);
  }
  return {
    catalog: {
      index: {
        format: 2,
        sources,
        scopes,
        scopeDescriptions: scopes.map((s) => descriptions.get(s) ?? ''),
        scopeOperations,
        scopeParts,
        validScopes: scopes.flatMap((s, i) => (forge.scopes.has(s) ? [i] : [])),
        forgeManifestVersion: forge.version,
        parts: Object.fromEntries(order.map((p) => [p, parts[p].length])) as Record<CatalogPart, number>,
      },
      parts,
    },
    report,
  };
}
