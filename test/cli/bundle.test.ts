/**
 * The bundled CLI (scripts/build-cli.ts, what bin/scope-inspector.js runs) gives what the sources
 * give: the same reports, and its scan worker and isolated-parse child start from beside it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildCli } from '../../scripts/build-cli';
import { scanSource } from '../../src/scan/scan-source';
import type { FileSummary } from '../../src/scan/summary-types';
import { runCli } from './run-cli';

const REPO = join(__dirname, '..', '..');
const REALISTIC = join(REPO, 'test/fixtures/realistic');
// Inside the repository, as dist/cli is: the bundle finds the package (its version) by walking up.
mkdirSync(join(REPO, 'dist'), { recursive: true });
const out = mkdtempSync(join(REPO, 'dist', 'test-cli-'));

beforeAll(() => buildCli(out), 60_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Runs the bundle's `main` in a fresh Node process. */
function runBundle(args: string[]): { code: number | null; out: string; err: string } {
  const script = `require(${JSON.stringify(join(out, 'main.js'))}).main(['node', 'scope-inspector', ...${JSON.stringify(args)}]).then((c) => { process.exitCode = c; });`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, cwd: REPO, maxBuffer: 1 << 26 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

it('audits every realistic fixture app to the same JSON as the sources, and exits the same', async () => {
  const args = ['audit', '--all', relative(REPO, REALISTIC), '--format', 'json', '--fail-on', 'missing,invalid'];
  const bundled = runBundle(args);
  const cwd = process.cwd();
  process.chdir(REPO);
  try {
    const source = await runCli(args);
    expect(bundled.err).toBe(source.err);
    expect(bundled.code).toBe(source.code);
    expect(JSON.parse(bundled.out)).toEqual(JSON.parse(source.out));
    expect(JSON.parse(bundled.out)).toHaveLength(readdirSync(REALISTIC).length);
  } finally {
    process.chdir(cwd);
  }
}, 60_000);

it('answers lookup and --help like the sources', async () => {
  for (const args of [['lookup', 'GET', '/rest/api/3/issue/ABC-1', '--json'], ['--help']]) {
    const bundled = runBundle(args);
    const source = await runCli(args);
    expect({ code: bundled.code, out: bundled.out }).toEqual({ code: source.code, out: source.out });
  }
}, 30_000);

it('starts its scan worker from beside it, and the worker summarises as the sources do', async () => {
  const dir = join(REALISTIC, 'jira-triage/src');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.[jt]sx?$/.test(e.name))
    .map((e) => ({ file: relative(REALISTIC, join(e.parentPath, e.name)), text: readFileSync(join(e.parentPath, e.name), 'utf8'), side: 'backend' as const }));
  expect(files.length).toBeGreaterThan(2);
  const summaries = await new Promise<FileSummary[]>((resolve, reject) => {
    const worker = new Worker(join(out, 'scan-worker.js'), { workerData: { files } });
    worker.once('message', (m: FileSummary[]) => { resolve(m); void worker.terminate(); });
    worker.once('error', reject);
  });
  expect(summaries).toEqual(files.map((f) => scanSource(f.file, f.text, f.side)));
}, 30_000);

it('starts its isolated-parse child from beside it', () => {
  const text = "import api, { route } from '@forge/api';\nexport const f = () => api.asApp().requestJira(route`/rest/api/3/myself`);\n";
  const r = spawnSync(process.execPath, [join(out, 'isolated-scan-child.js')], { input: JSON.stringify({ file: 'src/a.ts', text, side: 'backend' }) });
  expect(r.status).toBe(0);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const summary = (require('node:v8') as typeof import('node:v8')).deserialize(r.stdout) as FileSummary;
  expect(summary).toEqual(scanSource('src/a.ts', text, 'backend'));
});

it('starts with its build id: the hash of the rest, which keys its code cache', () => {
  const text = readFileSync(join(out, 'main.js'), 'utf8');
  const [first, ...rest] = text.split('\n');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sha1 = (require('node:crypto') as typeof import('node:crypto')).createHash('sha1').update(rest.join('\n')).digest('hex');
  expect(first).toBe(`// build ${sha1}`);
});
