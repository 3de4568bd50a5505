/**
 * Runtime calls of the other request surfaces join the evidence model: those whose scopes
 * Atlassian does not document (GraphQL fields, remotes, connected data) keep a declared scope
 * from being called unused; Teamwork Graph's documented scopes are needs; egress needs no scope.
 */
import { analyze } from '../../src/analysis';
import { renderMarkdown } from '../../src/report/markdown';
import { renderText } from '../../src/report/text';
import type { SurfaceUsage, UsageExport } from '../../src/usage/format';
import { call, inputOf, usageOf } from './inputs';

const ISSUE = 'GET /rest/api/3/issue/{issueIdOrKey}';

function surface(s: Partial<SurfaceUsage> & Pick<SurfaceUsage, 'surface'>, calls = 3, day = '2026-11-20'): SurfaceUsage {
  return {
    method: 'POST', known: true, principal: 'app', calls, status: { '2xx': calls, '3xx': 0, '4xx': 0, '5xx': 0, network: 0 }, scopeMismatch401: 0,
    platformErrors: { NEEDS_AUTHENTICATION_ERR: 0, refused: 0 }, firstSeen: day, lastSeen: day, daysSeen: 1, appVersions: ['2.0.0'], environments: ['PRODUCTION'], moduleKeys: ['main'],
    daily: [[day, calls, calls, 0, 0, 0, 0, 0]],
    ...s,
  };
}
const withSurfaces = (installation: string, surfaces: SurfaceUsage[], extra: Partial<UsageExport> = {}): UsageExport => ({ ...usageOf(installation, [{ key: ISSUE, calls: 1 }]), surfaces, excludedSurfaces: [], ...extra });
const verdicts = (declared: string[], usage: UsageExport[], window?: { days: number }) => {
  const report = analyze(inputOf(declared, [call(ISSUE)], { usage, ...(window ? { window } : {}) }));
  return { report, of: (scope: string) => report.scopes.details.find((d) => d.scope === scope)! };
};
const GRAPH = surface({ surface: 'requestGraph', graphql: { type: 'query', operation: 'Teams', fields: ['team'] } });

