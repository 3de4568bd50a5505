import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { createRepo, gitEnv, type TestRepo } from '../helpers/git-repo';
import { INDEX_TS, manifestOf } from './diff-app';

const ROOT = resolve(__dirname, '../..');
const DOC = readFileSync(join(ROOT, 'docs/ci.md'), 'utf8');

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}

/** The workflow of docs/ci.md: its first ```yaml block. */
const workflow = parse(/```yaml\n([\s\S]*?)```/.exec(DOC)![1]) as { permissions: Record<string, string>; jobs: Record<string, { steps: Step[] }> };
const steps = Object.values(workflow.jobs)[0].steps;

/** An `npx` that runs this repository's CLI from source, as `npx scope-inspector` runs the installed one. */
function shimDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'si-shim-'));
  writeFileSync(
    join(dir, 'scope-inspector.cjs'),
    `require(${JSON.stringify(join(ROOT, 'node_modules/tsx/dist/cjs/api/index.cjs'))}).register();\n` +
      `require(${JSON.stringify(join(ROOT, 'src/cli/main.ts'))}).main(process.argv).then((code) => { process.exitCode = code; });\n`,
  );
  writeFileSync(join(dir, 'npx'), `#!/bin/sh\nif [ "$1" = scope-inspector ]; then shift; exec "${process.execPath}" "${join(dir, 'scope-inspector.cjs')}" "$@"; fi\necho "unexpected: npx $*" >&2; exit 127\n`);
  chmodSync(join(dir, 'npx'), 0o755);
  return dir;
}

/** Runs a step's `run:` script as GitHub does (bash -eo pipefail), its `${{ }}` expressions replaced from `values`. */
function runStep(step: Step, cwd: string, values: Record<string, string>, env: Record<string, string>) {
  const expr = (text: string) =>
    text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_m, e: string) => {
      if (!(e in values)) throw new Error(`step "${step.name}": no test value for \${{ ${e} }}`);
      return values[e];
    });
  const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expr(String(v))]));
  return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', expr(step.run!)], { cwd, env: { ...gitEnv, ...env, ...stepEnv }, encoding: 'utf8' });
}

describe('the GitHub Actions workflow in docs/ci.md', () => {
  let origin: TestRepo;
  let clone: string;
  beforeAll(() => {
    origin = createRepo();
    origin.commit('base', { 'manifest.yml': manifestOf(), 'src/index.ts': INDEX_TS });
    clone = join(mkdtempSync(join(tmpdir(), 'si-pr-')), 'app');
    const git = (...args: string[]) => spawnSync('git', args, { cwd: clone, env: gitEnv, encoding: 'utf8' });
    spawnSync('git', ['clone', '-q', origin.dir, clone], { env: gitEnv });
    git('checkout', '-q', '-b', 'pull-request');
    writeFileSync(join(clone, 'manifest.yml'), manifestOf({ scopes: ['read:jira-work', 'write:issue.property:jira'] }));
    git('commit', '-qam', 'add a scope');
  });
  afterAll(() => origin.dispose());

  it('checks out the full history and may upload SARIF and comment', () => {
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout'))?.with).toEqual({ 'fetch-depth': 0 });
    expect(workflow.permissions).toMatchObject({ 'security-events': 'write', 'pull-requests': 'write' });
  });

  it('runs its scope-inspector commands on a pull request that adds a scope: SARIF, comment, and a gate only the label opens', () => {
    const bin = shimDir();
    const outputs = join(bin, 'github-output');
    writeFileSync(outputs, '');
    const env = { PATH: `${bin}:${process.env.PATH}`, GITHUB_OUTPUT: outputs };
    const values: Record<string, string> = { 'github.base_ref': 'main' };
    const commands = steps.filter((s) => s.run?.includes('npx scope-inspector'));
    expect(commands.map((s) => s.id)).toEqual(['audit', 'guard']);
    for (const step of commands) {
      const result = runStep(step, clone, values, env);
      expect(result.stderr).not.toMatch(/unexpected: npx|scope-inspector: /);
      values[`steps.${step.id}.outcome`] = result.status === 0 ? 'success' : 'failure';
    }
    // The audit is clean (the scope fixes a call that was missing all along); the guard fails: approval needed.
    expect(values['steps.audit.outcome']).toBe('success');
    expect(values['steps.guard.outcome']).toBe('failure');
    expect(readFileSync(outputs, 'utf8')).toBe('code=1\n');
    values['steps.guard.outputs.code'] = '1';

    // Every file a later step uploads or posts was written by the commands.
    for (const s of steps.filter((x) => x.uses?.startsWith('github/codeql-action/upload-sarif'))) {
      const sarif = JSON.parse(readFileSync(join(clone, String(s.with!.sarif_file)), 'utf8'));
      expect(sarif.version).toBe('2.1.0');
    }
    const comment = readFileSync(join(clone, 'release-guard.md'), 'utf8');
    expect(comment.split('\n')[0]).toBe('This change needs every site admin to approve a new major version because it adds write:issue.property:jira.');
    expect(steps.find((s) => s.name === 'Comment on the pull request')?.run).toContain('--body-file release-guard.md');
    expect(comment).toContain('<!-- scope-inspector:release-guard -->');

    const gate = steps.find((s) => s.name === 'Gate')!;
    const label = "contains(github.event.pull_request.labels.*.name, 'major-version-ok')";
    const blocked = runStep(gate, clone, { ...values, [label]: 'false' }, env);
    expect(blocked.status).toBe(1);
    expect(blocked.stdout).toContain('::error::this change needs (or may need) every site admin to approve a new major version');
    expect(runStep(gate, clone, { ...values, [label]: 'true' }, env).status).toBe(0);
    // A bad input is never accepted by the label.
    expect(runStep(gate, clone, { ...values, 'steps.guard.outputs.code': '2', [label]: 'true' }, env).status).toBe(1);
    expect(existsSync(join(clone, 'scope-audit.sarif'))).toBe(true);
  }, 90_000);
});
