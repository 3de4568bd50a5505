import { analyze } from '../../src/analysis';
import type { Report } from '../../src/analysis/report-types';
import type { CallFinding, UnresolvedFinding } from '../../src/scan/types';
import { call, inputOf, scanOf, usageOf } from './inputs';

const GET_ISSUE = 'GET /rest/api/3/issue/{issueIdOrKey}';
const PUT_PROPERTY = 'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}';
const NOTE = 'ENDPOINTS[…]: the key is not known statically, so every entry is a candidate';

/** The call findings the scanner makes for `ENDPOINTS[payload.name]`: one per entry, each noted. */
const candidates = (keys: string[], at = 'src/a.ts:5'): CallFinding[] => keys.map((k) => ({ ...call(k, at), column: 9, candidateOf: NOTE }));
const detail = (report: Report, scope: string) => report.scopes.details.find((d) => d.scope === scope)!;

describe('candidates: operations a call may select with a key the tool cannot know', () => {
  const report = analyze(inputOf(['read:jira-work'], candidates([GET_ISSUE, PUT_PROPERTY])));
  const put = report.endpoints.find((e) => e.key === PUT_PROPERTY)!;

  it('groups them per call site, saying how many there are and what selects them', () => {
    expect(report.candidateCalls).toEqual([
      { file: 'src/a.ts', line: 5, column: 9, side: 'backend', principal: 'asApp', table: 'ENDPOINTS[…]', operations: [GET_ISSUE, PUT_PROPERTY], text: 'one of 2 entries of ENDPOINTS[…] (key unknown)' },
    ]);
    expect(put).toMatchObject({ candidate: true, calls: [{ file: 'src/a.ts', line: 5, candidateOf: NOTE }] });
  });

  it('a declared scope a candidate needs is kept (code-only, never unused), its reason saying it is a candidate', () => {
    expect(detail(report, 'read:jira-work')).toMatchObject({
      verdict: 'code-only',
      reasons: [{ kind: 'operation', operation: GET_ISSUE, candidate: true, text: expect.stringContaining('a candidate: src/a.ts:5: one of 2 entries of ENDPOINTS[…] (key unknown)') }],
    });
    expect(report.scopes.unused).toEqual([]);
  });

  it('a scope only candidates need and the manifest lacks is missing-if-called: not missing, not what --fix adds', () => {
    expect(put.missing.length).toBeGreaterThan(0);
    for (const scope of put.missing) expect(detail(report, scope)).toMatchObject({ verdict: 'missing-if-called', reasons: [{ operation: PUT_PROPERTY, candidate: true }] });
    expect(report.scopes.missingScopes).toEqual([]);
    expect(report.scopes.missing).toEqual([]);
    expect(report.scopes.missingIfCalled).toEqual([{ need: PUT_PROPERTY, add: put.missing, locations: [{ file: 'src/a.ts', line: 5, column: 9 }], candidateOf: ['src/a.ts:5: one of 2 entries of ENDPOINTS[…] (key unknown)'] }]);
  });

  it('a definite call of the same operation elsewhere makes it a plain need: missing', () => {
    const r = analyze(inputOf(['read:jira-work'], [...candidates([GET_ISSUE, PUT_PROPERTY]), call(PUT_PROPERTY, 'src/b.ts:2')]));
    const e = r.endpoints.find((x) => x.key === PUT_PROPERTY)!;
    expect(e.candidate).toBeUndefined();
    expect(r.scopes.missingScopes).toEqual(e.missing);
    expect(r.scopes.missingIfCalled).toEqual([]);
  });

  it('runtime evidence of a candidate makes it certain: the app does call it', () => {
    const r = analyze(inputOf(['read:jira-work'], candidates([GET_ISSUE, PUT_PROPERTY]), { usage: [usageOf('a', [{ key: PUT_PROPERTY, calls: 2, mismatch: 2 }])] }));
    const e = r.endpoints.find((x) => x.key === PUT_PROPERTY)!;
    expect(e.candidate).toBeUndefined();
    expect(r.scopes.missingScopes).toEqual(e.missing);
  });

  it('the plan covers candidates: it never proposes scopes that would break a call the code may make', () => {
    expect(report.plan.add.length).toBeGreaterThan(0);
    expect(report.plan.scopes).toEqual(expect.arrayContaining(report.plan.add));
  });
});

describe('the scanner facts of unresolved calls reach the report', () => {
  it('keeps the surface, the GraphQL operation, the remote, the followed link, the method and the helpers it went through', () => {
    const link: UnresolvedFinding = { kind: 'path', family: 'requestConfluence', reason: 'follows a link (_links.next) returned by GET /wiki/api/v2/pages; candidates: …', method: 'GET', candidates: ['GET /wiki/api/v2/pages'], file: 'src/c.ts', line: 9, column: 3, side: 'backend', principal: 'asApp', via: [{ file: 'src/h.ts', line: 4, column: 2 }], link: { field: '_links.next', returnedBy: ['GET /wiki/api/v2/pages'] } };
    const graph: UnresolvedFinding = { kind: 'api', reason: 'requestGraph: the tool cannot tell which scopes GraphQL query Me (me) needs', candidates: [], file: 'src/g.ts', line: 2, column: 1, side: 'backend', principal: 'asApp', surface: 'requestGraph', graphql: { operation: 'Me', type: 'query', fields: ['me'] } };
    const remote: UnresolvedFinding = { kind: 'api', reason: 'invokeRemote: the tool cannot tell which scopes remote billing needs', candidates: [], file: 'src/r.ts', line: 3, column: 1, side: 'backend', principal: 'default', surface: 'invokeRemote', remote: 'billing', pattern: '/v1/charge' };
    const r = analyze(inputOf([], [], { scan: scanOf([], [link, graph, remote]) }));
    expect(r.unresolved).toEqual([
      expect.objectContaining({ file: 'src/c.ts', method: 'GET', via: [{ file: 'src/h.ts', line: 4, column: 2 }], link: { field: '_links.next', returnedBy: ['GET /wiki/api/v2/pages'] } }),
      expect.objectContaining({ file: 'src/g.ts', surface: 'requestGraph', graphql: { operation: 'Me', type: 'query', fields: ['me'] } }),
      expect.objectContaining({ file: 'src/r.ts', surface: 'invokeRemote', remote: 'billing', pattern: '/v1/charge' }),
    ]);
  });
});
