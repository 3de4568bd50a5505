import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { main } from '../../src/cli/main';
import { runCli } from './run-cli';

const manifest = (scopes: string[]) => `modules:
  function:
    - key: main
      handler: index.run
permissions:
  scopes:
${scopes.map((s) => `    - ${s}`).join('\n')}
app:
  id: ari:cloud:ecosystem::app/1
`;
const GET_ISSUE = "import api, { route } from '@forge/api';\nexport const run = (key: string) => api.asApp().requestJira(route`/rest/api/3/issue/${key}`);\n";
const GET_PAGE = "import api, { route } from '@forge/api';\nexport const run = (id: string) => api.asApp().requestConfluence(route`/wiki/api/v2/pages/${id}`);\n";

/** Writes a monorepo (files by path) in a fresh temp dir and returns its root. */
function monorepo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'si-mono-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const CLEAN = { 'manifest.yml': manifest(['read:jira-work']), 'src/index.ts': GET_ISSUE };
const MISSING = { 'manifest.yml': manifest(['read:jira-work']), 'src/index.ts': GET_PAGE };
const under = (prefix: string, files: Record<string, string>) => Object.fromEntries(Object.entries(files).map(([p, t]) => [`${prefix}/${p}`, t]));

/** Runs the CLI with the working directory at `cwd`, so app paths print relative to it. */
async function runIn(cwd: string, args: string[]) {
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    return await runCli(args);
  } finally {
    process.chdir(previous);
  }
}

