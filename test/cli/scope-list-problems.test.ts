import { parse } from 'yaml';
import { buildStaticAnalysis } from '../../src/audit/static-analysis-bundle';
import { planYaml } from '../../src/report/plan-yaml';
import { reportFor } from '../../src/resolvers/report-service';
import type { UsageExport } from '../../src/usage/format';
import { makeApp, runCli } from './run-cli';

// Line 5: read:jira-work, 6: "", 7: " storage:app", 8: read:jira-work again.
const MANIFEST = 'app:\n  id: ari:cloud:ecosystem::app/1\npermissions:\n  scopes:\n    - read:jira-work\n    - ""\n    - " storage:app"\n    - read:jira-work\n';
const SOURCE = "import api, { route } from '@forge/api';\napi.asApp().requestJira(route`/rest/api/3/issue/A-1`);\n";

describe('audit: empty, padded and repeated scope names on every surface', () => {
  const dir = makeApp({ 'manifest.yml': MANIFEST, 'src/index.ts': SOURCE });

  it('text: the empty name quoted with its reason, the repeat with both lines', async () => {
    const { code, out } = await runCli(['audit', dir]);
    expect(code).toBe(1);
    expect(out).toContain('Invalid\n  ""  manifest.yml:6  empty scope name\n  " storage:app"  manifest.yml:7  spaces around the name — did you mean storage:app?\n');
    expect(out).toContain('Declared twice\n  read:jira-work  manifest.yml:8  also at line 5\n');
    expect(out).not.toMatch(/^ {2}- $/m);
  });

  it('the failing findings name an empty or padded scope quoted (as audit --all --format json lists them)', async () => {
    const entry = JSON.parse((await runCli(['audit', dir, dir, '--format', 'json'])).out)[0];
    expect(entry.failing).toEqual(['invalid scope ""', 'invalid scope " storage:app"']);
  });

  it('JSON: a reason on each invalid entry and a duplicates list', async () => {
    const report = JSON.parse((await runCli(['audit', dir, '--format', 'json'])).out);
    expect(report.scopes.invalid).toEqual([
      { name: '', line: 6, column: 7, reason: 'empty scope name' },
      { name: ' storage:app', line: 7, column: 7, reason: 'spaces around the name', suggestion: 'storage:app' },
    ]);
    expect(report.scopes.duplicates).toEqual([{ name: 'read:jira-work', line: 8, column: 7, first: { line: 5, column: 7 } }]);
  });

  it('Markdown: a manifest problems table', async () => {
    const { out } = await runCli(['audit', dir, '--format', 'markdown']);
    expect(out).toContain('## Manifest problems\n\n| Scope | Line | Problem |\n|---|---|---|\n| `""` | manifest.yml:6 | empty scope name |\n| `" storage:app"` | manifest.yml:7 | spaces around the name — did you mean `storage:app`? |\n| `read:jira-work` | manifest.yml:8 | declared again (first at line 5) |\n');
  });

  it('SARIF: the reason in the invalid-scope message, a duplicate-scope warning at the repeat', async () => {
    const results = JSON.parse((await runCli(['audit', dir, '--format', 'sarif'])).out).runs[0].results;
    const at = (r: any) => [r.ruleId, r.level, r.message.text, r.locations[0].physicalLocation.region.startLine];
    expect(results.filter((r: any) => r.ruleId === 'invalid-scope' || r.ruleId === 'duplicate-scope').map(at)).toEqual([
      ['invalid-scope', 'error', 'Invalid scope "": empty scope name', 6],
      ['invalid-scope', 'error', 'Invalid scope " storage:app": spaces around the name; did you mean storage:app?', 7],
      ['duplicate-scope', 'warning', 'read:jira-work is declared again (first at line 5).', 8],
    ]);
  });

  it('a scope declared twice is one scope: counted, listed and judged once on every surface', async () => {
    const { out } = await runCli(['audit', dir]);
    expect(out.split('\n')[1]).toMatch(/^declared 3 · /);
    expect(out.match(/^ {2}read:jira-work \[/gm)).toHaveLength(1);
    const report = JSON.parse((await runCli(['audit', dir, '--format', 'json'])).out);
    expect(report.scopes.declared.map((d: { name: string; line: number }) => [d.name, d.line])).toEqual([['read:jira-work', 5], ['', 6], [' storage:app', 7]]);
    expect(report.scopes.used.map((u: { name: string }) => u.name)).toEqual(['read:jira-work']);
    expect(report.scopes.unverifiable.map((u: { name: string }) => u.name)).toEqual(['', ' storage:app']);
    expect(report.scopes.details.map((d: { scope: string }) => d.scope)).toEqual(['', ' storage:app', 'read:jira-work']);
    const md = (await runCli(['audit', dir, '--format', 'markdown'])).out;
    expect(md.match(/^\| `read:jira-work` \| [a-z-]+ \|/gm)).toHaveLength(1);
  });

  it('an empty or padded name is quoted wherever it is listed: unverifiable, the plan, SARIF, the plan YAML', async () => {
    const { out } = await runCli(['audit', dir]);
    expect(out).toContain('Unverifiable (kept: the tool cannot tell)\n  ""  manifest.yml:6  ');
    expect(out).toContain('\n  " storage:app"  manifest.yml:7  ');
    expect(out).toContain('\n  = ""  kept: unverifiable\n  = " storage:app"  kept: unverifiable\n');
    const md = (await runCli(['audit', dir, '--format', 'markdown'])).out;
    expect(md).toContain('| `""` | not a scope @forge/manifest knows');
    const results = JSON.parse((await runCli(['audit', dir, '--format', 'sarif'])).out).runs[0].results;
    expect(results.filter((r: any) => r.ruleId === 'unverifiable-scope').map((r: any) => r.message.text.split(':')[0])).toEqual(['""', '" storage']);
    const report = JSON.parse((await runCli(['audit', dir, '--format', 'json'])).out);
    // The plan's YAML must give back the very names it keeps (bare, YAML reads "" as null and trims the padding).
    const yaml = planYaml(report);
    expect(parse(yaml).permissions.scopes).toEqual(report.plan.scopes);
  });
});

describe('the admin page\'s report of a manifest that declares a scope twice', () => {
  it('carries the repeat and lists the scope once, as the CLI does', async () => {
    const dir = makeApp({ 'manifest.yml': MANIFEST, 'src/index.ts': SOURCE });
    const bundle = await buildStaticAnalysis(dir, 'test');
    const report = reportFor(bundle, emptyUsage());
    expect(report.scopes.duplicates).toEqual([{ name: 'read:jira-work', line: 8, column: 7, first: { line: 5, column: 7 } }]);
    expect(report.scopes.used.map((u) => u.name)).toEqual(['read:jira-work']);
    expect(report.scopes.declared).toHaveLength(3);
  });
});


/** A usage export of an installation that recorded nothing. */
function emptyUsage(): UsageExport {
  return { format: 'scope-inspector-usage', version: 1, generatedAt: '2026-11-29T10:00:00.000Z', installation: '0123456789abcdef', environment: 'PRODUCTION', window: { firstDay: null, lastDay: null, daysObserved: 0 }, grantedScopes: [], endpoints: [], excluded: [], droppedCalls: 0 };
}
