import type { Report } from '../analysis/report-types';
import { scopeName } from './scope-name';

/** Returns the plan as a `permissions.scopes` YAML block to paste into manifest.yml. */
export function planYaml(report: Report): string {
  const kept = new Set(report.plan.keptForUnresolved);
  const replaces = new Map<string, string[]>();
  for (const r of report.plan.replacements) for (const s of r.replacement) replaces.set(s, [...(replaces.get(s) ?? []), r.classic]);
  const lines = ['permissions:', '  scopes:'];
  for (const scope of report.plan.scopes) {
    const note = kept.has(scope) ? '  # kept: unverifiable, the tool cannot tell whether it is needed' : replaces.has(scope) ? `  # granular, replaces ${replaces.get(scope)!.join(', ')}` : '';
    // An empty or padded (invalid) name kept by the plan is quoted: bare, YAML would read it as null or trim it into another scope.
    lines.push(`    - ${scopeName(scope)}${note}`);
  }
  return lines.join('\n') + '\n';
}
