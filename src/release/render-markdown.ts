import type { Approval } from './change-rules';
import type { ReleaseDiff } from './release-types';
import { changePhrases } from './summary';

/** Marker that lets a CI job find and update its own pull-request comment. */
export const PR_COMMENT_MARKER = '<!-- scope-inspector:release-guard -->';

/** How each approval reads in reports. */
export const APPROVAL_LABEL: Record<Approval, string> = { required: 'needs approval', unclear: 'unclear', 'not-required': 'automatic' };

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

/** Returns the counts line: how many changes need approval, are unclear, roll out automatically. */
export function countsLine(diff: ReleaseDiff): string {
  const n = (a: Approval) => diff.changes.filter((c) => c.approval === a).length;
  return `${diff.changes.length} change(s): ${n('required')} need approval, ${n('unclear')} unclear, ${n('not-required')} roll out automatically`;
}

/**
 * Returns the release guard as a pull-request comment: led by its one-sentence verdict, then a
 * table of changes with approval, rule and evidence, then the published rules it cites.
 */
export function renderReleaseMarkdown(diff: ReleaseDiff): string {
  const lines = [diff.summary, '', `Compared with ${code(diff.base.label)} · ${countsLine(diff)}`];
  if (diff.changes.length) {
    lines.push('', '| Change | Approval | Rule | Evidence |', '|---|---|---|---|');
    for (const c of diff.changes) {
      const what = `${cell(changePhrases([c])[0])} (${code(c.path)}, ${diff.head.manifest}:${c.line})`;
      const approval = c.approval === 'required' ? '**needs approval**' : c.approval === 'unclear' ? '**unclear**' : 'automatic';
      const evidence = [...(c.reason ? [`❓ ${c.reason}`] : []), ...c.evidence.map((e) => `${e.warning ? '⚠️ ' : ''}${e.message}`)];
      lines.push(`| ${what} | ${approval} | [${c.rule}](#rule-${c.rule}) | ${cell(evidence.join('<br>') || '—')} |`);
    }
  }
  const rules = Object.entries(diff.rules);
  if (rules.length) {
    lines.push('', '<details><summary>Atlassian\'s published rules behind this verdict</summary>', '');
    for (const [id, rule] of rules) {
      lines.push(`- <a id="rule-${id}"></a>**${id}** (${APPROVAL_LABEL[rule!.approval]}): ${rule!.says}${rule!.reason ? ` Unclear because ${rule!.reason}` : ''}`);
      for (const s of rule!.sources) lines.push(`  - [${s.title}](${s.url}): “${s.quote}”`);
    }
    lines.push('', '</details>');
  }
  if (diff.usage) lines.push('', `Runtime usage: ${diff.usage.sites} site(s), ${diff.usage.daysObserved} day(s) observed.`);
  lines.push('', PR_COMMENT_MARKER);
  return lines.join('\n') + '\n';
}
