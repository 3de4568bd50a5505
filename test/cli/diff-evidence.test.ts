import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { operationsAuthorizedBy } from '../../src/catalog';
import { usageOf } from '../analysis/inputs';
import { createRepo, type TestRepo } from '../helpers/git-repo';
import { COMMENT_TS, INDEX_TS, manifestOf } from './diff-app';
import { makeApp, runCli } from './run-cli';

const GET_ISSUE = 'GET /rest/api/3/issue/{issueIdOrKey}';
const PUT_PROPERTY = 'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}';
const repos: TestRepo[] = [];
afterAll(() => repos.forEach((r) => r.dispose()));

/** A repo with `base` on main and `head` checked out on a feature branch; files are relative to `prefix`. */
function change(base: Record<string, string>, head: Record<string, string>, prefix = ''): TestRepo {
  const repo = createRepo();
  repos.push(repo);
  const under = (files: Record<string, string>) => Object.fromEntries(Object.entries(files).map(([p, t]) => [`${prefix}${p}`, t]));
  repo.commit('base', under(base));
  repo.git('checkout', '-q', '-b', 'feature');
  repo.commit('head', under(head));
  return repo;
}
const appWith = (scopes: string[], extra: Record<string, string> = {}) => ({ 'manifest.yml': manifestOf({ scopes }), 'src/index.ts': INDEX_TS, ...extra });
const evidenceOf = async (repo: TestRepo, args: string[] = [], dir = repo.dir) => {
  const { out, code } = await runCli(['diff', dir, '--format', 'json', ...args]);
  const diff = JSON.parse(out);
  return { diff, code, evidence: (i = 0) => diff.changes[i].evidence as { kind: string; message: string; locations?: string[]; warning?: boolean }[] };
};

describe('diff: evidence for scope changes', () => {
  it('names the base code that already made the call: the scope was missing all along', async () => {
    const { evidence } = await evidenceOf(change(appWith(['read:jira-work']), appWith(['read:jira-work', 'write:issue.property:jira'])));
    expect(evidence()).toEqual([
      expect.objectContaining({ kind: 'missing-all-along', locations: ['src/index.ts:4'], warning: true, message: expect.stringContaining(`${PUT_PROPERTY} was already needed at the base (src/index.ts:4) without a scope that authorizes it: it was missing all along`) }),
    ]);
  });

  it('names the new code that needs an added scope, with file:line and operation, apart from the base code that already did', async () => {
    const { evidence } = await evidenceOf(change(appWith(['read:jira-work']), appWith(['read:jira-work', 'write:jira-work'], { 'src/comment.ts': COMMENT_TS })));
    expect(evidence().slice(0, 2)).toEqual([
      { kind: 'needed-by', operation: 'POST /rest/api/3/issue/{issueIdOrKey}/comment', locations: ['src/comment.ts:3'], message: 'POST /rest/api/3/issue/{issueIdOrKey}/comment at src/comment.ts:3 needs it (new in this change)' },
      expect.objectContaining({ kind: 'missing-all-along', operation: PUT_PROPERTY, locations: ['src/index.ts:4'] }),
    ]);
  });

  it('says when an added granular scope is not enough on its own: the call still fails', async () => {
    const { evidence } = await evidenceOf(change(appWith(['read:jira-work']), appWith(['read:jira-work', 'write:comment:jira'], { 'src/comment.ts': COMMENT_TS })));
    expect(evidence()).toEqual([
      expect.objectContaining({ kind: 'incomplete', warning: true, locations: ['src/comment.ts:3'], message: expect.stringMatching(/^POST \/rest\/api\/3\/issue\/\{issueIdOrKey\}\/comment at src\/comment\.ts:3 can use it only together with read:avatar:jira, .*read:user:jira, which the manifest does not declare: the call still fails$/) }),
    ]);
  });

  it('says when nothing needs an added scope, or when scopes already declared authorize every call it serves', async () => {
    const unused = await evidenceOf(change(appWith(['read:jira-work']), appWith(['read:jira-work', 'manage:jira-configuration'])));
    expect(unused.evidence()).toEqual([{ kind: 'not-needed', warning: true, message: expect.stringMatching(/no code, module or trigger of this version needs it \(verdict: unused\); leaving it out of this change removes this reason for the approval/) }]);
    const redundant = await evidenceOf(change(appWith(['read:jira-work', 'write:jira-work']), appWith(['read:jira-work', 'write:jira-work', 'write:issue.property:jira'])));
    expect(redundant.evidence().find((e) => e.kind === 'redundant')?.message).toBe('every need it serves is already authorized by write:jira-work, declared before this change; leaving it out removes this reason for the approval');
  });

  it('offers the granular alternative of an added classic scope with the operations each authorizes', async () => {
    const { evidence } = await evidenceOf(change(appWith(['read:jira-work']), appWith(['read:jira-work', 'write:jira-work'])));
    const classic = operationsAuthorizedBy(['read:jira-work', 'write:jira-work']).length;
    const granular = operationsAuthorizedBy(['read:jira-work', 'write:issue.property:jira']).length;
    expect(granular).toBeLessThan(classic);
    expect(evidence().find((e) => e.kind === 'smaller-alternative')?.message).toBe(
      `granular write:issue.property:jira instead: the app's scopes would authorize ${granular} operations instead of ${classic}; it still adds write:issue.property:jira, so it still needs approval`,
    );
  });

  it('warns when a removed scope is still needed by this version: the call would fail', async () => {
    const { evidence } = await evidenceOf(change(appWith(['read:jira-work', 'write:issue.property:jira']), appWith(['write:issue.property:jira'])));
    expect(evidence()).toContainEqual({ kind: 'breaks', operation: GET_ISSUE, locations: ['src/index.ts:3'], warning: true, message: `${GET_ISSUE} at src/index.ts:3 still needs it: without it the call fails with 401 on every site that upgrades` });
  });

  it('says "unverifiable" for a removed scope that an unresolved call may need', async () => {
    const dynamic = "import api from '@forge/api';\nexport const call = (path: any) => api.asApp().requestJira(path);\n";
    const { evidence } = await evidenceOf(change(appWith(['read:jira-work', 'manage:jira-configuration'], { 'src/dyn.ts': dynamic }), appWith(['read:jira-work'], { 'src/dyn.ts': dynamic })));
    expect(evidence()[0]).toMatchObject({ kind: 'verdict', warning: true, message: expect.stringMatching(/^verdict: unverifiable — unresolved call at src\/dyn\.ts:2/) });
  });

  it('with --usage, states runtime use of a removed scope: "in use 0 times", or a warning when in use', async () => {
    const usage = makeApp({});
    const files = ['a', 'b'].map((site) => {
      const file = join(usage, `${site}.json`);
      writeFileSync(file, JSON.stringify(usageOf(site, [{ key: GET_ISSUE, calls: 20 }])));
      return file;
    });
    const unused = await evidenceOf(change(appWith(['read:jira-work', 'manage:jira-configuration']), appWith(['read:jira-work'])), ['--usage', ...files]);
    expect(unused.evidence()).toContainEqual({ kind: 'usage', message: 'in use 0 times in 12 days on 2 sites' });
    expect(unused.diff.usage).toEqual({ sites: 2, daysObserved: 12 });
    const used = await evidenceOf(change(appWith(['read:jira-work', 'write:issue.property:jira']), appWith(['write:issue.property:jira'])), ['--usage', ...files]);
    expect(used.evidence()).toContainEqual({ kind: 'usage', warning: true, message: 'in use: 40 calls in 12 days on 2 sites, last 2026-11-20 (seen on 2 of 2)' });
  });
});

