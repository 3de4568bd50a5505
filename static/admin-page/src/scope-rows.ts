import type { Report } from '../../../src/analysis/report-types';
import type { ScopeKind } from '../../../src/catalog/types';
import { scopeKind } from '../../../src/catalog/scope-kind';

/** Status of a scope on the Scopes tab, worst first. */
export type ScopeStatus = 'invalid' | 'missing' | 'unused' | 'unused-unless-unresolved' | 'replaceable' | 'used' | 'granted-only';

/** Statuses in the order the filter offers them. */
export const SCOPE_STATUSES: readonly ScopeStatus[] = ['used', 'unused', 'unused-unless-unresolved', 'missing', 'invalid', 'replaceable', 'granted-only'];

/** One row of the Scopes table: a declared, needed or granted scope. */
export interface ScopeRow {
  name: string;
  status: ScopeStatus;
  kind: ScopeKind;
  declared: boolean;
  /** Installations that granted it, of all installations seen at runtime. */
  grantedBy: number;
  /** Operation keys and other-need reasons that need it (or, for unused scopes, may need it). */
  neededBy: string[];
  /** Static locations (file:line) of needs it would authorize when missing. */
  locations: string[];
  /** Runtime 401 "scope does not match" answers of needs it would authorize. */
  scopeMismatch401: number;
  /** Human explanation: a suggestion, a replacement, what unresolved call may need it. */
  note?: string;
}

/** Returns every declared, needed or granted scope with its status, sorted by name. */
export function scopeRows(report: Pick<Report, 'scopes' | 'runtime'>): ScopeRow[] {
  const rows = new Map<string, ScopeRow>();
  const row = (name: string, kind: ScopeKind = scopeKind(name)): ScopeRow => {
    let found = rows.get(name);
    if (!found) {
      found = { name, status: 'used', kind, declared: false, grantedBy: 0, neededBy: [], locations: [], scopeMismatch401: 0 };
      rows.set(name, found);
    }
    return found;
  };
  const { scopes } = report;
  for (const d of scopes.declared) Object.assign(row(d.name, d.kind), { declared: true });
  for (const u of scopes.used) row(u.name, u.kind).neededBy.push(...u.neededBy);
  for (const r of scopes.replaceable) Object.assign(row(r.classic), { status: 'replaceable', note: `Replace with ${r.replacement.join(', ')}${r.toAdd.length ? ` (add ${r.toAdd.join(', ')})` : ''}` });
  for (const u of scopes.unused) {
    const target = Object.assign(row(u.name, u.kind), { status: u.status });
    if (u.because.length) {
      target.neededBy.push(...u.because);
      target.note = 'An unresolved call may need it';
    }
  }
  for (const need of scopes.missing) {
    for (const name of need.add) {
      const target = row(name);
      if (need.where === 'installation') target.note = 'Declared, but a site has not granted it yet';
      else if (!target.declared) target.status = 'missing';
      target.neededBy.push(need.need);
      target.locations.push(...need.locations.map((l) => `${l.file}:${l.line}`));
      target.scopeMismatch401 += need.scopeMismatch401;
    }
  }
  for (const name of scopes.missingScopes) if (!rows.get(name)?.declared) row(name).status = 'missing';
  for (const i of scopes.invalid) Object.assign(row(i.name), { status: 'invalid', note: i.suggestion ? `Did you mean ${i.suggestion}?` : 'Not a scope @forge/manifest knows' });
  for (const installation of report.runtime.installations) {
    for (const name of installation.granted) {
      const target = rows.get(name) ?? Object.assign(row(name), { status: 'granted-only' as const, note: 'Granted by an installation, not declared' });
      target.grantedBy += 1;
    }
  }
  for (const r of rows.values()) {
    r.neededBy = [...new Set(r.neededBy)].sort();
    r.locations = [...new Set(r.locations)].sort();
  }
  return [...rows.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
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
