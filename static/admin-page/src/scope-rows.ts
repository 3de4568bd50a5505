import type { Report, ScopeVerdict } from '../../../src/analysis/report-types';
import { VERDICTS } from '../../../src/analysis/verdict-types';
import type { ScopeKind } from '../../../src/catalog/types';
import { scopeKind } from '../../../src/catalog/scope-kind';
import { moduleLabel } from '../../../src/report/module-label';

/** Status of a scope on the Scopes tab: its verdict, or `granted-only` (granted by a site, neither declared nor needed). */
export type ScopeStatus = ScopeVerdict | 'granted-only';

/** Statuses in the order the page lists them: what needs attention first. */
export const SCOPE_STATUSES: readonly ScopeStatus[] = [...VERDICTS, 'granted-only'];

/** One row of the Scopes table: a scope's detail as the page shows it. */
export interface ScopeRow {
  name: string;
  status: ScopeStatus;
  kind: ScopeKind;
  declared: boolean;
  /** Installations that granted it, of all installations seen at runtime. */
  grantedBy: number;
  /** What needs it (operation keys, triggers, modules, features) or, when unverifiable, what blocks a verdict. */
  neededBy: string[];
  /** Code and manifest locations of those needs. */
  locations: string[];
  /** Runtime evidence, as the report computed it (the inspector's own calls excluded). */
  calls: number;
  failures: number;
  lastSeen: string | null;
  /** True when it saw calls and every one failed: never shown as healthy. */
  failing: boolean;
  /** Manifest modules that rely on it, as "Issue panel · Recent activity". */
  modules: string[];
  /** Their keys (the module filter). */
  moduleKeys: string[];
  /** Calls per day over the window (the sparkline), when it saw calls. */
  daily?: number[];
  /** Human explanation: the replacement, the suggestion, a not-granted site. */
  note?: string;
}

/** Returns every declared, needed or granted scope with its verdict, attention first (then name); nothing is recomputed. */
export function scopeRows(report: Pick<Report, 'scopes' | 'runtime'> & Partial<Pick<Report, 'activity'>>): ScopeRow[] {
  const { scopes } = report;
  const declared = new Set(scopes.declared.map((d) => d.name));
  const replaceable = new Map(scopes.replaceable.map((r) => [r.classic, r]));
  const invalid = new Map(scopes.invalid.map((i) => [i.name, i]));
  const daily = new Map((report.activity?.scopes ?? []).map((s) => [s.scope, s.calls]));
  const grantedBy = (name: string) => report.runtime.installations.filter((i) => i.granted.includes(name)).length;
  const rows: ScopeRow[] = scopes.details.map((d) => {
    const needs = d.reasons.filter((r) => r.kind !== 'not-granted');
    const r = replaceable.get(d.scope);
    const bad = invalid.get(d.scope);
    const refused = d.reasons.filter((x) => x.kind === 'not-granted').map((x) => x.text);
    const note = bad
      ? bad.suggestion ? `Did you mean ${bad.suggestion}?` : 'Not a scope @forge/manifest knows'
      : r ? `Replaceable: ${r.replacement.join(', ')}${r.toAdd.length ? ` (add ${r.toAdd.join(', ')})` : ''}`
        : refused.length ? refused.join('; ') : undefined;
    const series = daily.get(d.scope);
    return {
      name: d.scope,
      status: d.verdict,
      kind: scopeKind(d.scope),
      declared: declared.has(d.scope),
      grantedBy: grantedBy(d.scope),
      neededBy: needs.map((x) => x.operation ?? x.text),
      locations: [...new Set(needs.flatMap((x) => x.at))].sort(),
      calls: d.calls,
      failures: d.failures,
      lastSeen: d.lastSeen,
      failing: d.calls > 0 && d.failures === d.calls,
      modules: d.modules.map(moduleLabel),
      moduleKeys: d.modules.map((m) => m.key),
      ...(series ? { daily: series } : {}),
      ...(note ? { note } : {}),
    };
  });
  const listed = new Set(rows.map((r) => r.name));
  for (const name of new Set(report.runtime.installations.flatMap((i) => i.granted))) {
    if (listed.has(name)) continue;
    rows.push({ name, status: 'granted-only', kind: scopeKind(name), declared: false, grantedBy: grantedBy(name), neededBy: [], locations: [], calls: 0, failures: 0, lastSeen: null, failing: false, modules: [], moduleKeys: [], note: 'Granted by an installation, not declared' });
  }
  return rows.sort(byAttention);
}

/** Orders rows by what needs attention: worst status first, a failing scope before others of its status, then by name. */
export function byAttention(a: ScopeRow, b: ScopeRow): number {
  const rank = SCOPE_STATUSES.indexOf(a.status) - SCOPE_STATUSES.indexOf(b.status);
  if (rank) return rank;
  if (a.failing !== b.failing) return a.failing ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** The Scopes tab's filters. */
export interface ScopeFilter {
  text?: string;
  status?: ScopeStatus;
  /** A module key: only scopes that module relies on. */
  module?: string;
}

/** Returns the rows matching the filter: text in the name, status, needs or module names (case-insensitive), the status, the module. */
export function filterScopeRows(rows: readonly ScopeRow[], filter: ScopeFilter): ScopeRow[] {
  const needle = filter.text?.trim().toLowerCase() ?? '';
  return rows.filter(
    (r) =>
      (!filter.status || r.status === filter.status) &&
      (!filter.module || r.moduleKeys.includes(filter.module)) &&
      (!needle ||
        r.name.toLowerCase().includes(needle) ||
        r.status.includes(needle) ||
        r.neededBy.some((n) => n.toLowerCase().includes(needle)) ||
        r.modules.some((m) => m.toLowerCase().includes(needle))),
  );
}