describe('diff: outputs', () => {
  const REMOVED = change(appWith(['read:jira-work', 'write:issue.property:jira']), appWith(['write:issue.property:jira'], { 'src/comment.ts': COMMENT_TS }), 'apps/jira/');
  const app = join(REMOVED.dir, 'apps', 'jira');

  it('reads the base manifest and code from the app directory inside a larger repository', async () => {
    const { diff } = await evidenceOf(REMOVED, [], app);
    expect(diff.changes.map((c: any) => `${c.kind} ${c.before}`)).toEqual(['scope-removed read:jira-work']);
  });

  it('leads the Markdown pull-request comment with its one sentence', async () => {
    const { out } = await runCli(['diff', app, '--format', 'markdown']);
    const lines = out.split('\n');
    expect(lines[0]).toBe('This change needs every site admin to approve a new major version because it removes read:jira-work.');
    expect(out).toContain('| removes read:jira-work (`permissions.scopes`, manifest.yml:9) | **needs approval** | [scopes](#rule-scopes) | verdict: code-only');
    expect(out).toContain('[Connect to OAuth 2.0 scope equivalences](https://developer.atlassian.com/platform/adopting-forge-from-connect/connect-to-oauth2-scope-equivalences): “Currently any changes to the set of scopes');
    expect(out.trimEnd().endsWith('<!-- scope-inspector:release-guard -->')).toBe(true);
  });

  it('prints text led by the same sentence', async () => {
    const { out } = await runCli(['diff', app]);
    expect(out.split('\n')[0]).toBe('This change needs every site admin to approve a new major version because it removes read:jira-work.');
    expect(out).toMatch(/needs approval +removes read:jira-work {2}manifest\.yml:9 \[scopes\]\n {6}- verdict: code-only/);
  });

  it('writes SARIF with repository-relative paths: the change at its manifest line, the broken call as an error', async () => {
    const sarifFile = join(makeApp({}), 'guard.sarif');
    const mdFile = join(makeApp({}), 'comment.md');
    const { out } = await runCli(['diff', app, '--format', 'json', '--write', `sarif=${sarifFile}`, `markdown=${mdFile}`]);
    const sarif = JSON.parse(readFileSync(sarifFile, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    const results = sarif.runs[0].results;
    expect(results[0]).toMatchObject({ ruleId: 'release-scopes', level: 'warning', locations: [{ physicalLocation: { artifactLocation: { uri: 'apps/jira/manifest.yml' }, region: { startLine: 9 } } }] });
    expect(results[1]).toMatchObject({ ruleId: 'release-removal-breaks-call', level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'apps/jira/src/index.ts' }, region: { startLine: 3 } } }] });
    const ruleIds = sarif.runs[0].tool.driver.rules.map((r: any) => r.id);
    for (const r of results) expect(ruleIds).toContain(r.ruleId);
    expect(readFileSync(mdFile, 'utf8').split('\n')[0]).toBe(JSON.parse(out).summary);
  });
});
