import { analyze } from '../../src/analysis';
import { getOperation, operationsAuthorizedBy } from '../../src/catalog';
import { call, inputOf, scanOf, unresolved, usageOf } from './inputs';

const GET_ISSUE = 'GET /rest/api/3/issue/{issueIdOrKey}';
const PUT_PROPERTY = 'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}';
const GET_PAGE = 'GET /wiki/api/v2/pages/{id}';
const MYSELF = 'GET /rest/api/3/myself';

describe('analyze', () => {
  it('splits declared scopes into used and unused, naming what uses each', () => {
    const report = analyze(inputOf(['read:jira-work', 'write:jira-work', 'read:page:confluence'], [call(GET_ISSUE), call(GET_PAGE)]));
    expect(report.scopes.used.map((u) => u.name)).toEqual(['read:jira-work', 'read:page:confluence']);
    expect(report.scopes.used[0].neededBy).toEqual([GET_ISSUE]);
    expect(report.scopes.unused).toEqual([{ name: 'write:jira-work', line: 11, column: 7, kind: 'classic' }]);
    expect(report.scopes.details.find((d) => d.scope === 'write:jira-work')).toMatchObject({ verdict: 'unused', reasons: [] });
    expect(report.scopes.missing).toEqual([]);
  });

  it('reports a missing scope with the smallest granular addition and every call site', () => {
    const report = analyze(inputOf(['read:jira-work', 'write:issue:jira'], [call(PUT_PROPERTY, 'src/a.ts:3'), call(PUT_PROPERTY, 'src/b.ts:9')]));
    expect(report.scopes.missing).toEqual([
      { need: PUT_PROPERTY, where: 'manifest', add: ['write:issue.property:jira'], locations: [{ file: 'src/a.ts', line: 3, column: 1 }, { file: 'src/b.ts', line: 9, column: 1 }], scopeMismatch401: 0 },
    ]);
    expect(report.scopes.missingScopes).toEqual(['write:issue.property:jira']);
  });

  it('makes a declared scope an unresolved call may need unverifiable, never unused', () => {
    const input = inputOf(['read:jira-work', 'write:jira-work'], [call(GET_ISSUE)], { scan: scanOf([call(GET_ISSUE)], [unresolved([PUT_PROPERTY])]) });
    const { scopes } = analyze(input);
    expect(scopes.unused).toEqual([]);
    const [blocked] = scopes.unverifiable;
    expect(blocked.name).toBe('write:jira-work');
    expect(blocked.because[0]).toContain('src/dyn.ts:7');
    expect(blocked.because[0]).toContain(PUT_PROPERTY);
  });

  it('treats an unresolved call without candidates as possibly needing any scope of its product only', () => {
    const input = inputOf(['read:jira-work', 'read:page:confluence'], [], { scan: scanOf([], [unresolved([], 'src/x.ts:2', 'requestConfluence')]) });
    const { scopes } = analyze(input);
    expect(scopes.unverifiable.map((u) => u.name)).toEqual(['read:page:confluence']);
    expect(scopes.unused.map((u) => u.name)).toEqual(['read:jira-work']);
  });

  it('finds classic scopes that granular ones can replace, and what to add', () => {
    const report = analyze(inputOf(['read:jira-user', 'read:user:jira'], [call(MYSELF)]));
    const granular = getOperation(MYSELF)!.alternatives.find((a) => a.kind === 'granular')!.scopes;
    expect(report.scopes.replaceable).toEqual([
      { classic: 'read:jira-user', line: 10, column: 7, replacement: [...granular].sort(), toAdd: granular.filter((s) => s !== 'read:user:jira').sort(), neededBy: [MYSELF] },
    ]);
  });

  it('plans the fewest authorized operations and reports the blast radius both ways', () => {
    const report = analyze(inputOf(['read:jira-work', 'write:jira-work', 'manage:jira-configuration'], [call(PUT_PROPERTY)]));
    expect(report.plan.scopes).toEqual(['write:issue.property:jira']);
    expect(report.plan.remove).toEqual(['manage:jira-configuration', 'read:jira-work', 'write:jira-work']);
    expect(report.blastRadius.plan).toBe(operationsAuthorizedBy(['write:issue.property:jira']).length);
    expect(report.blastRadius.declared).toBe(operationsAuthorizedBy(['read:jira-work', 'write:jira-work', 'manage:jira-configuration']).length);
    expect(report.blastRadius.plan).toBeLessThan(report.blastRadius.declared);
  });

  it('never counts needs beyond REST calls as unused: trigger events, modules, storage', () => {
    const input = inputOf(['read:jira-work', 'storage:app'], [], {
      manifestNeeds: [{ file: 'manifest.yml', line: 5, column: 9, alternatives: [['read:jira-work'], ['read:issue:jira']], reason: 'trigger avi:jira:created:issue (manifest.yml:5)', source: 'trigger' }],
      scan: { ...scanOf([]), forgeApiNeeds: [{ file: 'src/store.ts', line: 1, column: 1, alternatives: [['storage:app']], reason: '@forge/kvs imported (src/store.ts:1)', source: 'forge-api' }] },
    });
    const report = analyze(input);
    expect(report.scopes.unused).toEqual([]);
    expect(report.scopes.used.map((u) => [u.name, u.neededBy])).toEqual([
      ['read:jira-work', ['trigger avi:jira:created:issue (manifest.yml:5)']],
      ['storage:app', ['@forge/kvs imported (src/store.ts:1)']],
    ]);
    expect(report.plan.scopes).toContain('storage:app');
  });

  it('reports invalid scopes and does not also call them unused', () => {
    const report = analyze({ ...inputOf(['read:jira-wrok'], []), invalid: [{ name: 'read:jira-wrok', line: 10, column: 7, reason: 'not a scope @forge/manifest knows', suggestion: 'read:jira-work' }] });
    expect(report.scopes.invalid).toEqual([{ name: 'read:jira-wrok', line: 10, column: 7, reason: 'not a scope @forge/manifest knows', suggestion: 'read:jira-work' }]);
    expect(report.scopes.unused).toEqual([]);
    expect(report.scopes.declared[0].valid).toBe(false);
  });

  it('joins runtime usage from several sites: evidence, counts, sites seen, window', () => {
    const usage = [usageOf('site-a', [{ key: GET_ISSUE, calls: 5 }, { key: MYSELF, calls: 2, day: '2026-11-02' }]), usageOf('site-b', [{ key: GET_ISSUE, calls: 7 }])];
    const report = analyze(inputOf(['read:jira-work', 'read:jira-user'], [call(GET_ISSUE), call(PUT_PROPERTY)], { usage }));
    const byKey = new Map(report.endpoints.map((e) => [e.key, e]));
    expect(byKey.get(GET_ISSUE)).toMatchObject({ evidence: 'both', runtime: { calls: 12, sites: 2 } });
    expect(byKey.get(MYSELF)).toMatchObject({ evidence: 'runtime', runtime: { calls: 2, sites: 1, firstSeen: '2026-11-02' } });
    expect(byKey.get(PUT_PROPERTY)).toMatchObject({ evidence: 'static' });
    expect(report.runtime).toMatchObject({ sites: 2, window: { firstDay: '2026-11-01', lastDay: '2026-11-20', daysObserved: 12 }, staticExercised: 0.5 });
  });

  it('turns runtime 401 scope mismatches on a declared scope into a missing grant on the installation', () => {
    const declared = ['read:jira-work', 'write:issue.property:jira'];
    const usage = [usageOf('site-a', [{ key: PUT_PROPERTY, calls: 4, mismatch: 4 }], ['read:jira-work'])];
    const report = analyze(inputOf(declared, [call(PUT_PROPERTY)], { usage }));
    expect(report.scopes.missing).toEqual([expect.objectContaining({ need: PUT_PROPERTY, where: 'installation', add: ['write:issue.property:jira'], scopeMismatch401: 4 })]);
    expect(report.scopes.missingScopes).toEqual([]);
    expect(report.runtime.installations).toEqual([expect.objectContaining({ installation: 'site-a', notGranted: ['write:issue.property:jira'], unauthorizedNeeds: [PUT_PROPERTY] })]);
    // The count stands apart from the status code: "4 runtime 401 …" read as 4401 (issue 11's complaint).
    const refused = report.scopes.details.find((d) => d.scope === 'write:issue.property:jira')!.reasons.find((r) => r.kind === 'not-granted')!;
    expect(refused.text).toBe('installation site-a (app version 2.0.0) has not granted it; calls refused: 4 (401 "scope does not match")');
  });

  it('keeps runtime calls to paths outside the catalog, and lets them hold back unused verdicts', () => {
    const usage = usageOf('site-a', []);
    usage.endpoints.push({ ...usageOf('x', [{ key: MYSELF, calls: 1 }]).endpoints[0], template: '/rest/internal/{}/thing', operationKey: undefined, known: false, calls: 3 });
    const report = analyze(inputOf(['read:jira-work'], [], { usage: [usage] }));
    expect(report.unknownRuntime).toEqual([{ family: 'requestJira', method: 'GET', shape: '/rest/internal/{}/thing', calls: 3, sites: 1 }]);
    expect(report.scopes.unverifiable.map((u) => u.name)).toEqual(['read:jira-work']);
  });

  it('flags operations only an older edition documents, and undocumented ones never prove a scope unused', () => {
    const removed = 'GET /wiki/rest/api/content/{id}';
    const undocumented = 'GET /2.0/hook_events';
    const report = analyze(inputOf(['read:confluence-content.summary', 'read:repository:bitbucket'], [call(removed), call(undocumented)]));
    expect(report.endpoints.find((e) => e.key === removed)?.removed).toBe('2021-11-23');
    expect(report.endpoints.find((e) => e.key === undocumented)).toMatchObject({ undocumented: true, authorized: true, missing: [] });
    expect(report.scopes.unverifiable).toEqual([expect.objectContaining({ name: 'read:repository:bitbucket' })]);
  });

  it('is a pure function: same input, same report', () => {
    const input = inputOf(['read:jira-work'], [call(GET_ISSUE)], { usage: [usageOf('a', [{ key: GET_ISSUE, calls: 1 }])] });
    expect(JSON.stringify(analyze(input))).toBe(JSON.stringify(analyze(input)));
  });
});

