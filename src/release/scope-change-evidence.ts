import type { EndpointReport, Report } from '../analysis/report-types';
import { countText, plural } from '../analysis/count-text';
import { operationsAuthorizedBy } from '../catalog';
import type { ManifestChange } from './manifest-changes';
import type { Evidence } from './release-types';
import { scopeVerdictOf } from './scope-verdict';

/** What the evidence of scope changes is computed from. */
export interface ScopeEvidenceInput {
  /** The audit of this version's code, with the removed scopes evaluated as if still declared. */
  head: Report;
  /** The scopes this version's manifest declares. */
  headScopes: ReadonlySet<string>;
  /** The scopes the base declares. */
  baseScopes: ReadonlySet<string>;
  /** The audit of the base's code (git bases); absent for file and baseline bases. */
  base?: Report;
  /** Why the base's code was not audited, when it was not. */
  baseCodeMissing?: string;
}

const at = (e: EndpointReport) => [...new Set(e.calls.map((c) => `${c.file}:${c.line}`))];
const alternativesOf = (report: Report, need: string): (readonly string[])[] =>
  report.endpoints.find((e) => e.key === need)?.alternatives.map((a) => a.scopes) ?? report.otherNeeds.find((n) => n.reason === need)?.alternatives ?? [];
/** Returns the declared scopes (without `except`) that meet a need on their own, or undefined. */
const metWithout = (report: Report, need: string, declared: ReadonlySet<string>, except: string) =>
  alternativesOf(report, need).find((alt) => alt.length > 0 && alt.every((s) => s !== except && declared.has(s)));
/** Returns where a need (an operation key, or another need's reason) arises in a report and whether the declared scopes meet it. */
function needAt(report: Report, need: string): { authorized: boolean; locations: string[] } | undefined {
  const endpoint = report.endpoints.find((e) => e.key === need && e.calls.length);
  if (endpoint) return { authorized: endpoint.authorized, locations: at(endpoint) };
  const other = report.otherNeeds.find((n) => n.reason === need);
  return other && { authorized: other.authorized, locations: [`${other.file}:${other.line}`] };
}

/** Evidence for a scope this change adds: the code that needs it, the base code that already did, and smaller alternatives. */
function addedScopeEvidence(scope: string, input: ScopeEvidenceInput): Evidence[] {
  const { head, base } = input;
  const view = scopeVerdictOf(head, scope);
  const evidence: Evidence[] = [];
  if (!view || !view.needs.length) {
    // Part of an alternative the manifest does not complete: the call can use it, but still fails.
    const partial = head.endpoints.filter((e) => !e.authorized && e.alternatives.some((a) => a.scopes.includes(scope)));
    if (partial.length) {
      return partial.map((e) => {
        const rest = e.alternatives.find((a) => a.scopes.includes(scope))!.scopes.filter((s) => s !== scope && !input.headScopes.has(s));
        return { kind: 'incomplete' as const, operation: e.key, locations: at(e), warning: true, message: `${e.key} at ${at(e).join(', ')} can use it only together with ${rest.join(', ')}, which the manifest does not declare: the call still fails` };
      });
    }
    const why = view?.verdict === 'unverifiable' ? `nothing found needs it, but: ${view.reasons.join('; ')}` : 'no code, module or trigger of this version needs it (verdict: unused)';
    return [{ kind: 'not-needed', message: `${why}; leaving it out of this change removes this reason for the approval`, warning: true }];
  }
  for (const need of view.needs) {
    const now = needAt(head, need);
    const before = base && needAt(base, need);
    if (before && !before.authorized) {
      evidence.push({ kind: 'missing-all-along', operation: need, locations: before.locations, warning: true, message: `${need} was already needed at the base (${before.locations.join(', ')}) without a scope that authorizes it: it was missing all along, and fails with 401 wherever the current version runs` });
    } else if (before) {
      evidence.push({ kind: 'already-needed', operation: need, locations: before.locations, message: `${need} was already needed at the base (${before.locations.join(', ')}), authorized there by other scopes` });
    } else {
      const where = now?.locations ?? [];
      evidence.push({ kind: 'needed-by', operation: need, locations: where, message: `${need}${where.length ? ` at ${where.join(', ')}` : ''} needs it${base ? ' (new in this change)' : ''}` });
    }
  }
  if (!base && input.baseCodeMissing) evidence.push({ kind: 'base-code', message: input.baseCodeMissing });

  // Redundant with scopes the base already declared: leaving it out avoids the approval. Redundant
  // only with another scope this change adds: one of the two is enough, but one approval remains.
  const kept = new Set([...input.headScopes].filter((s) => input.baseScopes.has(s)));
  const byKept = view.needs.map((n) => metWithout(head, n, kept, scope));
  const byAny = view.needs.map((n) => metWithout(head, n, input.headScopes, scope));
  const names = (alts: (readonly string[] | undefined)[]) => [...new Set(alts.flatMap((a) => a ?? []))].sort().join(' + ');
  if (byKept.every(Boolean)) {
    evidence.push({ kind: 'redundant', warning: true, message: `every need it serves is already authorized by ${names(byKept)}, declared before this change; leaving it out removes this reason for the approval` });
  } else if (byAny.every(Boolean)) {
    evidence.push({ kind: 'redundant', message: `every need it serves is also authorized by ${names(byAny)}, which this change adds too: one of them is enough` });
  }
  const replaceable = head.scopes.replaceable.find((r) => r.classic === scope);
  if (replaceable) {
    const now = operationsAuthorizedBy(input.headScopes).length;
    const granular = operationsAuthorizedBy([...[...input.headScopes].filter((s) => s !== scope), ...replaceable.replacement]).length;
    const newScopes = replaceable.replacement.filter((s) => !input.baseScopes.has(s));
    const cost = newScopes.length ? `it still adds ${newScopes.join(', ')}, so it still needs approval` : 'every one of them is already declared at the base, so it needs no approval';
    evidence.push({ kind: 'smaller-alternative', message: `granular ${replaceable.replacement.join(' + ')} instead: the app's scopes would authorize ${plural(granular, 'operation')} instead of ${countText(now)}; ${cost}` });
  }
  return evidence;
}