describe('runtime surface calls in the verdicts', () => {
  it('a GraphQL call whose field scopes Atlassian does not publish keeps an otherwise unused scope unverifiable, and says why', () => {
    expect(verdicts(['read:jira-work', 'write:jira-work'], [withSurfaces('s1', [])]).of('write:jira-work').verdict).toBe('unused');
    const { report, of } = verdicts(['read:jira-work', 'write:jira-work'], [withSurfaces('s1', [GRAPH])]);
    expect(of('write:jira-work')).toMatchObject({
      verdict: 'unverifiable',
      reasons: [{ kind: 'blocked', text: 'runtime calls to requestGraph query Teams (team) (3): Atlassian publishes no scope table for GraphQL fields (team)' }],
    });
    expect(of('read:jira-work').verdict).toBe('in-use');
    expect(report.plan.keptForUnresolved).toEqual(['write:jira-work']);
    expect(report.runtimeSurfaces).toEqual([
      expect.objectContaining({ surface: 'requestGraph', graphql: GRAPH.graphql, scopes: 'unknown', refused: 0, runtime: expect.objectContaining({ calls: 3, sites: 1, principals: ['app'] }) }),
    ]);
  });

  it('remotes and connected data may need any scope; egress and provider fetches need none', () => {
    const none = [surface({ surface: 'fetch', method: 'GET', target: 'api.example.com', path: '/v1/{}' }), surface({ surface: 'providerFetch', method: 'GET', target: 'google', path: '/drive/v3/files' })];
    expect(verdicts(['read:jira-work', 'write:jira-work'], [withSurfaces('s1', none)]).of('write:jira-work').verdict).toBe('unused');
    for (const s of [surface({ surface: 'invokeRemote', target: 'backend', path: '/run' }), surface({ surface: 'requestConnectedData', path: '/rest/devinfo/0.10/bulk' })]) {
      expect(verdicts(['read:jira-work', 'write:jira-work'], [withSurfaces('s1', [s])]).of('write:jira-work').verdict).toBe('unverifiable');
    }
  });

  it('runtime calls to a remote that gets no app token cannot need a scope; to one that gets a token, any', () => {
    const remoteCall = surface({ surface: 'invokeRemote', target: 'backend', path: '/run' });
    const egressOf = (appTokens: boolean | undefined) => ({ external: [], content: [], remotes: [{ key: 'backend', baseUrl: 'https://backend.example.com', line: 9, column: 5, ...(appTokens === undefined ? {} : { appTokens }) }], remoteRefs: [] });
    const verdict = (appTokens: boolean | undefined) =>
      analyze(inputOf(['read:jira-work', 'write:jira-work'], [call(ISSUE)], { usage: [withSurfaces('s1', [remoteCall])], egress: egressOf(appTokens) })).scopes.details.find((d) => d.scope === 'write:jira-work')!.verdict;
    expect(verdict(false)).toBe('unused');
    expect(verdict(true)).toBe('unverifiable');
    // Not known (no manifest facts): as if it did.
    expect(verdict(undefined)).toBe('unverifiable');
  });

  it('the text report counts files in words that agree with the count ("1 file", not "1 files")', () => {
    const { report } = verdicts(['read:jira-work'], [withSurfaces('s1', [])]);
    expect(report.files.scanned).toBe(1);
    expect(renderText(report, { color: false })).toContain('1 file scanned');
  });

  it("Teamwork Graph's documented scopes are a need: in use when observed, missing when neither is declared; granular graph scopes stay unverifiable", () => {
    const twg = surface({ surface: 'requestTeamworkGraph', principal: 'user', graphql: { type: 'query', operation: 'Q', fields: ['graphStore'] } });
    const declaredOne = verdicts(['read:jira-work', 'read:graph:jira', 'read:graph:issue:jira', 'write:jira-work'], [withSurfaces('s1', [twg])]);
    expect(declaredOne.of('read:graph:jira')).toMatchObject({ verdict: 'in-use', calls: 3, sites: 1, reasons: [expect.objectContaining({ kind: 'operation', text: 'requestTeamworkGraph query Q (graphStore)', calls: 3 })] });
    expect(declaredOne.of('read:graph:issue:jira').verdict).toBe('unverifiable');
    // Teamwork Graph names its scopes: it keeps no unrelated scope from being unused.
    expect(declaredOne.of('write:jira-work').verdict).toBe('unused');
    const declaredNone = verdicts(['read:jira-work'], [withSurfaces('s1', [twg])]);
    expect(declaredNone.of('read:graph:jira').verdict).toBe('missing');
    expect(declaredNone.report.scopes.missingScopes).toEqual(['read:graph:jira']);
  });

  it('browser reports nobody verified and Scope Inspector\'s own calls are listed apart and block nothing', () => {
    const usage = withSurfaces('s1', [surface({ ...GRAPH, principal: 'inspector' })], {
      excludedSurfaces: [{ ...surface({ surface: 'requestTeamworkGraph', principal: 'bridge', graphql: { type: 'query', fields: ['graphStore'] } }), reason: 'unverified-bridge' }],
    });
    const { report, of } = verdicts(['read:jira-work', 'write:jira-work'], [usage]);
    expect(of('write:jira-work').verdict).toBe('unused');
    expect(report.runtimeSurfaces).toEqual([]);
    expect(report.excludedRuntimeSurfaces).toEqual([expect.objectContaining({ reason: 'unverified-bridge', surface: 'requestTeamworkGraph', calls: 3, sites: 1 })]);
    expect(report.runtime.own).toEqual(expect.arrayContaining([{ key: 'requestGraph POST - - query:Teams:team', calls: 3 }]));
  });

  it('counts surface calls in the window only, merged over sites', () => {
    const old = surface({ surface: 'requestGraph', graphql: GRAPH.graphql }, 5, '2026-09-01');
    const usage = [withSurfaces('s1', [old, surface({ surface: 'fetch', method: 'GET', target: 'api.example.com', path: '/x' })]), withSurfaces('s2', [surface({ surface: 'fetch', method: 'GET', target: 'api.example.com', path: '/x' }, 4)])];
    const all = verdicts(['read:jira-work', 'write:jira-work'], usage).report;
    expect(all.runtimeSurfaces!.map((s) => `${s.surface} ${s.runtime.calls} ${s.runtime.sites}`)).toEqual(['fetch 7 2', 'requestGraph 5 1']);
    const recent = verdicts(['read:jira-work', 'write:jira-work'], usage, { days: 30 });
    expect(recent.report.runtimeSurfaces!.map((s) => `${s.surface} ${s.runtime.calls}`)).toEqual(['fetch 7']);
    // The GraphQL call fell out of the window: nothing blocks the removal any more.
    expect(recent.of('write:jira-work').verdict).toBe('unused');
  });
});

describe('rendered', () => {
  it('lists the surface calls, their counts and what is known of their scopes in the text and Markdown reports', () => {
    const { report } = verdicts(['read:jira-work', 'write:jira-work'], [withSurfaces('s1', [GRAPH, { ...surface({ surface: 'fetch', method: 'GET', target: 'evil.example.org', path: '/x' }, 2), platformErrors: { NEEDS_AUTHENTICATION_ERR: 0, refused: 2 } }])]);
    const text = renderText(report, { color: false });
    expect(text).toContain('Other request surfaces at runtime\n  requestGraph query Teams (team)  3 calls, 1 site(s); scopes unknown: Atlassian publishes no scope table for GraphQL fields (team)');
    expect(text).toContain('fetch GET evil.example.org/x  2 calls, 1 site(s), 2 refused by the platform; scopes none');
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('| requestGraph query Teams (team) | 3 | 1 | unknown | Atlassian publishes no scope table for GraphQL fields (team) |');
  });
});
