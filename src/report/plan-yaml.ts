import type { Report } from '../analysis/report-types';

/** Returns the plan as a `permissions.scopes` YAML block to paste into manifest.yml. */
export function planYaml(report: Report): string {
  const kept = new Set(report.plan.keptForUnresolved);
  const lines = ['permissions:', '  scopes:'];
  for (const scope of report.plan.scopes) {
    lines.push(`    - ${scope}${kept.has(scope) ? '  # kept: an unresolved call or undocumented operation may need it' : ''}`);
  }
  return lines.join('\n') + '\n';
}
