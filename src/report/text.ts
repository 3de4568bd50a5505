import type { Report } from '../analysis/report-types';
import { plural } from '../analysis/count-text';
import { USED_VERDICTS } from '../analysis/verdict-types';
import { describeSurface } from '../analysis/runtime-surfaces';
import { styler } from '../cli/output';
import { candidateCallText, pathFormSites, unresolvedText } from './call-facts';
import { confidenceOf } from './confidence';
import { EGRESS_VERDICTS, egressByVerdict, egressContentText, egressCounts, egressEvidence, egressUnresolvedText } from './egress-summary';
import { scopeName } from './scope-name';
import { skippedLines, verdictCounts, VERDICTS } from './verdict-summary';

/** Files listed by name in the text output before "and N more". */
const FILES_SHOWN = 5;

/** Returns the human-readable audit: grouped by finding, worst first, coloured when asked. */
export function renderText(report: Report, options: { color: boolean }): string {
  const s = styler(options.color);
  const out: string[] = [];
  const { scopes, plan, files } = report;
  const counts = verdictCounts(scopes.details);
  const notRead = files.skipped.length;
  out.push(s.bold(`Scope Inspector: ${report.manifest} — ${plural(files.scanned, 'file')} scanned${notRead ? `, ${notRead} not scanned` : ''}`));
  const colour = (v: (typeof VERDICTS)[number], n: number) => (n === 0 ? s.green : v === 'missing' || v === 'not-granted' ? s.red : v === 'unused' || v === 'unverifiable' || v === 'missing-if-called' ? s.yellow : (t: string) => t);
  out.push(
    `declared ${scopes.declared.length} · ` +
      VERDICTS.map((v) => colour(v, counts[v])(`${v} ${counts[v]}`)).join(' · ') +
      ` · replaceable ${scopes.replaceable.length} · ${(scopes.invalid.length ? s.red : s.green)(`invalid ${scopes.invalid.length}`)} · endpoints ${report.endpoints.length} · candidate calls ${report.candidateCalls.length} · unresolved ${report.unresolved.length}`,
  );
  const section = (title: string, lines: string[]) => {
    if (lines.length) out.push('', s.bold(title), ...lines.map((l) => `  ${l}`));
  };
  const lines = skippedLines(files);
  section(`Files not scanned as such (${lines.length})`, [...lines.slice(0, FILES_SHOWN), ...(lines.length > FILES_SHOWN ? [s.dim(`and ${lines.length - FILES_SHOWN} more (--format json lists them all)`)] : [])]);
  section(
    'Missing',
    scopes.missing.map((m) => `${s.red(m.add.join(' + '))}${m.where === 'installation' ? ' (declared, not granted by a site)' : ''} ← ${m.need}  ${s.dim(m.locations.map((l) => `${l.file}:${l.line}`).join(', '))}${m.scopeMismatch401 ? s.red(`  ${m.scopeMismatch401}× 401 scope mismatch at runtime`) : ''}`),
  );
  section(
    'Missing if called (only calls the tool cannot pin down need them; --fix --add-candidates adds them)',
    scopes.missingIfCalled.map((m) => `${s.yellow(m.add.join(' + '))} ← ${m.need}  ${s.dim(m.candidateOf.join('; '))}`),
  );
  section('Invalid', scopes.invalid.map((i) => `${s.red(scopeName(i.name))}  ${report.manifest}:${i.line}  ${i.reason}${i.suggestion ? ` — did you mean ${s.green(i.suggestion)}?` : ''}`));
  section('Declared twice', scopes.duplicates.map((d) => `${s.yellow(scopeName(d.name))}  ${report.manifest}:${d.line}  ${s.dim(`also at line ${d.first.line}`)}`));
  section('Unused (safe to remove)', scopes.unused.map((u) => `${s.yellow(scopeName(u.name))}  ${s.dim(`${report.manifest}:${u.line}`)}`));
  section('Unverifiable (kept: the tool cannot tell)', scopes.unverifiable.map((u) => `${s.yellow(scopeName(u.name))}  ${s.dim(`${report.manifest}:${u.line}`)}  ${s.dim(u.because.join('; '))}`));
  section('Replaceable classic scopes', scopes.replaceable.map((r) => `${r.classic} → ${r.replacement.join(' + ')}${r.toAdd.length ? s.dim(`  (add ${r.toAdd.length})`) : ''}`));
  const needed = scopes.details.filter((d) => USED_VERDICTS.has(d.verdict));
  section(
    'Needed',
    needed.map((d) => {
      const why = d.reasons.filter((r) => r.kind !== 'not-granted').map((r) => r.operation ?? r.text);
      const seen = d.calls ? `  ${d.calls} calls${d.failures ? `, ${d.failures} failed` : ''}` : '';
      return `${(d.verdict === 'not-granted' ? s.red : s.green)(d.scope)} [${d.verdict}]${seen}  ${s.dim(why.slice(0, 3).join(', ') + (why.length > 3 ? `, +${why.length - 3}` : ''))}`;
    }),
  );
  section('Calls with candidates (the tool cannot tell which operation they select)', report.candidateCalls.map((c) => `${c.file}:${c.line}  ${candidateCallText(c)}`));
  section('Path forms (JSM Operations: the documented form each call wrote)', pathFormSites(report).map((p) => `${p.file}:${p.line}  ${p.operation}  ${(p.pathForm === 'forge' ? s.dim : s.yellow)(p.note)}`));
  section('Unresolved calls', report.unresolved.map((u) => `${u.file}:${u.line}  ${unresolvedText(u)}`));
  if (report.egress) {
    const n = egressCounts(report.egress);
    const tone = { missing: s.red, unverifiable: s.yellow, unused: s.yellow, used: s.green };
    section(
      `Egress (permissions.external, remotes): declared ${n.declared} · ${EGRESS_VERDICTS.map((v) => `${v} ${n[v]}`).join(' · ')}`,
      [
        ...egressByVerdict(report.egress).map((d) => `${tone[d.verdict](d.verdict.padEnd(12))} ${d.kind} ${d.domain}  ${s.dim(egressEvidence(d, report.manifest))}`),
        ...report.egress.unresolved.map((u) => `${s.dim('unresolved  ')} ${u.kind}  ${s.dim(egressUnresolvedText(u))}`),
        ...report.egress.content.map((c) => `${s.dim('content     ')} ${egressContentText(c, report.manifest)}  ${s.dim('the tool does not judge content-policy relaxations')}`),
      ],
    );
  }
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
    section(
      'Other request surfaces at runtime',
      (report.runtimeSurfaces ?? []).map((x) => `${describeSurface(x)}  ${s.dim(`${x.runtime.calls} calls, ${x.runtime.sites} site(s)${x.refused ? `, ${x.refused} refused by the platform` : ''}; scopes ${x.scopes}: ${x.note}`)}`),
    );
    if (report.runtime.own.length) section("Scope Inspector's own calls (not counted as the app's)", report.runtime.own.map((o) => `${o.key}  ${s.dim(`${o.calls} calls`)}`));
    // Browser reports the static analysis could not verify: shown, never counted.
    section('Unverified browser reports (not evidence)', [
      ...(report.excludedRuntime ?? []).map((x) => `${x.method} ${x.template}  ${s.dim(`${x.calls} calls, ${x.sites} site(s)`)}`),
      ...(report.excludedRuntimeSurfaces ?? []).map((x) => `${describeSurface(x)}  ${s.dim(`${x.calls} calls, ${x.sites} site(s)`)}`),
    ]);
  }
  out.push(
    '',
    s.bold(`Least-privilege plan (${plan.search} search): ${plan.scopes.length} scopes, authorizing ${plan.authorizedOperations} operations (declared today: ${report.blastRadius.declared})`),
  );
  for (const a of plan.add) out.push(`  ${s.green('+ ' + a)}`);
  for (const r of plan.remove) out.push(`  ${s.red('- ' + scopeName(r))}`);
  for (const r of plan.replacements) out.push(`  ${r.classic} → ${r.replacement.join(' + ')}  ${s.dim(`operations authorized ${r.authorizedBefore} → ${r.authorizedAfter}`)}`);
  for (const k of plan.keptForUnresolved) out.push(`  ${s.yellow('= ' + scopeName(k))}  ${s.dim('kept: unverifiable')}`);
  out.push(`  ${(plan.cost.approval === 'not-required' ? s.green : s.yellow)(plan.cost.summary)}`);
  if (plan.cost.withoutApproval) out.push(`  ${s.dim(plan.cost.withoutApproval.summary)}`);
  if (report.runtime.sites) {
    const w = report.runtime.window;
    out.push('', s.bold(`Runtime: ${report.runtime.sites} site(s), ${w.firstDay} → ${w.lastDay} (${w.daysObserved} days)`), `  ${s.dim(confidenceOf(report).text)}`);
  }
  return out.join('\n') + '\n';
}
