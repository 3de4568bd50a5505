import type { ReportFiles, ScopeDetail, ScopeVerdict } from '../analysis/report-types';
import { VERDICTS } from '../analysis/verdict-types';

export { VERDICTS };

/** What each verdict means, for people (every surface uses these words). */
export const VERDICT_MEANING: Readonly<Record<ScopeVerdict, string>> = {
  'in-use': 'observed succeeding at runtime',
  'code-only': 'the code can call it; not observed succeeding',
  platform: 'needed by a trigger, module, remote or platform feature',
  'not-granted': 'declared, but a site has not granted it',
  missing: 'needed, not declared',
  'missing-if-called': 'not declared; only calls the tool cannot pin down may need it',
  unverifiable: 'may be needed: the tool cannot tell',
  unused: 'nothing needs it: safe to remove',
};

/** Returns how many scopes have each verdict (every verdict present, zeros included). */
export function verdictCounts(details: readonly ScopeDetail[]): Record<ScopeVerdict, number> {
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<ScopeVerdict, number>;
  for (const d of details) counts[d.verdict]++;
  return counts;
}

/** Returns the files that block removal first, then the others; each as `file: reason`. */
export function skippedLines(files: ReportFiles): string[] {
  const ordered = [...files.skipped.filter((f) => f.blocksRemoval), ...files.skipped.filter((f) => !f.blocksRemoval)];
  return [...ordered.map((f) => `${f.file}: ${f.reason}${f.blocksRemoval ? ' (blocks removal)' : ''}`), ...files.symlinks.map((l) => `${l.file}: symbolic link to ${l.target}, followed`)];
}