describe('scope-inspector audit with several apps', () => {
  it('reports each app and a summary table; the exit code is the worst app', async () => {
    const root = monorepo({ ...under('apps/clean', CLEAN), ...under('apps/missing', MISSING) });
    const { code, out, err } = await runIn(root, ['audit', 'apps/clean', 'apps/missing']);
    expect(code).toBe(1);
    expect(out).toContain('Scope Inspector: apps/clean/manifest.yml');
    expect(out).toMatch(/Scope Inspector: apps\/missing\/manifest\.yml[\s\S]*Missing\n\s+read:page:confluence/);
    expect(out).toMatch(/Summary: 2 apps: 1 pass, 1 fail the audit, 0 could not be audited/);
    expect(out).toMatch(/apps\/clean\s+1\s+1\s+0\s+0\s+0\s+0\s+0\s+ok/);
    expect(out).toMatch(/apps\/missing\s+1\s+1\s+1\s+1\s+0\s+0\s+0\s+fails \(1\)/);
    expect(err).toContain('1 fail the audit');
  });

  it('audits the other apps when one has bad input, and exits 2', async () => {
    const root = monorepo({ ...under('a', CLEAN), 'b/manifest.yml': 'modules: [unclosed\n', ...under('c', MISSING) });
    const { code, out, err } = await runIn(root, ['audit', 'a', 'b', 'c', '--format', 'json']);
    expect(code).toBe(2);
    const entries = JSON.parse(out);
    expect(entries.map((e: any) => [e.app, e.exitCode])).toEqual([['a', 0], ['b', 2], ['c', 1]]);
    expect(entries[1].error).toMatchObject({ code: expect.any(String), message: expect.stringContaining('manifest.yml') });
    expect(entries[2].report).toMatchObject({ format: 'scope-inspector-report', manifest: 'manifest.yml' });
    expect(entries[2].failing).toEqual(['missing scope read:page:confluence']);
    expect(err).toContain('scope-inspector: b/manifest.yml:2:1: ');
    expect(entries[1].error.message).toMatch(/^b\/manifest\.yml:2:1: /);
  });

  it('--all finds every Forge manifest below ROOT, skipping dependencies, build output, dot-folders, fixtures and other tools\' manifests', async () => {
    const root = monorepo({
      ...under('apps/one', CLEAN),
      ...under('apps/two/packages/inner', CLEAN),
      ...under('node_modules/some-forge-lib', CLEAN),
      ...under('apps/one/dist/copy', CLEAN),
      ...under('.cache/app', CLEAN),
      ...under('test/fixtures/fake', MISSING),
      'deploy/manifest.yml': 'applications:\n  - name: web\n',
    });
    const { code, out, err } = await runIn(root, ['audit', '--all', '--ndjson']);
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.app)).toEqual(['apps/one', 'apps/two/packages/inner']);
    expect(err).toContain('skipped deploy/manifest.yml: not a Forge manifest');
    expect((await runIn(root, ['audit', '--all', 'apps/two'])).out).toContain('apps/two/packages/inner/manifest.yml');
    const none = await runCli(['audit', '--all', join(root, 'deploy')]);
    expect(none.code).toBe(2);
    expect(none.err).toContain('no Forge app (manifest.yml) below');
  });

  it('prints one SARIF log with a run per app: its own category and repository-relative URIs', async () => {
    const root = monorepo({ ...under('apps/clean', CLEAN), ...under('apps/missing', MISSING) });
    const sarif = JSON.parse((await runIn(root, ['audit', '--all', '--format', 'sarif'])).out);
    expect(sarif.runs.map((r: any) => r.automationDetails.id)).toEqual(['scope-inspector/apps/clean/', 'scope-inspector/apps/missing/']);
    const missing = sarif.runs[1].results.find((r: any) => r.ruleId === 'missing-scope');
    expect(missing.locations[0].physicalLocation.artifactLocation.uri).toBe('apps/missing/src/index.ts');
    expect(sarif.runs[0].results.every((r: any) => r.locations.every((l: any) => l.physicalLocation.artifactLocation.uri.startsWith('apps/clean/')))).toBe(true);
  });

  it('writes the baselines of all apps to one set keyed by manifest path, and fails only on what is new', async () => {
    const root = monorepo({ ...under('apps/a', CLEAN), ...under('apps/b', MISSING), 'ci/.keep': '' });
    expect((await runIn(root, ['audit', '--all', '--write-baseline', 'ci/baselines.json'])).code).toBe(1);
    const set = JSON.parse(readFileSync(join(root, 'ci/baselines.json'), 'utf8'));
    expect(set.format).toBe('scope-inspector-baselines');
    expect(Object.keys(set.apps)).toEqual(['../apps/a/manifest.yml', '../apps/b/manifest.yml']);
    const args = ['audit', '--all', '--baseline', 'ci/baselines.json', '--fail-on', 'missing,new'];
    expect((await runIn(root, args)).code).toBe(0);
    writeFileSync(join(root, 'apps/a/src/index.ts'), GET_ISSUE + GET_PAGE.replace('export const run', 'export const page'));
    const { code, out } = await runIn(root, args);
    expect(code).toBe(1);
    expect(out).toMatch(/apps\/a\s.*fails/);
    expect(out).toMatch(/apps\/b\s.*ok/);
  });

  it('refuses one app\'s baseline and --usage with several apps (exit 2, saying why)', async () => {
    const root = monorepo({ ...under('a', CLEAN), ...under('b', CLEAN) });
    expect((await runIn(root, ['audit', 'a', '--write-baseline', 'one.json'])).code).toBe(0);
    const single = await runIn(root, ['audit', 'a', 'b', '--baseline', 'one.json']);
    expect(single.code).toBe(2);
    expect(single.err).toContain("one app's baseline");
    const usage = await runIn(root, ['audit', 'a', 'b', '--usage', 'x.json']);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('--usage');
  });

  it('--dry-run prints one patch per app that names each manifest by its path', async () => {
    const root = monorepo({ ...under('apps/a', MISSING), ...under('apps/b', MISSING) });
    const { code, out, err } = await runIn(root, ['audit', 'apps/a', 'apps/b', '--dry-run']);
    expect(code).toBe(1);
    expect(out.match(/^--- apps\/[ab]\/manifest\.yml/gm)).toEqual(['--- apps/a/manifest.yml', '--- apps/b/manifest.yml']);
    expect(out).not.toContain('Summary');
    expect(err).toContain('Summary: 2 apps');
  });

  it('shows a progress line on a terminal only above three apps, and clears it', async () => {
    const root = monorepo(Object.assign({}, ...['a', 'b', 'c', 'd'].map((d) => under(d, CLEAN))));
    const run = async (dirs: string[]) => {
      const lines: string[] = [];
      await main(['node', 'scope-inspector', 'audit', ...dirs.map((d) => join(root, d)), '--format', 'json'], {
        out: () => {}, err: () => {}, readStdin: async () => '', color: false, progress: (t) => lines.push(t),
      });
      return lines;
    };
    const four = await run(['a', 'b', 'c', 'd']);
    expect(four[0]).toBe(`[1/4] ${relative(process.cwd(), join(root, 'a'))}`);
    expect(four.at(-1)).toBe('');
    expect(await run(['a', 'b', 'c'])).toEqual([]);
  });
});
