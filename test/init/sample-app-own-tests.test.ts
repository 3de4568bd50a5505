/**
 * The sample apps' own test suites still pass after `scope-inspector init` wired them (their
 * handlers wrapped, @forge/api imports sent through the generated facade, which their tests mock
 * as `@forge/api` as before). One jest run for all of them, as `jest --projects`.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { cli } from './helpers/sample-app-flow';
import { createWorkspace, REPO, sampleApps } from './helpers/sample-apps';

const run = promisify(execFile);
const hasTests = (dir: string) => existsSync(join(dir, 'test')) && readdirSync(join(dir, 'test')).some((f) => /\.test\.[jt]sx?$/.test(f));

it('every sample app with tests still passes them after init', async () => {
  const workspace = await createWorkspace();
  try {
    const dirs = sampleApps().map((app) => workspace.copy(app)).filter(hasTests);
    expect(dirs.length).toBeGreaterThanOrEqual(4);
    const jest = (projects: string[]) =>
      run(process.execPath, [join(REPO, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci', '--silent', '--json', '--projects', ...projects], { cwd: workspace.root, maxBuffer: 16 << 20 })
        .then((r) => r.stdout)
        .catch((e: { stdout?: string; stderr?: string }) => e.stdout || e.stderr || String(e));
    const summary = (out: string) => {
      const r = JSON.parse(out.slice(out.indexOf('{'))) as { numFailedTests: number; numPassedTests: number; numTotalTestSuites: number; testResults: { name: string; message: string }[] };
      return { suites: r.numTotalTestSuites, failed: r.numFailedTests, failures: r.testResults.filter((t) => t.message).map((t) => `${t.name}: ${t.message}`), passed: r.numPassedTests };
    };
    for (const dir of dirs) expect((await cli('init', dir)).code).toBe(0);
    const testFiles = dirs.reduce((n, dir) => n + readdirSync(join(dir, 'test')).filter((f) => /\.test\.[jt]sx?$/.test(f)).length, 0);
    const after = summary(await jest(dirs));
    expect({ ...after, passed: after.passed > 0 }).toEqual({ suites: testFiles, failed: 0, failures: [], passed: true });
  } finally {
    workspace.remove();
  }
}, 120_000);
