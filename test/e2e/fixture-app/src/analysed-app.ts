import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { analyze } from '../../../../src/analysis';
import type { Report } from '../../../../src/analysis/report-types';
import { invalidScopes, loadForgeKnowledge, parseManifest, scopeNeedsFromManifest } from '../../../../src/manifest';
import { planYaml } from '../../../../src/report/plan-yaml';
import { scanApp } from '../../../../src/scan';
import type { UsageExport } from '../../../../src/usage/format';

// The fixture reports on its own manifest with the static findings of test/fixtures/jira-basic,
// whose code needs write:jira-work (not declared here: one missing scope) and never
// manage:jira-configuration (declared: one unused scope).
const manifestText = readFileSync(join(__dirname, '..', 'manifest.yml'), 'utf8');
const manifest = parseManifest(manifestText, 'manifest.yml');
const knowledge = loadForgeKnowledge();
const scan = scanApp(join(__dirname, '..', '..', '..', 'fixtures', 'jira-basic'));

/** Returns the report over the given usage exports. */
export function reportFor(usage: UsageExport[]): Report {
  return analyze({
    manifestFile: 'manifest.yml',
    declared: manifest.scopes,
    invalid: invalidScopes(manifest, knowledge.validScopes),
    scan,
    manifestNeeds: scopeNeedsFromManifest(manifest, knowledge),
    usage,
  });
}

/** Returns the plan block and its unified diff against today's `permissions.scopes` block. */
export function planOf(report: Report): { planYaml: string; planDiff: string } {
  const plan = planYaml(report);
  const today = ['permissions:', '  scopes:', ...manifest.scopes.map((s) => `    - ${s.name}`)].join('\n') + '\n';
  return { planYaml: plan, planDiff: createTwoFilesPatch('manifest.yml', 'manifest.yml', today, plan.replace(/  # kept:.*$/gm, ''), 'today', 'plan') };
}
