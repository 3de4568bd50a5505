import type { Report, ScopeVerdict } from '../../../src/analysis/report-types';
import { VERDICTS } from '../../../src/analysis/verdict-types';
import type { ScopeKind } from '../../../src/catalog/types';
import { scopeKind } from '../../../src/catalog/scope-kind';

/** Status of a scope on the Scopes tab: its verdict, or `granted-only` (granted by a site, neither declared nor needed). */
export type ScopeStatus = ScopeVerdict | 'granted-only';

/** Statuses in the order the filter offers them (worst first). */
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
  /** Modules that rely on it (titles when the manifest gives them). */
  modules: string[];
  /** Human explanation: the replacement, the suggestion, a not-granted site. */
  note?: string;
}

/** Returns every declared, needed or granted scope with its verdict, sorted by name; nothing is recomputed. */
export function scopeRows(report: Pick<Report, 'scopes' | 'runtime'>): ScopeRow[] {
  const { scopes } = report;
  const declared = new Set(scopes.declared.map((d) => d.name));
  const replaceable = new Map(scopes.replaceable.map((r) => [r.classic, r]));
  const invalid = new Map(scopes.invalid.map((i) => [i.name, i]));
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
      modules: d.modules.map((m) => m.title ?? m.key),
      ...(note ? { note } : {}),
    };
  });
  const listed = new Set(rows.map((r) => r.name));
  for (const name of new Set(report.runtime.installations.flatMap((i) => i.granted))) {
    if (listed.has(name)) continue;
    rows.push({ name, status: 'granted-only', kind: scopeKind(name), declared: false, grantedBy: grantedBy(name), neededBy: [], locations: [], calls: 0, failures: 0, lastSeen: null, failing: false, modules: [], note: 'Granted by an installation, not declared' });
  }
  return rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Returns the rows whose name, status or needs contain `text` (case-insensitive) and whose status is in `statuses` (all when empty). */
export function filterScopeRows(rows: readonly ScopeRow[], text: string, statuses: readonly ScopeStatus[]): ScopeRow[] {
  const needle = text.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (statuses.length === 0 || statuses.includes(r.status)) &&
      (!needle || r.name.toLowerCase().includes(needle) || r.status.includes(needle) || r.neededBy.some((n) => n.toLowerCase().includes(needle))),
  );
}
