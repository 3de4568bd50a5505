import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeApp, runCli } from './run-cli';

const MANIFEST = `# Demo app
modules:
  function:
    - key: main
      handler: index.run
permissions:
  scopes:
    - read:jira-work   # issues
    - manage:jira-configuration
app:
  id: ari:cloud:ecosystem::app/1
`;
const SOURCE = `import api, { route } from '@forge/api';
export async function run(key: string) {
  await api.asApp().requestJira(route\`/rest/api/3/issue/\${key}\`);
  await api.asApp().requestJira(route\`/rest/api/3/issue/\${key}/properties/seen\`, { method: 'PUT', body: '{}' });
}
`;

const app = (source = SOURCE, manifest = MANIFEST) => makeApp({ 'manifest.yml': manifest, 'src/index.ts': source });

describe('scope-inspector audit', () => {
  it('exits 1 on a missing scope and names it with the call site', async () => {
    const { code, out } = await runCli(['audit', app()]);
    expect(code).toBe(1);
    expect(out).toMatch(/write:issue\.property:jira.*PUT \/rest\/api\/3\/issue\/\{issueIdOrKey\}\/properties\/\{propertyKey\}.*src\/index\.ts:4/);
    expect(out).toMatch(/Unused \(safe to remove\)\n\s+manage:jira-configuration\s+manifest\.yml:9/);
  });

  it('selects what fails with --fail-on', async () => {
    const dir = app();
    expect((await runCli(['audit', dir, '--fail-on', 'unused'])).code).toBe(1);
    expect((await runCli(['audit', dir, '--fail-on', 'invalid'])).code).toBe(0);
    expect((await runCli(['audit', dir, '--fail-on', 'none'])).code).toBe(0);
    expect((await runCli(['audit', dir, '--fail-on', 'bogus'])).code).toBe(2);
  });

  it('prints the documented JSON report', async () => {
    const { out } = await runCli(['audit', app(), '--format', 'json']);
    const report = JSON.parse(out);
    expect(report).toMatchObject({ format: 'scope-inspector-report', version: 2 });
    expect(report.endpoints[0]).toMatchObject({ product: 'jira', method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}', operationId: 'getIssue' });
    expect(report.endpoints[0].calls[0]).toMatchObject({ file: 'src/index.ts', line: 3, side: 'backend', principal: 'asApp' });
    expect(Object.keys(report.scopes).sort()).toEqual(['declared', 'details', 'duplicates', 'invalid', 'missing', 'missingIfCalled', 'missingScopes', 'replaceable', 'unused', 'unverifiable', 'used']);
    expect(report.scopes.details.map((d: { scope: string; verdict: string }) => [d.scope, d.verdict])).toEqual([
      ['manage:jira-configuration', 'unused'],
      ['read:jira-work', 'code-only'],
      ['write:issue.property:jira', 'missing'],
    ]);
    expect(report.files).toEqual({ scanned: 1, skipped: [], symlinks: [] });
    expect(report.plan).toMatchObject({ scopes: expect.any(Array), authorizedOperations: expect.any(Number), cost: { approval: 'required', summary: expect.stringContaining("every site's admin must approve") } });
    expect(report.blastRadius).toMatchObject({ declared: expect.any(Number), plan: expect.any(Number) });
    expect(report.unresolved).toEqual([]);
  });

  it('states what applying the plan costs in the text report and the Markdown justification, from the one plan.cost', async () => {
    const dir = app();
    const { cost } = JSON.parse((await runCli(['audit', dir, '--format', 'json', '--fail-on', 'none'])).out).plan;
    expect(cost.withoutApproval.summary).toContain("Keeping today's scopes needs no approval");
    for (const format of ['text', 'markdown']) {
      const { out } = await runCli(['audit', dir, '--format', format, '--fail-on', 'none']);
      expect(out).toContain(cost.summary);
      expect(out).toContain(cost.withoutApproval.summary);
    }
  });

  it('prints SARIF: missing scope as an error at the call site, unused scope as a warning at its manifest line', async () => {
    const sarif = JSON.parse((await runCli(['audit', app(), '--format', 'sarif'])).out);
    expect(sarif.version).toBe('2.1.0');
    const results = sarif.runs[0].results;
    const missing = results.find((r: any) => r.ruleId === 'missing-scope');
    expect(missing.level).toBe('error');
    expect(missing.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'src/index.ts' }, region: { startLine: 4, startColumn: expect.any(Number) } });
    const unused = results.find((r: any) => r.ruleId === 'unused-scope');
    expect(unused).toMatchObject({ level: 'warning', locations: [{ physicalLocation: { artifactLocation: { uri: 'manifest.yml' }, region: { startLine: 9 } } }] });
  });

  it('prints a Markdown scope justification table', async () => {
    const { out } = await runCli(['audit', app(), '--format', 'markdown']);
    expect(out).toContain('| Scope | Verdict | Kind | Why the app needs it | Evidence |');
    expect(out).toMatch(/\| `read:jira-work` \| code-only \| classic \| `GET \/rest\/api\/3\/issue\/\{issueIdOrKey\}`.*\| src\/index\.ts:3 \|/);
    expect(out).toMatch(/## Declared but not needed \(safe to remove\)\n\n.*\n.*\n\| `manage:jira-configuration` \| manifest\.yml:9 \|/);
  });

  it('--dry-run prints the diff and changes nothing; --fix adds the missing scope keeping comments', async () => {
    const dir = app();
    const dry = await runCli(['audit', dir, '--dry-run']);
    expect(dry.out).toContain('+    - write:issue.property:jira');
    expect(readFileSync(join(dir, 'manifest.yml'), 'utf8')).toBe(MANIFEST);
    const fixed = await runCli(['audit', dir, '--fix']);
    expect(fixed.code).toBe(0);
    const text = readFileSync(join(dir, 'manifest.yml'), 'utf8');
    expect(text).toBe(MANIFEST.replace('    - manage:jira-configuration\n', '    - manage:jira-configuration\n    - write:issue.property:jira\n'));
    expect((await runCli(['audit', dir])).code).toBe(0);
  });

  it('--fix --remove-unused also removes unused scopes', async () => {
    const dir = app();
    await runCli(['audit', dir, '--fix', '--remove-unused']);
    const text = readFileSync(join(dir, 'manifest.yml'), 'utf8');
    expect(text).not.toContain('manage:jira-configuration');
    expect(text).toContain('- read:jira-work   # issues');
    expect((await runCli(['audit', dir, '--fail-on', 'missing,unused,invalid'])).code).toBe(0);
  });

  it('fails only on findings not in a reviewed baseline', async () => {
    const dir = app();
    const baseline = join(dir, 'baseline.json');
    expect((await runCli(['audit', dir, '--write-baseline', baseline])).code).toBe(1);
    expect((await runCli(['audit', dir, '--baseline', baseline, '--fail-on', 'missing,unused,new'])).code).toBe(0);
    writeFileSync(join(dir, 'src/index.ts'), SOURCE + "export const more = () => api.asApp().requestJira(route`/rest/api/3/myself`);\n");
    const after = await runCli(['audit', dir, '--baseline', baseline, '--fail-on', 'new']);
    expect(after.code).toBe(1);
    expect((await runCli(['audit', dir, '--fail-on', 'new'])).code).toBe(2);
  });

  it('exits 2 with file, line and column on malformed YAML', async () => {
    const { code, err } = await runCli(['audit', app(SOURCE, 'permissions:\n  scopes:\n    - a\n   - b\n')]);
    expect(code).toBe(2);
    expect(err).toMatch(/manifest\.yml:\d+:\d+/);
  });

  it('exits 2 naming the file for a bad usage export or a missing manifest', async () => {
    const dir = app();
    writeFileSync(join(dir, 'usage.json'), '{"format":"nope"}');
    const bad = await runCli(['audit', dir, '--usage', join(dir, 'usage.json')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('usage.json');
    const none = await runCli(['audit', join(dir, 'src')]);
    expect(none.code).toBe(2);
    expect(none.err).toContain('manifest.yml: not found');
  });
});

describe('scope-inspector audit --usage', () => {
  it('joins usage exports from several sites: evidence, sites seen, runtime-only endpoints', async () => {
    const { usageOf } = require('../analysis/inputs') as typeof import('../analysis/inputs');
    const dir = app();
    const a = join(dir, 'site-a.json');
    const b = join(dir, 'site-b.json');
    writeFileSync(a, JSON.stringify(usageOf('site-a', [{ key: 'GET /rest/api/3/issue/{issueIdOrKey}', calls: 4 }, { key: 'GET /rest/api/3/myself', calls: 1 }])));
    writeFileSync(b, JSON.stringify(usageOf('site-b', [{ key: 'GET /rest/api/3/issue/{issueIdOrKey}', calls: 6 }])));
    const { out } = await runCli(['audit', dir, '--usage', a, b, '--fail-on', 'none']);
    expect(out).toMatch(/GET \/rest\/api\/3\/issue\/\{issueIdOrKey\}\s+\[both\] 10 calls, seen on 2 of 2 sites/);
    expect(out).toMatch(/GET \/rest\/api\/3\/myself\s+\[runtime\] 1 calls, seen on 1 of 2 sites/);
    expect(out).toMatch(/PUT \/rest\/api\/3\/issue\/\{issueIdOrKey\}\/properties\/\{propertyKey\}\s+\[static\] never seen at runtime/);
    const json = JSON.parse((await runCli(['audit', dir, '--usage', a, b, '--format', 'json'])).out);
    expect(json.runtime).toMatchObject({ sites: 2, window: { firstDay: '2026-11-01', lastDay: '2026-11-20' } });
  });

  it('refuses two exports of one installation (each holds every day it recorded: its calls would count twice), naming both files', async () => {
    const { usageOf } = require('../analysis/inputs') as typeof import('../analysis/inputs');
    const dir = app();
    const a = join(dir, 'site-a.json');
    const again = join(dir, 'site-a-later.json');
    writeFileSync(a, JSON.stringify(usageOf('site-a', [{ key: 'GET /rest/api/3/issue/{issueIdOrKey}', calls: 4 }])));
    writeFileSync(again, JSON.stringify(usageOf('site-a', [{ key: 'GET /rest/api/3/issue/{issueIdOrKey}', calls: 5 }])));
    const r = await runCli(['audit', dir, '--usage', a, again]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(`scope-inspector: ${again}: the same installation (site-a) as ${a}; give one usage export per site (the newest holds every day it recorded)\n`);
  });
});

describe('scope-inspector audit --window', () => {
  const today = new Date().toISOString().slice(0, 10);
  const longAgo = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
  const usage = (dir: string) => {
    const file = join(dir, 'usage.json');
    const endpoint = (day: string, calls: number) => [day, calls, calls, 0, 0, 0, 0, 0];
    writeFileSync(file, JSON.stringify({
      format: 'scope-inspector-usage', version: 1, generatedAt: `${today}T00:00:00.000Z`, installation: 'site', window: { firstDay: longAgo, lastDay: today, daysObserved: 2 },
      grantedScopes: [], droppedCalls: 0,
      endpoints: [{ family: 'requestJira', method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}', operationKey: 'GET /rest/api/3/issue/{issueIdOrKey}', known: true, principal: 'app',
        calls: 9, status: { '2xx': 9, '3xx': 0, '4xx': 0, '5xx': 0, network: 0 }, scopeMismatch401: 0, firstSeen: longAgo, lastSeen: today, daysSeen: 2,
        appVersions: ['1.0.0'], environments: ['PRODUCTION'], moduleKeys: ['main'], daily: [endpoint(longAgo, 6), endpoint(today, 3)] }],
    }));
    return file;
  };

  it('counts only the last N days of the usage files, as the admin page does', async () => {
    const dir = app();
    const report = async (...extra: string[]) => JSON.parse((await runCli(['audit', dir, '--usage', usage(dir), '--format', 'json', '--fail-on', 'none', ...extra])).out);
    expect((await report()).endpoints.find((e: any) => e.template === '/rest/api/3/issue/{issueIdOrKey}').runtime.calls).toBe(9);
    const week = await report('--window', '7');
    expect(week.endpoints.find((e: any) => e.template === '/rest/api/3/issue/{issueIdOrKey}').runtime.calls).toBe(3);
    expect(week.runtime.window).toMatchObject({ days: 7, end: today, firstDay: today, daysObserved: 1 });
  });

  it('exits 2 on a window that is not a number of days', async () => {
    const { code, err } = await runCli(['audit', app(), '--window', 'fortnight']);
    expect(code).toBe(2);
    expect(err).toContain('--window: expected a number of days from 1 to 366 or "all", got "fortnight"');
  });
});
