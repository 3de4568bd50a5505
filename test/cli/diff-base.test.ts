import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRepo, gitEnv, type TestRepo } from '../helpers/git-repo';
import { INDEX_TS, manifestOf } from './diff-app';
import { makeApp, runCli } from './run-cli';

const ADDED = ['read:jira-work', 'write:issue.property:jira'];
const repos: TestRepo[] = [];
/** A repo whose default branch `branch` holds the base app, with HEAD on `feature` adding a scope. */
function featureRepo(branch = 'main'): TestRepo {
  const repo = createRepo(branch);
  repos.push(repo);
  repo.commit('base', { 'manifest.yml': manifestOf(), 'src/index.ts': INDEX_TS });
  repo.git('checkout', '-q', '-b', 'feature');
  repo.commit('add a scope', { 'manifest.yml': manifestOf({ scopes: ADDED }) });
  return repo;
}
const diffJson = async (args: string[]) => {
  const result = await runCli(['diff', ...args, '--format', 'json']);
  return { ...result, diff: result.code === 2 ? undefined : JSON.parse(result.out) };
};
afterAll(() => repos.forEach((r) => r.dispose()));

describe('diff: the base', () => {
  it('defaults to the merge-base of HEAD with main', async () => {
    const repo = featureRepo();
    const mergeBase = repo.git('merge-base', 'HEAD', 'main');
    repo.git('checkout', '-q', 'main');
    repo.commit('main moves on', { 'manifest.yml': manifestOf({ scopes: ['read:jira-work', 'read:user:jira'] }) });
    repo.git('checkout', '-q', 'feature');
    const { code, diff } = await diffJson([repo.dir]);
    expect(code).toBe(0);
    // Against the merge-base, not main's tip: read:user:jira was added on main, not in this change.
    expect(diff.base).toEqual({ kind: 'git', label: `merge-base of HEAD and main (${mergeBase.slice(0, 12)})`, ref: mergeBase.slice(0, 12), commit: mergeBase });
    expect(diff.changes.map((c: any) => `${c.kind} ${c.after}`)).toEqual(['scope-added write:issue.property:jira']);
  });

  it('finds master, and follows origin/HEAD in a clone whatever its name', async () => {
    expect((await diffJson([featureRepo('master').dir])).diff.base.label).toMatch(/^merge-base of HEAD and master /);
    const upstream = featureRepo('trunk');
    upstream.git('checkout', '-q', 'trunk');
    const clone = join(mkdtempSync(join(tmpdir(), 'si-clone-')), 'app');
    execFileSync('git', ['clone', '-q', upstream.dir, clone], { env: gitEnv });
    execFileSync('git', ['checkout', '-q', '-b', 'feature', 'origin/feature'], { cwd: clone, env: gitEnv });
    const { diff } = await diffJson([clone]);
    expect(diff.base.label).toMatch(/^merge-base of HEAD and origin\/trunk /);
    expect(diff.changes).toHaveLength(1);
  });

  it('exits 2 with a clear message when there is no default branch to compare with', async () => {
    const { code, err } = await runCli(['diff', featureRepo('trunk').dir]);
    expect(code).toBe(2);
    expect(err).toMatch(/cannot find the default branch \(no origin\/HEAD, origin\/main, origin\/master, main, master\); give --base REF/);
  });

  it('takes a manifest file, and says the base code could not be compared', async () => {
    const repo = featureRepo();
    const base = join(makeApp({}), 'old-manifest.yml');
    writeFileSync(base, manifestOf());
    const { diff } = await diffJson([repo.dir, '--base', base]);
    expect(diff.base).toEqual({ kind: 'manifest', label: base, file: base });
    expect(diff.changes[0].evidence.map((e: any) => e.kind)).toEqual(['needed-by', 'base-code']);
    expect(diff.changes[0].evidence[1].message).toMatch(/the base is a manifest file: its code could not be compared/);
  });

  it('takes a baseline written by audit --write-baseline, which now carries the declared manifest', async () => {
    const repo = featureRepo();
    repo.git('checkout', '-q', 'main');
    const baseline = join(makeApp({}), 'scopes-baseline.json');
    await runCli(['audit', repo.dir, '--write-baseline', baseline, '--fail-on', 'none']);
    expect(JSON.parse(readFileSync(baseline, 'utf8')).manifest.scopes).toEqual(['read:jira-work']);
    // The baseline still works for audit --baseline.
    expect((await runCli(['audit', repo.dir, '--baseline', baseline, '--fail-on', 'missing,new'])).code).toBe(0);
    repo.git('checkout', '-q', 'feature');
    const { code, diff } = await diffJson([repo.dir, '--base', baseline, '--fail-on', 'approval']);
    expect(code).toBe(1);
    expect(diff.base.kind).toBe('baseline');
    expect(diff.summary).toBe('This change needs every site admin to approve a new major version because it adds write:issue.property:jira.');
  });

  it('takes another app directory, whose code is compared too', async () => {
    const repo = featureRepo();
    const old = makeApp({ 'manifest.yml': manifestOf(), 'src/index.ts': INDEX_TS });
    const { diff } = await diffJson([repo.dir, '--base', old]);
    expect(diff.changes[0].evidence[0].kind).toBe('missing-all-along');
  });
});

