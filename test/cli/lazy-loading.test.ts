/**
 * Issue 13: a command loads only what it needs. `lookup` loads neither the YAML parser, the diff
 * library nor the source parser; `audit` loads the diff library only to print or apply a patch,
 * and starts no worker thread for a small app.
 * Checked on the sources (the bundle keeps their lazy requires lazy: test/cli/bundle.test.ts
 * checks it answers alike), in a child process so nothing else has loaded them already.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makeApp } from './run-cli';

const run = promisify(execFile);
const CHILD = join(__dirname, 'fixtures', 'module-loads-child.ts');

async function packagesLoaded(args: string[]): Promise<{ code: number; packages: string[] }> {
  const { stdout } = await run(process.execPath, ['--require', 'tsx/cjs', CHILD, JSON.stringify(args)], { cwd: join(__dirname, '../..'), timeout: 60_000 });
  return JSON.parse(stdout);
}

const HEAVY = ['yaml', 'diff', 'oxc-parser', 'jsonc-parser', '@forge/manifest', 'csv-stringify', 'graphql'];
const heavyIn = (packages: string[]) => packages.filter((p) => HEAVY.some((h) => p === h || p.startsWith(`${h}/`)) || p.startsWith('@oxc-parser/'));

const app = () =>
  makeApp({
    'manifest.yml': 'modules:\n  function:\n    - key: main\n      handler: index.run\npermissions:\n  scopes:\n    - read:jira-work\n    - write:confluence-content\napp:\n  id: ari:cloud:ecosystem::app/1\n',
    'src/index.ts': "import api, { route } from '@forge/api';\nexport const run = (k: string) => api.asApp().requestJira(route`/rest/api/3/issue/${k}`);\n",
  });

describe('what each command loads', () => {
  it('lookup loads none of the YAML parser, the diff library or the source parser', async () => {
    const { code, packages } = await packagesLoaded(['lookup', 'GET', '/rest/api/3/issue/ABC-1']);
    expect(code).toBe(0);
    expect(heavyIn(packages)).toEqual([]);
  }, 60_000);

  it('audit parses YAML and source but loads the diff library only for a patch', async () => {
    const dir = app();
    const plain = await packagesLoaded(['audit', dir, '--fail-on', 'none']);
    expect(plain.code).toBe(0);
    // The hook sees what an audit needs: the check below can fail.
    expect(heavyIn(plain.packages)).toEqual(expect.arrayContaining(['yaml']));
    expect(plain.packages).not.toContain('diff');
    // A small app is scanned in this thread: a worker only adds its start-up (docs/benchmarks.md, "Worker threads").
    expect(plain.packages).not.toContain('worker_threads');
    const patch = await packagesLoaded(['audit', dir, '--dry-run', '--remove-unused']);
    expect(patch.code).toBe(0);
    expect(patch.packages).toContain('diff');
  }, 60_000);
});