describe('analyze: calls that match no operation', () => {
  it('reports them as unresolved with the reason and the operation probably meant, never drops them', () => {
    const unmatched = { ...call(GET_PAGE, 'src/page.ts:4'), pattern: '/api/v2/pages/{}', operationKey: undefined, noMatch: { code: 'NOT_FOUND', reason: 'paths of this product start with /wiki', suggestions: [GET_PAGE] } };
    const report = analyze(inputOf(['read:page:confluence'], [unmatched]));
    expect(report.endpoints).toEqual([]);
    expect(report.unresolved).toEqual([
      expect.objectContaining({ file: 'src/page.ts', line: 4, kind: 'path', family: 'requestConfluence', candidates: [GET_PAGE], reason: expect.stringContaining('/wiki') }),
    ]);
    expect(report.scopes.unverifiable[0]).toMatchObject({ name: 'read:page:confluence' });
  });
});

describe('analyze: scope evidence', () => {
  it('sums runtime calls, failures, days and sites of the operations each declared or missing scope serves', () => {
    const usage = [usageOf('a', [{ key: GET_ISSUE, calls: 3, day: '2026-11-10' }, { key: MYSELF, calls: 2, day: '2026-11-12' }])];
    const report = analyze(inputOf(['read:jira-work'], [call(GET_ISSUE, 'src/a.ts:3'), call(PUT_PROPERTY, 'src/b.ts:9')], { usage }));
    const detail = (scope: string) => report.scopes.details.find((d) => d.scope === scope)!;
    expect(detail('read:jira-work')).toMatchObject({ verdict: 'in-use', calls: 3, failures: 0, firstSeen: '2026-11-10', lastSeen: '2026-11-10', sites: 1 });
    expect(detail('read:jira-work').reasons).toEqual([expect.objectContaining({ kind: 'operation', operation: GET_ISSUE, at: ['src/a.ts:3'], calls: 3 })]);
    expect(detail('write:issue.property:jira')).toMatchObject({ verdict: 'missing', calls: 0, firstSeen: null, sites: 0 });
    // GET /myself needs read:jira-user, which is missing: its evidence is the runtime call.
    expect(detail('read:jira-user')).toMatchObject({ verdict: 'missing', calls: 2, lastSeen: '2026-11-12' });
  });

  it('gives every detail exactly the documented fields', () => {
    const report = analyze(inputOf(['read:jira-work'], [call(GET_ISSUE)]));
    for (const d of report.scopes.details) expect(Object.keys(d).sort()).toEqual(['calls', 'failures', 'firstSeen', 'lastSeen', 'modules', 'reasons', 'scope', 'sites', 'verdict']);
  });
});
