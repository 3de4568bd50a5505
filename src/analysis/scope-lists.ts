import { scopeKind } from '../catalog';
import type { InvalidScope } from '../manifest/invalid-scopes';
import type { DeclaredScope } from '../manifest/types';
import type { PlanReplacement, Report } from './report-types';
import type { VerdictNeed } from './scope-verdicts';
import { USED_VERDICTS, type ScopeDetail, type ScopeVerdict } from './verdict-types';

const isUsed = (v: ScopeVerdict | undefined) => v !== undefined && USED_VERDICTS.has(v);

/** What the lists are derived from: the details, and the needs behind them. */
export interface ListInput {
  details: readonly ScopeDetail[];
  declared: readonly DeclaredScope[];
  invalid: readonly InvalidScope[];
  needs: readonly VerdictNeed[];
  /** The plan's replacements of classic scopes. */
  replacements: readonly PlanReplacement[];
}

const location = (at: string) => {
  const i = at.lastIndexOf(':');
  return { file: at.slice(0, i), line: Number(at.slice(i + 1)), column: 1 };
};

/**
 * Returns the report's scope lists, each derived from the details so no list can disagree with
 * a verdict: used (needed and declared), unused, unverifiable, missing needs (and those only
 * candidate calls may have), replaceable, invalid.
 */
export function scopeLists(input: ListInput): Omit<Report['scopes'], 'duplicates'> {
  const byName = new Map(input.details.map((d) => [d.scope, d]));
  const verdict = (name: string) => byName.get(name)?.verdict;
  const declaredOf = (d: DeclaredScope) => ({ name: d.name, line: d.line, column: d.column, kind: scopeKind(d.name) });
  const invalidNames = new Set(input.invalid.map((i) => i.name));
  const neededBy = (d: ScopeDetail) => [...new Set(d.reasons.filter((r) => r.kind !== 'not-granted' && r.kind !== 'blocked').map((r) => r.operation ?? r.text))];

  // Per need, the scopes whose verdict is missing, missing-if-called or not-granted because of it (details are sorted by scope, so are these).
  const byNeed = new Map<string, { missing: string[]; ifCalled: string[]; refused: string[] }>();
  for (const d of input.details) {
    if (d.verdict !== 'missing' && d.verdict !== 'missing-if-called' && d.verdict !== 'not-granted') continue;
    for (const r of d.reasons) {
      if (r.kind === 'not-granted' || r.kind === 'blocked') continue;
      const id = r.operation ?? r.text;
      const entry = byNeed.get(id) ?? { missing: [], ifCalled: [], refused: [] };
      (d.verdict === 'missing' ? entry.missing : d.verdict === 'missing-if-called' ? entry.ifCalled : entry.refused).push(d.scope);
      byNeed.set(id, entry);
    }
  }
  const missing: Report['scopes']['missing'] = [];
  const missingIfCalled: Report['scopes']['missingIfCalled'] = [];
  for (const need of input.needs) {
    const entry = byNeed.get(need.id);
    if (!entry) continue;
    const at = need.endpoint ? need.endpoint.calls.map(({ file, line, column }) => ({ file, line, column })) : need.at.map(location);
    const scopeMismatch401 = need.endpoint?.runtime?.scopeMismatch401 ?? 0;
    if (entry.missing.length) missing.push({ need: need.id, where: 'manifest', add: entry.missing, locations: at, scopeMismatch401 });
    if (entry.ifCalled.length) missingIfCalled.push({ need: need.id, add: entry.ifCalled, locations: at, candidateOf: need.candidateOf ?? [] });
    // Declared, but a site has not granted it: the need fails there (runtime 401s).
    if (entry.refused.length) missing.push({ need: need.id, where: 'installation', add: entry.refused, locations: at, scopeMismatch401 });
  }

  const declared = new Set(input.declared.map((d) => d.name));
  // Each scope once, at its first declaration: a repeat is listed in `duplicates`, never counted again.
  const once = firstDeclarations(input.declared);
  return {
    details: [...input.details],
    declared: once.map((d) => ({ ...declaredOf(d), valid: !invalidNames.has(d.name) })),
    used: once.filter((d) => isUsed(verdict(d.name))).map((d) => ({ name: d.name, kind: scopeKind(d.name), neededBy: neededBy(byName.get(d.name)!) })),
    unused: once.filter((d) => verdict(d.name) === 'unused').map(declaredOf),
    unverifiable: once.filter((d) => verdict(d.name) === 'unverifiable').map((d) => ({ ...declaredOf(d), because: byName.get(d.name)!.reasons.map((r) => r.text) })),
    missing,
    missingScopes: input.details.filter((d) => d.verdict === 'missing').map((d) => d.scope),
    missingIfCalled,
    replaceable: input.replacements
      .filter((r) => declared.has(r.classic) && isUsed(verdict(r.classic)))
      .map((r) => {
        const d = input.declared.find((x) => x.name === r.classic)!;
        return { classic: r.classic, line: d.line, column: d.column, replacement: r.replacement, toAdd: r.replacement.filter((s) => !declared.has(s)), neededBy: neededBy(byName.get(r.classic)!) };
      }),
    invalid: firstDeclarations(input.invalid).map((i) => ({ ...i })),
  };
}

/** Returns each name's first entry, in order. */
function firstDeclarations<T extends { name: string }>(list: readonly T[]): T[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    if (seen.has(d.name)) return false;
    seen.add(d.name);
    return true;
  });
}
