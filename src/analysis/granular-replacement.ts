import { scopeKind } from '../catalog/scope-kind';
import type { Operation } from '../catalog/types';
import { authorizedCount, type Need } from './plan';
import type { PlanReplacement } from './report-types';

const granularOnly = (alt: readonly string[]): boolean => alt.length > 0 && alt.every((s) => scopeKind(s) === 'granular');
const met = (need: Need, scopes: ReadonlySet<string>): boolean => need.alternatives.some((a) => a.length > 0 && a.every((s) => scopes.has(s)));
const metBy = (need: Need, scopes: ReadonlySet<string>, alt: readonly string[]): boolean => alt.length > 0 && alt.every((s) => scopes.has(s));

/** Returns the needs `scope` helps meet within `scopes`. */
function servedBy(scope: string, needs: readonly Need[], scopes: ReadonlySet<string>): Need[] {
  return needs.filter((n) => n.alternatives.some((a) => a.includes(scope) && metBy(n, scopes, a)));
}

/** Returns the smallest set containing `scopes` plus `extra` that still meets every need (scopes of `removable` dropped greedily). */
function withScope(scopes: ReadonlySet<string>, extra: string, removable: readonly string[], needs: readonly Need[]): Set<string> {
  const out = new Set(scopes).add(extra);
  for (const s of removable) {
    out.delete(s);
    if (!needs.every((n) => !met(n, scopes) || met(n, out))) out.add(s);
  }
  return out;
}

/**
 * Replaces classic scopes with granular ones wherever every need a classic scope serves has a
 * granular alternative (Atlassian's recommendation), taking per need the granular alternative
 * that adds the fewest authorized operations. `keep` scopes are never touched. Returns the new
 * scope set; `replacements` (via `describeReplacements`) say what changed and what it costs.
 */
export function replaceClassicScopes(scopes: readonly string[], needs: readonly Need[], keep: ReadonlySet<string>, operations: readonly Operation[]): string[] {
  const current = new Set(scopes);
  for (const classic of [...scopes].sort()) {
    if (scopeKind(classic) !== 'classic' || keep.has(classic) || !current.has(classic)) continue;
    const served = servedBy(classic, needs, current);
    if (served.length === 0 || !served.every((n) => n.alternatives.some(granularOnly))) continue;
    current.delete(classic);
    for (const need of served) {
      if (met(need, current)) continue;
      let best: readonly string[] | undefined;
      let bestCost = Infinity;
      for (const alt of need.alternatives.filter(granularOnly)) {
        const cost = authorizedCount(new Set([...current, ...alt]), operations);
        if (cost < bestCost || (cost === bestCost && best && alt.length < best.length)) [best, bestCost] = [alt, cost];
      }
      for (const s of best!) current.add(s);
    }
  }
  return [...current].sort();
}

/**
 * Returns, for each classic scope in `candidates` that `plan` no longer holds and whose every
 * need the plan meets with granular alternatives only, the replacement and the blast radius of
 * the plan with the classic scope instead, and as planned.
 */
export function describeReplacements(candidates: readonly string[], plan: readonly string[], needs: readonly Need[], operations: readonly Operation[]): PlanReplacement[] {
  const scopes = new Set(plan);
  const after = authorizedCount(scopes, operations);
  const out: PlanReplacement[] = [];
  for (const classic of [...new Set(candidates)].sort()) {
    if (scopeKind(classic) !== 'classic' || scopes.has(classic)) continue;
    const served = needs.filter((n) => n.alternatives.some((a) => a.includes(classic)) && met(n, scopes));
    const withClassic = new Set(scopes).add(classic);
    const usesClassic = served.filter((n) => n.alternatives.some((a) => a.includes(classic) && metBy(n, withClassic, a)));
    if (usesClassic.length === 0) continue;
    const granular = usesClassic.map((n) => n.alternatives.find((a) => granularOnly(a) && metBy(n, scopes, a)));
    if (granular.some((a) => !a)) continue;
    const replacement = [...new Set(granular.flat() as string[])].sort();
    const before = authorizedCount(withScope(scopes, classic, replacement, needs), operations);
    out.push({ classic, replacement, authorizedBefore: before, authorizedAfter: after });
  }
  return out;
}
