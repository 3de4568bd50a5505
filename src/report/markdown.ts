import type { Report } from '../analysis/report-types';
import { scopeName } from './scope-name';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/**
 * Returns a scope-justification document for Marketplace security review: each declared or
 * needed scope, why the app needs it, and the code locations that need it.
 */
export function renderMarkdown(report: Report): string {
  const byOperation = new Map(report.endpoints.map((e) => [e.key, e]));
  const byReason = new Map(report.otherNeeds.map((n) => [n.reason, n]));
  const lines = [
    `# Scope justification — ${report.manifest}`,
    '',
    `Declared: ${report.scopes.declared.length} · used: ${report.scopes.used.length} · unused: ${report.scopes.unused.length} · missing: ${report.scopes.missingScopes.length} · invalid: ${report.scopes.invalid.length}`,
    '',
    '| Scope | Kind | Why the app needs it | Code locations |',
    '|---|---|---|---|',
  ];
  for (const used of report.scopes.used) {
    const why: string[] = [];
    const where: string[] = [];
    for (const need of used.neededBy) {
      const endpoint = byOperation.get(need);
      if (endpoint) {
        why.push(`\`${endpoint.key}\` (${endpoint.summary || endpoint.operationId})`);
        where.push(...endpoint.calls.map((c) => `${c.file}:${c.line}`));
        if (endpoint.runtime) where.push(`runtime: ${endpoint.runtime.calls} calls, last ${endpoint.runtime.lastSeen}`);
      } else {
        why.push(need);
        const other = byReason.get(need);
        if (other) where.push(`${other.file}:${other.line}`);
      }
    }
    lines.push(`| \`${used.name}\` | ${used.kind} | ${cell(why.join('<br>'))} | ${cell([...new Set(where)].join('<br>') || '—')} |`);
  }
  if (report.scopes.unused.length) {
    lines.push('', '## Declared but not needed', '', '| Scope | Status | Notes |', '|---|---|---|');
    for (const u of report.scopes.unused) lines.push(`| \`${u.name}\` | ${u.status} | ${cell(u.because.join('<br>') || `${report.manifest}:${u.line}`)} |`);
  }
  if (report.scopes.missing.length) {
    lines.push('', '## Needed but not declared', '', '| Need | Add | Code locations |', '|---|---|---|');
    for (const m of report.scopes.missing) lines.push(`| ${cell(m.need)} | ${m.add.map((s) => `\`${s}\``).join(' ')} | ${cell(m.locations.map((l) => `${l.file}:${l.line}`).join('<br>'))} |`);
  }
  if (report.scopes.invalid.length || report.scopes.duplicates.length) {
    lines.push('', '## Manifest problems', '', '| Scope | Line | Problem |', '|---|---|---|');
    for (const i of report.scopes.invalid) lines.push(`| \`${cell(scopeName(i.name))}\` | ${report.manifest}:${i.line} | ${cell(i.reason)}${i.suggestion ? ` — did you mean \`${i.suggestion}\`?` : ''} |`);
    for (const d of report.scopes.duplicates) lines.push(`| \`${cell(scopeName(d.name))}\` | ${report.manifest}:${d.line} | declared again (first at line ${d.first.line}) |`);
  }
  if (report.unresolved.length) {
    lines.push('', '## Calls whose endpoint could not be determined statically', '', '| Location | Reason | Candidates |', '|---|---|---|');
    for (const u of report.unresolved) lines.push(`| ${u.file}:${u.line} | ${cell(u.reason)} | ${cell(u.candidates.slice(0, 8).join('<br>') || '—')} |`);
  }
  return lines.join('\n') + '\n';
}
