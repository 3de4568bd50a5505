import type { Report } from '../analysis/report-types';
import { USED_VERDICTS } from '../analysis/verdict-types';
import { describeSurface } from '../analysis/runtime-surfaces';
import { pathFormSites, unresolvedText } from './call-facts';
import { EGRESS_VERDICTS, egressByVerdict, egressContentText, egressCounts, egressEvidence, egressUnresolvedText } from './egress-summary';
import { scopeName } from './scope-name';
import { skippedLines, verdictCounts, VERDICTS } from './verdict-summary';

/** Text inside a code span in a table cell: only the cell's own delimiters need escaping. */
const code = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
/**
 * Text in a table cell or list item. Markdown renders HTML, so `<img src>` in egress evidence (or a
 * `<…>` in a reason) would become a tag, an image the reader never sees as text: `<`, `>` and `&`
 * are escaped outside code spans (inside them Markdown shows them as written).
 */
const cell = (text: string) => code(text).split(/(`[^`]*`)/).map((part, i) => (i % 2 ? part : part.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'))).join('');
/** Several texts in one cell, one per line. */
const cellLines = (texts: readonly string[]) => texts.map(cell).join('<br>');

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
    lines.push(`| \`${code(d.scope)}\` | ${d.verdict} | ${kindOf.get(d.scope) ?? ''} | ${cellLines(why)} | ${where.length ? cellLines(where) : '—'} |`);
  }
  const manifestMissing = scopes.missing.filter((m) => m.where === 'manifest');
  if (manifestMissing.length) {
    lines.push('', '## Needed but not declared', '', '| Need | Add | Code locations |', '|---|---|---|');
    for (const m of manifestMissing) lines.push(`| ${cell(m.need)} | ${m.add.map((s) => `\`${s}\``).join(' ')} | ${cellLines(m.locations.map((l) => `${l.file}:${l.line}`))} |`);
  }
  if (scopes.missingIfCalled.length) {
    lines.push('', '## Needed only if a candidate call selects it (not declared)', '', '| Operation | Would need | Calls that may select it |', '|---|---|---|');
    for (const m of scopes.missingIfCalled) lines.push(`| ${cell(m.need)} | ${m.add.map((s) => `\`${s}\``).join(' ')} | ${cellLines(m.candidateOf)} |`);
  }
  const refused = scopes.details.filter((d) => d.verdict === 'not-granted');
  if (refused.length) {
    lines.push('', '## Declared but not granted on a site', '', '| Scope | Evidence |', '|---|---|');
    for (const d of refused) lines.push(`| \`${code(d.scope)}\` | ${cellLines(d.reasons.filter((r) => r.kind === 'not-granted').map((r) => r.text))} |`);
  }
  if (scopes.unused.length) {
    lines.push('', '## Declared but not needed (safe to remove)', '', '| Scope | Declared at |', '|---|---|');
    for (const u of scopes.unused) lines.push(`| \`${code(scopeName(u.name))}\` | ${report.manifest}:${u.line} |`);
  }
  if (scopes.unverifiable.length) {
    lines.push('', '## Kept: the tool cannot tell whether they are needed', '', '| Scope | Why it cannot tell |', '|---|---|');
    for (const u of scopes.unverifiable) lines.push(`| \`${code(scopeName(u.name))}\` | ${cellLines(u.because)} |`);
  }
  if (report.scopes.invalid.length || report.scopes.duplicates.length) {
    lines.push('', '## Manifest problems', '', '| Scope | Line | Problem |', '|---|---|---|');
    for (const i of report.scopes.invalid) lines.push(`| \`${code(scopeName(i.name))}\` | ${report.manifest}:${i.line} | ${cell(i.reason)}${i.suggestion ? ` — did you mean \`${i.suggestion}\`?` : ''} |`);
    for (const d of report.scopes.duplicates) lines.push(`| \`${code(scopeName(d.name))}\` | ${report.manifest}:${d.line} | declared again (first at line ${d.first.line}) |`);
  }
  if (report.candidateCalls.length) {
    lines.push('', '## Calls that select one of several operations', '', '| Location | How | Candidates |', '|---|---|---|');
    for (const c of report.candidateCalls) lines.push(`| ${c.file}:${c.line} | ${cell(c.text)} | ${cellLines(c.operations)} |`);
  }
  const forms = pathFormSites(report);
  if (forms.length) {
    lines.push('', '## Path forms (JSM Operations: the documented form each call wrote)', '', '| Location | Operation | Path form |', '|---|---|---|');
    for (const p of forms) lines.push(`| ${p.file}:${p.line} | ${cell(p.operation)} | ${cell(p.note)} |`);
  }
  if (report.unresolved.length) {
    lines.push('', '## Calls whose endpoint could not be determined statically', '', '| Location | Reason | Candidates |', '|---|---|---|');
    for (const u of report.unresolved) lines.push(`| ${u.file}:${u.line} | ${cell(unresolvedText({ ...u, candidates: [] }))} | ${u.candidates.length ? cellLines(u.candidates.slice(0, 8)) : '—'} |`);
  }
  const { plan } = report;
  lines.push('', '## Least-privilege plan', '', `${plan.scopes.length} scopes${plan.add.length ? `; adds ${plan.add.map((x) => `\`${x}\``).join(', ')}` : ''}${plan.remove.length ? `; removes ${plan.remove.map((x) => `\`${code(scopeName(x))}\``).join(', ')}` : ''}.`, '', plan.cost.summary);
  if (plan.cost.withoutApproval) lines.push('', plan.cost.withoutApproval.summary);
  const egress = report.egress;
  if (egress && (egress.details.length || egress.unresolved.length || egress.content.length)) {
    const n = egressCounts(egress);
    lines.push('', '## Egress: hosts outside Atlassian', '', `Declared: ${n.declared} · ${EGRESS_VERDICTS.map((v) => `${v}: ${n[v]}`).join(' · ')}`);
    if (egress.details.length) lines.push('', '| Host | Kind | Verdict | Evidence |', '|---|---|---|---|');
    for (const d of egressByVerdict(egress)) lines.push(`| \`${code(d.domain)}\` | ${d.kind} | ${d.verdict} | ${cell(egressEvidence(d, report.manifest))} |`);
    if (egress.unresolved.length) lines.push('', 'Hosts the tool could not tell (a declared host of their kind cannot be proven unused):', '', ...egress.unresolved.map((u) => `- ${u.kind}: ${cell(egressUnresolvedText(u))}`));
    if (egress.content.length) lines.push('', `Content-policy relaxations (the tool does not judge whether the UI needs them): ${cell(egress.content.map((c) => egressContentText(c, report.manifest)).join(', '))}.`);
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
