import type { Report } from '../analysis/report-types';
import { styler } from '../cli/output';
import { scopeName } from './scope-name';

/** Returns the human-readable audit: grouped by finding, worst first, coloured when asked. */
export function renderText(report: Report, options: { color: boolean; filesScanned?: number; filesSkipped?: number }): string {
  const s = styler(options.color);
  const out: string[] = [];
  const { scopes, plan } = report;
  const files = options.filesScanned === undefined ? '' : ` — ${options.filesScanned} files scanned${options.filesSkipped ? `, ${options.filesSkipped} skipped` : ''}`;
  out.push(s.bold(`Scope Inspector: ${report.manifest}${files}`));
  out.push(
    `declared ${scopes.declared.length} · used ${scopes.used.length} · ` +
      `${(scopes.unused.length ? s.yellow : s.green)(`unused ${scopes.unused.length}`)} · ` +
      `${(scopes.missingScopes.length ? s.red : s.green)(`missing ${scopes.missingScopes.length}`)} · ` +
      `replaceable ${scopes.replaceable.length} · ${(scopes.invalid.length ? s.red : s.green)(`invalid ${scopes.invalid.length}`)} · ` +
      `endpoints ${report.endpoints.length} · unresolved ${report.unresolved.length}`,
  );
  const section = (title: string, lines: string[]) => {
    if (lines.length) out.push('', s.bold(title), ...lines.map((l) => `  ${l}`));
  };
  section(
    'Missing',
    scopes.missing.map((m) => `${s.red(m.add.join(' + '))}${m.where === 'installation' ? ' (declared, not granted by a site)' : ''} ← ${m.need}  ${s.dim(m.locations.map((l) => `${l.file}:${l.line}`).join(', '))}${m.scopeMismatch401 ? s.red(`  ${m.scopeMismatch401}× 401 scope mismatch at runtime`) : ''}`),
  );
  section('Invalid', scopes.invalid.map((i) => `${s.red(scopeName(i.name))}  ${report.manifest}:${i.line}  ${i.reason}${i.suggestion ? ` — did you mean ${s.green(i.suggestion)}?` : ''}`));
  section('Declared twice', scopes.duplicates.map((d) => `${s.yellow(scopeName(d.name))}  ${report.manifest}:${d.line}  ${s.dim(`also at line ${d.first.line}`)}`));
  section(
    'Unused',
    scopes.unused.map((u) => `${s.yellow(u.name)}  ${s.dim(`${report.manifest}:${u.line}`)}${u.status === 'unused' ? '' : `  ${s.dim('unless: ' + u.because.join('; '))}`}`),
  );
  section('Replaceable classic scopes', scopes.replaceable.map((r) => `${r.classic} → ${r.replacement.join(' + ')}${r.toAdd.length ? s.dim(`  (add ${r.toAdd.length})`) : ''}`));
  section(
    'Used',
    scopes.used.map((u) => `${s.green(u.name)}  ${s.dim(u.neededBy.slice(0, 3).join(', ') + (u.neededBy.length > 3 ? `, +${u.neededBy.length - 3}` : ''))}`),
  );
  section(
    'Unresolved calls',
    report.unresolved.map((u) => `${u.file}:${u.line}  ${u.reason}${u.candidates.length ? s.dim(`  (${u.candidates.length} candidate operations)`) : ''}`),
  );
  const flagged = report.endpoints.filter((e) => e.removed || e.undocumented || e.deprecated);
  section(
    'Endpoints to look at',
    flagged.map((e) => `${e.key}  ${s.yellow(e.removed ? `removed from Atlassian's current documentation (last seen ${e.removed})` : e.undocumented ? 'lists no scopes in the documents' : 'deprecated')}`),
  );
  if (report.runtime.sites) {
    // With usage data, every endpoint says where its evidence comes from and how widely it was seen.
    const sites = report.runtime.sites;
    section(
      `Endpoints (static and runtime, ${sites} site${sites === 1 ? '' : 's'})`,
      report.endpoints.map((e) => {
        const seen = e.runtime ? `${e.runtime.calls} calls, seen on ${e.runtime.sites} of ${sites} site${sites === 1 ? '' : 's'}, last ${e.runtime.lastSeen}` : 'never seen at runtime';
        const mismatch = e.runtime?.scopeMismatch401 ? s.red(`  ${e.runtime.scopeMismatch401}× 401 scope mismatch`) : '';
        return `${e.key}  ${s.dim(`[${e.evidence}] ${seen}`)}${mismatch}`;
      }),
    );
    if (report.unknownRuntime.length) section('Runtime calls outside the catalog', report.unknownRuntime.map((u) => `${u.method} ${u.shape}  ${s.dim(`${u.calls} calls, ${u.sites} site(s)`)}`));
  }
  out.push(
    '',
    s.bold(`Least-privilege plan (${plan.search} search): ${plan.scopes.length} scopes, authorizing ${plan.authorizedOperations} operations (declared today: ${report.blastRadius.declared})`),
  );
  for (const a of plan.add) out.push(`  ${s.green('+ ' + a)}`);
  for (const r of plan.remove) out.push(`  ${s.red('- ' + scopeName(r))}`);
  if (report.runtime.sites) {
    const w = report.runtime.window;
    out.push('', s.bold(`Runtime: ${report.runtime.sites} site(s), ${w.firstDay} → ${w.lastDay} (${w.daysObserved} days)`));
  }
  return out.join('\n') + '\n';
}
