import type { ReleaseDiff } from './release-types';
import { APPROVAL_LABEL, countsLine } from './render-markdown';
import { changePhrases } from './summary';

/** ANSI-or-plain styling, as the CLI's `styler` returns. */
interface Style {
  bold(t: string): string;
  dim(t: string): string;
  red(t: string): string;
  green(t: string): string;
  yellow(t: string): string;
}

/** Returns the release guard for a terminal: the verdict sentence, each change with approval, rule and evidence, then the sources. */
export function renderReleaseText(diff: ReleaseDiff, s: Style): string {
  const color = { required: s.red, unclear: s.yellow, 'not-required': s.green } as const;
  const lines = [s.bold(diff.summary), s.dim(`base: ${diff.base.label} · head: ${diff.head.manifest} · ${countsLine(diff)}`)];
  if (diff.changes.length) lines.push('');
  for (const c of diff.changes) {
    lines.push(`  ${color[c.approval](APPROVAL_LABEL[c.approval].padEnd(15))} ${changePhrases([c])[0]}  ${s.dim(`${diff.head.manifest}:${c.line} [${c.rule}]`)}`);
    if (c.reason) lines.push(`      ? ${c.reason}`);
    for (const e of c.evidence) lines.push(`      ${e.warning ? s.yellow('!') : '-'} ${e.message}`);
  }
  const rules = Object.entries(diff.rules);
  if (rules.length) {
    lines.push('', s.dim('Rules (Atlassian, see docs/release-guard.md):'));
    for (const [id, rule] of rules) lines.push(s.dim(`  ${id}: ${rule!.sources.map((x) => x.url).join(' ')}`));
  }
  return lines.join('\n') + '\n';
}