describe('diff: bad input exits 2 naming the ref, file or field', () => {
  const cases: [string, (repo: TestRepo, dir: string) => string[], RegExp][] = [
    ['an unknown ref', (r) => [r.dir, '--base', 'no-such-branch'], /--base no-such-branch: no such commit, branch or tag in .* \(and no file of that name\)/],
    ['a ref that looks like an option', (r) => [r.dir, '--base=-rf'], /--base "-rf": not a git ref/],
    ['a base commit without manifest.yml', (r) => [r.dir, '--base', r.git('rev-parse', 'HEAD~3')], /:manifest\.yml: no manifest at the base \(is the app new in this change\?\)/],
    ['a base commit with malformed YAML', (r) => [r.dir, '--base', 'broken'], /^scope-inspector: broken:manifest\.yml:\d+:\d+: /m],
    ['a base commit with a bad field', (r) => [r.dir, '--base', 'bad-remotes'], /^scope-inspector: bad-remotes:manifest\.yml:\d+:\d+: remotes must be a list of remotes, not a map$/m],
    ['a base manifest file with a bad field', (_r, d) => [d, '--base', join(d, 'bad.yml')], /bad\.yml:3:14: app\.licensing\.enabled must be true or false/],
    ['a baseline without the declared manifest', (_r, d) => [d, '--base', join(d, 'old-baseline.json')], /old-baseline\.json: this baseline has no "manifest" field .* write it again with audit --write-baseline/],
    ['a baseline with a bad manifest field', (_r, d) => [d, '--base', join(d, 'bad-baseline.json')], /bad-baseline\.json: field "manifest\.licensing" must be true or false/],
    ['a JSON file that is not a baseline', (_r, d) => [d, '--base', join(d, 'other.json')], /other\.json: JSON, but not a scope-inspector baseline/],
    ['a directory outside git without --base', (_r, d) => [d], /: not inside a git repository, give --base REF or --base FILE/],
    ['a usage export that is not JSON', (r, d) => [r.dir, '--base', 'HEAD', '--usage', join(d, 'bad.yml')], /bad\.yml: not valid JSON/],
    ['an unknown --write format', (r) => [r.dir, '--base', 'main', '--write', 'pdf=x.pdf'], /--write: unknown format "pdf"/],
  ];
  let repo: TestRepo;
  let dir: string;
  beforeAll(() => {
    repo = createRepo();
    repos.push(repo);
    repo.commit('no manifest yet', { 'README.md': 'app\n' });
    repo.commit('broken', { 'manifest.yml': 'permissions:\n  scopes: [read:jira-work\n' });
    repo.git('tag', 'broken');
    repo.commit('bad remotes', { 'manifest.yml': manifestOf({ sections: 'remotes:\n  key: backend' }) });
    repo.git('tag', 'bad-remotes');
    repo.commit('fixed', { 'manifest.yml': manifestOf(), 'src/index.ts': INDEX_TS });
    const baseline = { format: 'scope-inspector-baseline', version: 1, missing: [], unused: [], invalid: [], endpoints: [], unresolved: [] };
    dir = makeApp({
      'manifest.yml': manifestOf(),
      'bad.yml': 'app:\n  licensing:\n    enabled: maybe\n',
      'old-baseline.json': JSON.stringify(baseline),
      'bad-baseline.json': JSON.stringify({ ...baseline, manifest: { scopes: [], external: {}, content: {}, remotes: [], providers: [], licensing: 'yes', modules: [], settings: {} } }),
      'other.json': '{"format":"something-else"}',
    });
  });

  it.each(cases)('%s', async (_name, args, message) => {
    const { code, err, out } = await runCli(['diff', ...args(repo, dir)]);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(code).toBe(2);
  });
});
