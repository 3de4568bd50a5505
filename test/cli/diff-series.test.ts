import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRepo, type TestRepo } from '../helpers/git-repo';
import { COMMENT_TS, INDEX_TS, manifestOf, providerYaml, type AppParts } from './diff-app';
import { runCli } from './run-cli';

const PROVIDER = (clientId: string) => providerYaml(clientId).trimEnd();

/** One commit per kind of change: [name, manifest parts after the commit, extra files, expected changes]. */
const SERIES: [string, AppParts, Record<string, string>, string[]][] = [
  ['adds a scope the base code already needed', { scopes: ['read:jira-work', 'write:issue.property:jira'] }, {}, ['scope-added write:issue.property:jira required']],
  ['adds a scope for new code', { scopes: ['read:jira-work', 'write:issue.property:jira', 'write:comment:jira'] }, { 'src/comment.ts': COMMENT_TS }, ['scope-added write:comment:jira required']],
  ['adds a scope nothing needs', { scopes: ['read:jira-work', 'write:issue.property:jira', 'write:comment:jira', 'manage:jira-configuration'] }, {}, ['scope-added manage:jira-configuration required']],
  ['removes that scope', { scopes: ['read:jira-work', 'write:issue.property:jira', 'write:comment:jira'] }, {}, ['scope-removed manage:jira-configuration required']],
  ['adds an egress domain', { permissions: '  external:\n    fetch:\n      backend:\n        - https://api.example.com' }, {}, ['external-added https://api.example.com required']],
  ['marks that domain as analytics', { permissions: '  external:\n    fetch:\n      backend:\n        - address: https://api.example.com\n          category: analytics' }, {}, ['external-changed {"address":"https://api.example.com","category":"analytics"} required']],
  ['changes the content security policy', { permissions: "  content:\n    styles:\n      - 'unsafe-inline'" }, {}, ['external-removed {"address":"https://api.example.com","category":"analytics"} required', 'content-changed unsafe-inline required']],
  ['adds a remote', { sections: 'remotes:\n  - key: backend\n    baseUrl: https://r.example.com' }, {}, ['content-changed unsafe-inline required', 'remote-added https://r.example.com required']],
  ["changes the remote's baseUrl", { sections: 'remotes:\n  - key: backend\n    baseUrl: https://r2.example.com' }, {}, ['remote-base-url-changed https://r2.example.com required']],
  ['removes the remote', {}, {}, ['remote-removed https://r2.example.com unclear']],
  ['adds a provider', { sections: PROVIDER('abc') }, {}, ['provider-added google required']],
  ["changes the provider's client id", { sections: PROVIDER('xyz') }, {}, ['provider-client-id-changed xyz required']],
  ['removes the provider', {}, {}, ['provider-removed google required']],
  ['switches licensing on', { licensing: true }, {}, ['licensing-enabled true required']],
  ['switches licensing off', { licensing: false }, {}, ['licensing-disabled false required']],
  ['adds a module', { modules: '  jira:issuePanel:\n    - key: panel\n      title: Panel' }, {}, ['module-added panel not-required']],
  ['removes the module', {}, {}, ['module-removed panel not-required']],
];

describe('scope-inspector diff over a series of commits, one per kind of change', () => {
  let repo: TestRepo;
  beforeAll(() => {
    repo = createRepo();
    repo.commit('base', { 'manifest.yml': manifestOf(), 'src/index.ts': INDEX_TS });
    repo.git('tag', 'step-0');
    // Scopes carry over from step to step; other parts are given whole in each step.
    let scopes: string[] | undefined;
    SERIES.forEach(([name, parts, files], i) => {
      scopes = parts.scopes ?? scopes;
      repo.commit(name, { ...files, 'manifest.yml': manifestOf({ ...parts, scopes }) });
      repo.git('tag', `step-${i + 1}`);
    });
  });
  afterAll(() => repo.dispose());

  it.each(SERIES.map((s, i) => [s[0], i + 1, s[3]] as const))('classifies a commit that %s', async (_name, step, expected) => {
    repo.git('checkout', '-q', `step-${step}`);
    const { code, out, err } = await runCli(['diff', repo.dir, '--base', `step-${step - 1}`, '--format', 'json', '--fail-on', 'approval']);
    const diff = JSON.parse(out);
    expect(diff.changes.map((c: any) => `${c.kind} ${c.after ?? c.before} ${c.approval}`)).toEqual(expected);
    const needsApproval = expected.some((e) => e.endsWith(' required'));
    expect(code).toBe(needsApproval ? 1 : 0);
    expect(err).toBe(needsApproval ? `${expected.filter((e) => e.endsWith(' required')).length} change(s) fail the release guard (--fail-on approval)\n` : '');
    for (const c of diff.changes) expect(diff.rules[c.rule].sources[0].url).toMatch(/^https:\/\//);
  });

  it('exits 0 without --fail-on, and 1 on an unclear change only with --fail-on unclear', async () => {
    repo.git('checkout', '-q', 'step-10');
    expect((await runCli(['diff', repo.dir, '--base', 'step-9'])).code).toBe(0);
    expect((await runCli(['diff', repo.dir, '--base', 'step-9', '--fail-on', 'approval'])).code).toBe(0);
    expect((await runCli(['diff', repo.dir, '--base', 'step-9', '--fail-on', 'approval,unclear'])).code).toBe(1);
    expect((await runCli(['diff', repo.dir, '--base', 'step-9', '--fail-on', 'sometimes'])).code).toBe(2);
  });

  it('compares the working tree, uncommitted edits included, with the base', async () => {
    repo.git('checkout', '-q', 'step-17');
    writeFileSync(join(repo.dir, 'manifest.yml'), manifestOf({ scopes: ['read:jira-work', 'write:issue.property:jira', 'write:comment:jira', 'read:user:jira'] }));
    try {
      const { out } = await runCli(['diff', repo.dir, '--base', 'step-17', '--format', 'json']);
      expect(JSON.parse(out).changes.map((c: any) => `${c.kind} ${c.after}`)).toEqual(['scope-added read:user:jira']);
    } finally {
      repo.git('checkout', '-q', '--', 'manifest.yml');
    }
  });
});
