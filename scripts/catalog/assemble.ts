import type { CompactAlternative, CompactCatalog, CompactOperation, CompactSource } from '../../src/catalog/compact-format';
import { ALTERNATIVE_KINDS, FLAG_DEPRECATED, FLAG_EXPERIMENTAL, FLAG_UNDOCUMENTED, REQUIREMENT_SOURCES } from '../../src/catalog/compact-format';
import type { DocumentSpec } from './documents';
import type { ExtractResult, RawOperation } from './extract-operations';
import { addInferredAlternatives } from './inferred';

/** A document with what was extracted from it. */
export interface LoadedDocument {
  spec: DocumentSpec;
  doc: any;
  extracted: ExtractResult;
}

const METHOD_ORDER = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE', 'TRACE'];

/** Identity of an operation across editions: parameter names may be renamed between them. */
export function shapeKey(family: string, method: string, template: string): string {
  return `${family} ${method} ${template.replace(/\{[^}]*\}/g, '{}').replace(/^\/rest\/api\/(2|latest)\//, '/rest/api/3/')}`;
}

/** Merges the extracted documents into the compact catalog and a printable build report. */
export function assembleCatalog(
  loaded: LoadedDocument[],
  forge: { scopes: Set<string>; version: string },
): { catalog: CompactCatalog; report: string[] } {
  const report: string[] = [];
  const seen = new Map<string, string>();
  const kept: { source: number; op: RawOperation }[] = [];
  const sources: CompactSource[] = [];
  const descriptions = new Map<string, string>();
  const unknownScopes = new Map<string, number>();

  loaded.forEach(({ spec, doc, extracted }, source) => {
    for (const [scope, text] of extracted.scopeDescriptions) if (!descriptions.has(scope) || !spec.edition) descriptions.set(scope, text);
    const inferred = addInferredAlternatives(spec.product, extracted.operations);
    let withScopes = 0;
    let without = 0;
    let skippedAsCurrent = 0;
    let duplicates = 0;
    const ops = [...extracted.operations].sort(
      (a, b) => (a.template < b.template ? -1 : a.template > b.template ? 1 : METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method)),
    );
    let count = 0;
    for (const op of ops) {
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
      for (const alt of op.alternatives) for (const s of alt.scopes) if (!forge.scopes.has(s)) unknownScopes.set(s, (unknownScopes.get(s) ?? 0) + 1);
      kept.push({ source, op });
      count++;
    }
    sources.push({
      name: spec.file,
      product: spec.product,
      title: String(doc?.info?.title ?? ''),
      version: String(doc?.info?.version ?? ''),
      edition: spec.edition ?? 'current',
      operations: count,
    });
    report.push(
      `${spec.file} (${spec.product}${spec.edition ? `, edition ${spec.edition}` : ''}): ${extracted.operations.length} operations read, ` +
        `${withScopes} with scopes, ${without} without scopes` +
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

  const scopeNames = new Set<string>(forge.scopes);
  for (const { op } of kept) for (const alt of op.alternatives) for (const s of alt.scopes) scopeNames.add(s);
  const scopes = [...scopeNames].sort();
  const index = new Map(scopes.map((s, i) => [s, i]));
  const operations: CompactOperation[] = kept.map(({ source, op }) => {
    const alternatives: CompactAlternative[] = op.alternatives.map((a) => [
      ALTERNATIVE_KINDS.indexOf(a.kind) as 0 | 1 | 2,
      REQUIREMENT_SOURCES.indexOf(a.source) as 0 | 1 | 2 | 3,
      a.scopes.map((s) => index.get(s)!),
    ]);
    const flags = (op.deprecated ? FLAG_DEPRECATED : 0) | (op.experimental ? FLAG_EXPERIMENTAL : 0) | (alternatives.length ? 0 : FLAG_UNDOCUMENTED);
    const base = [source, op.method, op.template, op.operationId, op.summary, flags, alternatives, op.tag] as const;
    return op.legacyScopes.length ? [...base, op.legacyScopes] : base;
  });
  return {
    catalog: {
      format: 1,
      sources,
      scopes,
      scopeDescriptions: scopes.map((s) => descriptions.get(s) ?? ''),
      validScopes: scopes.flatMap((s, i) => (forge.scopes.has(s) ? [i] : [])),
      forgeManifestVersion: forge.version,
      operations,
    },
    report,
  };
}
