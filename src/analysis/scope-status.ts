import { getOperation, scopeKind, scopeProduct } from '../catalog';
import type { Family } from '../catalog/types';
import type { InvalidScope } from '../manifest/invalid-scopes';
import type { DeclaredScope } from '../manifest/types';
import type { Need } from './plan';
import type { EndpointReport, OtherNeed, Report, UnknownRuntimeEndpoint, UnresolvedReport } from './report-types';

/** Inputs of the scope classification, all already computed by `analyze`. */
export interface ScopeStatusInput {
  declared: readonly DeclaredScope[];
  invalid: readonly InvalidScope[];
  needs: readonly Need[];
  endpoints: readonly EndpointReport[];
  otherNeeds: readonly OtherNeed[];
  unresolved: readonly UnresolvedReport[];
  unknownRuntime: readonly UnknownRuntimeEndpoint[];
  /** Scopes every observed installation granted (undefined without usage data). */
  grantedEverywhere?: ReadonlySet<string>;
}

const MAX_REASONS = 5;

/** Returns the product function a scope's operations are called through, if any. */
function familyOfScope(scope: string): Family | undefined {
  const product = scopeProduct(scope);
  if (product.startsWith('jira') || product === 'servicedesk') return 'requestJira';
  if (product === 'confluence') return 'requestConfluence';
  if (product === 'bitbucket') return 'requestBitbucket';
  return undefined;
}

/** Returns what may need a scope although no known need does: unresolved calls, undocumented or unknown endpoints. */
function whatMayNeed(scope: string, input: ScopeStatusInput): string[] {
  const family = familyOfScope(scope);
  const reasons: string[] = [];
  for (const u of input.unresolved) {
    const at = `${u.file}:${u.line}`;
    if (u.candidates.length) {
      const hit = u.candidates.find((key) => getOperation(key)?.alternatives.some((a) => a.scopes.includes(scope)));
      if (hit) reasons.push(`unresolved call at ${at} may be ${hit}`);
    } else if (u.kind === 'api' || (family && (!u.family || u.family === family))) {
      reasons.push(`unresolved call at ${at}: ${u.reason}`);
    }
  }
  if (family) {
    for (const e of input.endpoints) if (e.undocumented && e.family === family) reasons.push(`${e.key} lists no scopes in Atlassian's documents`);
    for (const u of input.unknownRuntime) if (u.family === family) reasons.push(`runtime calls to ${u.method} ${u.shape}, not in the catalog`);
  }
  return reasons.length > MAX_REASONS ? [...reasons.slice(0, MAX_REASONS), `and ${reasons.length - MAX_REASONS} more`] : reasons;
}

/** Classifies the declared scopes: used, unused (certain or unless something unresolved needs them), missing, replaceable, invalid. */
export function classifyScopes(input: ScopeStatusInput): Omit<Report['scopes'], 'duplicates'> {
  const invalidNames = new Set(input.invalid.map((i) => i.name));
  const declared = new Set(input.declared.map((s) => s.name));
  const satisfied = (alt: readonly string[]) => alt.length > 0 && alt.every((s) => declared.has(s));

  const usedBy = new Map<string, string[]>();
  for (const need of input.needs) {
    for (const alt of need.alternatives) {
      if (!satisfied(alt)) continue;
      for (const s of alt) {
        const list = usedBy.get(s) ?? [];
        if (!list.includes(need.id)) list.push(need.id);
        usedBy.set(s, list);
      }
    }
  }

  const replaceable: Report['scopes']['replaceable'] = [];
  for (const d of input.declared) {
    const neededBy = usedBy.get(d.name);
    if (!neededBy || scopeKind(d.name) !== 'classic') continue;
    const needs = input.needs.filter((n) => neededBy.includes(n.id));
    const replacement = new Set<string>();
    const coverable = needs.every((n) => {
      const granular = n.alternatives.filter((a) => a.length > 0 && a.every((s) => scopeKind(s) === 'granular'));
      if (!granular.length) return false;
      const cheapest = [...granular].sort((a, b) => a.filter((s) => !declared.has(s)).length - b.filter((s) => !declared.has(s)).length)[0];
      for (const s of cheapest) replacement.add(s);
      return true;
    });
    if (!coverable) continue;
    const scopes = [...replacement].sort();
    replaceable.push({ classic: d.name, line: d.line, column: d.column, replacement: scopes, toAdd: scopes.filter((s) => !declared.has(s)), neededBy });
  }

  const locations = (e: EndpointReport) => e.calls.map(({ file, line, column }) => ({ file, line, column }));
  const missing: Report['scopes']['missing'] = [
    ...input.endpoints
      .filter((e) => !e.authorized)
      .map((e) => ({ need: e.key, where: 'manifest' as const, add: e.missing, locations: locations(e), scopeMismatch401: e.runtime?.scopeMismatch401 ?? 0 })),
    ...input.otherNeeds
      .filter((n) => !n.authorized)
      .map((n) => ({ need: n.reason, where: 'manifest' as const, add: n.missing, locations: [{ file: n.file, line: n.line, column: n.column }], scopeMismatch401: 0 })),
    // Declared but refused at runtime: a site has not granted what the manifest now asks for.
    ...input.endpoints
      .filter((e) => e.authorized && (e.runtime?.scopeMismatch401 ?? 0) > 0)
      .map((e) => {
        // The grant the site lacks: of an alternative the manifest declares, what it has not granted.
        const granted = input.grantedEverywhere;
        const declaredAlternative = e.alternatives.find((a) => satisfied(a.scopes));
        const add = granted && declaredAlternative ? declaredAlternative.scopes.filter((s) => !granted.has(s)) : [];
        return { need: e.key, where: 'installation' as const, add, locations: locations(e), scopeMismatch401: e.runtime!.scopeMismatch401 };
      }),
  ];

  return {
    declared: input.declared.map((d) => ({ name: d.name, line: d.line, column: d.column, kind: scopeKind(d.name), valid: !invalidNames.has(d.name) })),
    used: input.declared
      .filter((d) => usedBy.has(d.name))
      .map((d) => ({ name: d.name, kind: scopeKind(d.name), neededBy: usedBy.get(d.name)! })),
    unused: input.declared
      .filter((d) => !usedBy.has(d.name) && !invalidNames.has(d.name))
      .map((d) => {
        const because = whatMayNeed(d.name, input);
        return { name: d.name, line: d.line, column: d.column, kind: scopeKind(d.name), status: because.length ? 'unused-unless-unresolved' : 'unused', because } as const;
      }),
    missing,
    missingScopes: [...new Set(missing.filter((m) => m.where === 'manifest').flatMap((m) => m.add))].sort(),
    replaceable,
    invalid: input.invalid.map((i) => ({ ...i })),
  };
}