/** Evidence for a scope this change removes: its verdict against this version's code, what breaks, and runtime use. */
function removedScopeEvidence(scope: string, input: ScopeEvidenceInput): Evidence[] {
  const { head } = input;
  const view = scopeVerdictOf(head, scope);
  if (!view) return [{ kind: 'verdict', message: 'verdict: unused — no code, module or trigger of this version needs it' }];
  const evidence: Evidence[] = [{ kind: 'verdict', message: `verdict: ${view.verdict}${view.reasons.length ? ` — ${view.reasons.slice(0, 3).join('; ')}` : ''}`, warning: view.verdict === 'unverifiable' }];
  const broken = view.needs.filter((n) => !metWithout(head, n, input.headScopes, scope));
  const still = view.needs.map((n) => metWithout(head, n, input.headScopes, scope)).filter((a): a is readonly string[] => Boolean(a));
  if (view.needs.length && !broken.length) {
    evidence.push({ kind: 'verdict', message: `no longer needed: every need it served is authorized without it by ${[...new Set(still.flat())].sort().join(' + ')}` });
  }
  for (const need of broken) {
    const endpoint = head.endpoints.find((e) => e.key === need);
    const where = endpoint ? at(endpoint) : [];
    evidence.push({ kind: 'breaks', operation: need, locations: where, warning: true, message: `${need}${where.length ? ` at ${where.join(', ')}` : ''} still needs it: without it the call fails with 401 on every site that upgrades` });
  }
  const { sites, daysObserved } = { sites: head.runtime.sites, daysObserved: head.runtime.window.daysObserved };
  if (sites > 0) {
    const window = `in ${plural(daysObserved, 'day')} on ${plural(sites, 'site')}`;
    if (view.calls === 0) evidence.push({ kind: 'usage', message: `in use 0 times ${window}` });
    else {
      const seen = `${plural(view.calls, 'call')} ${window}${view.lastSeen ? `, last ${view.lastSeen}` : ''} (seen on ${view.sites} of ${sites})`;
      evidence.push(broken.length
        ? { kind: 'usage', warning: true, message: `in use: ${seen}` }
        : { kind: 'usage', message: `${seen}, by calls that the remaining scopes also authorize` });
    }
  }
  return evidence;
}

/** Returns the evidence for a scope change; other kinds of change carry none. */
export function scopeChangeEvidence(change: ManifestChange, input: ScopeEvidenceInput): Evidence[] {
  if (change.kind === 'scope-added') return addedScopeEvidence(change.after!, input);
  if (change.kind === 'scope-removed') return removedScopeEvidence(change.before!, input);
  return [];
}
