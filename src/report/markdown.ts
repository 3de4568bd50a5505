import type { Report } from '../analysis/report-types';
import { USED_VERDICTS } from '../analysis/verdict-types';
import { describeSurface } from '../analysis/runtime-surfaces';
import { unresolvedText } from './call-facts';
import { EGRESS_VERDICTS, egressByVerdict, egressCounts, egressEvidence } from './egress-summary';
import { scopeName } from './scope-name';
import { skippedLines, verdictCounts, VERDICTS } from './verdict-summary';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/**
 * Returns a scope-justification document for Marketplace security review: each needed scope with
 * its verdict, why the app needs it and where; what is missing or not granted; what is safe to
 * remove (only from a complete view) and what the tool cannot judge; the files it did not read.
 */
export function renderMarkdown(report: Report): string {
  const { scopes } = report;
  const counts = verdictCounts(scopes.details);
  const lines = [
    `# Scope justification — ${report.manifest}`,
    '',
    `Declared: ${scopes.declared.length} · ${VERDICTS.map((v) => `${v}: ${counts[v]}`).join(' · ')} · invalid: ${scopes.invalid.length}`,
    '',
    '| Scope | Verdict | Kind | Why the app needs it | Evidence |',
    '|---|---|---|---|---|',
  ];
  const kindOf = new Map(scopes.declared.map((d) => [d.name, d.kind]));
  for (const d of scopes.details.filter((x) => USED_VERDICTS.has(x.verdict))) {
    const why = d.reasons.filter((r) => r.kind !== 'not-granted').map((r) => (r.operation ? `\`${r.operation}\`${r.text !== r.operation ? r.text.slice(r.operation.length) : ''}` : r.text));
    const where = [...new Set(d.reasons.flatMap((r) => r.at))];
    if (d.calls) where.push(`runtime: ${d.calls} calls${d.failures ? ` (${d.failures} failed)` : ''}, last ${d.lastSeen}`);
    for (const r of d.reasons.filter((x) => x.kind === 'not-granted')) where.push(r.text);
    lines.push(`| \`${d.scope}\` | ${d.verdict} | ${kindOf.get(d.scope) ?? ''} | ${cell(why.join('<br>'))} | ${cell(where.join('<br>') || '—')} |`);
  }
  const manifestMissing = scopes.missing.filter((m) => m.where === 'manifest');
  if (manifestMissing.length) {
    lines.push('', '## Needed but not declared', '', '| Need | Add | Code locations |', '|---|---|---|');
    for (const m of manifestMissing) lines.push(`| ${cell(m.need)} | ${m.add.map((s) => `\`${s}\``).join(' ')} | ${cell(m.locations.map((l) => `${l.file}:${l.line}`).join('<br>'))} |`);
  }
  if (scopes.missingIfCalled.length) {
    lines.push('', '## Needed only if a candidate call selects it (not declared)', '', '| Operation | Would need | Calls that may select it |', '|---|---|---|');
    for (const m of scopes.missingIfCalled) lines.push(`| ${cell(m.need)} | ${m.add.map((s) => `\`${s}\``).join(' ')} | ${cell(m.candidateOf.join('<br>'))} |`);
  }
  const refused = scopes.details.filter((d) => d.verdict === 'not-granted');
  if (refused.length) {
    lines.push('', '## Declared but not granted on a site', '', '| Scope | Evidence |', '|---|---|');
    for (const d of refused) lines.push(`| \`${d.scope}\` | ${cell(d.reasons.filter((r) => r.kind === 'not-granted').map((r) => r.text).join('<br>'))} |`);
  }
  if (scopes.unused.length) {
    lines.push('', '## Declared but not needed (safe to remove)', '', '| Scope | Declared at |', '|---|---|');
    for (const u of scopes.unused) lines.push(`| \`${cell(scopeName(u.name))}\` | ${report.manifest}:${u.line} |`);
  }
  if (scopes.unverifiable.length) {
    lines.push('', '## Kept: the tool cannot tell whether they are needed', '', '| Scope | Why it cannot tell |', '|---|---|');
    for (const u of scopes.unverifiable) lines.push(`| \`${cell(scopeName(u.name))}\` | ${cell(u.because.join('<br>'))} |`);
  }
  if (report.scopes.invalid.length || report.scopes.duplicates.length) {
    lines.push('', '## Manifest problems', '', '| Scope | Line | Problem |', '|---|---|---|');
    for (const i of report.scopes.invalid) lines.push(`| \`${cell(scopeName(i.name))}\` | ${report.manifest}:${i.line} | ${cell(i.reason)}${i.suggestion ? ` — did you mean \`${i.suggestion}\`?` : ''} |`);
    for (const d of report.scopes.duplicates) lines.push(`| \`${cell(scopeName(d.name))}\` | ${report.manifest}:${d.line} | declared again (first at line ${d.first.line}) |`);
  }
  if (report.candidateCalls.length) {
    lines.push('', '## Calls that select one of several operations', '', '| Location | How | Candidates |', '|---|---|---|');
    for (const c of report.candidateCalls) lines.push(`| ${c.file}:${c.line} | ${cell(c.text)} | ${cell(c.operations.join('<br>'))} |`);
  }
  if (report.unresolved.length) {
    lines.push('', '## Calls whose endpoint could not be determined statically', '', '| Location | Reason | Candidates |', '|---|---|---|');
    for (const u of report.unresolved) lines.push(`| ${u.file}:${u.line} | ${cell(unresolvedText({ ...u, candidates: [] }))} | ${cell(u.candidates.slice(0, 8).join('<br>') || '—')} |`);
  }
  const { plan } = report;
  lines.push('', '## Least-privilege plan', '', `${plan.scopes.length} scopes${plan.add.length ? `; adds ${plan.add.map((x) => `\`${x}\``).join(', ')}` : ''}${plan.remove.length ? `; removes ${plan.remove.map((x) => `\`${cell(scopeName(x))}\``).join(', ')}` : ''}.`, '', plan.cost.summary);
  if (plan.cost.withoutApproval) lines.push('', plan.cost.withoutApproval.summary);
  if (report.egress?.details.length) {
    const n = egressCounts(report.egress);
    lines.push('', '## Egress: hosts outside Atlassian', '', `Declared: ${n.declared} · ${EGRESS_VERDICTS.map((v) => `${v}: ${n[v]}`).join(' · ')}`, '', '| Host | Kind | Verdict | Evidence |', '|---|---|---|---|');
    for (const d of egressByVerdict(report.egress)) lines.push(`| \`${d.domain}\` | ${d.kind} | ${d.verdict} | ${cell(egressEvidence(d, report.manifest))} |`);
  }
  const surfaces = report.runtimeSurfaces ?? [];
  if (surfaces.length) {
    lines.push('', '## Other request surfaces seen at runtime', '', '| Call | Calls | Sites | Scopes | Why |', '|---|---|---|---|---|');
    for (const x of surfaces) lines.push(`| ${cell(describeSurface(x))} | ${x.runtime.calls} | ${x.runtime.sites} | ${x.scopes}${x.alternatives ? `: ${x.alternatives.map((a) => a.map((sc) => `\`${sc}\``).join(' + ')).join(' or ')}` : ''} | ${cell(x.note)} |`);
  }
  const files = skippedLines(report.files);
  if (files.length) {
    lines.push('', `## Files not scanned as such (${files.length})`, '');
    for (const f of files) lines.push(`- ${cell(f)}`);
  }
  return lines.join('\n') + '\n';
}
