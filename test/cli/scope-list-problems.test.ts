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
});
