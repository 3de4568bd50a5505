import { analyze } from '../../src/analysis';
import type { Report } from '../../src/analysis/report-types';
import { call, inputOf, scanOf, unresolved, usageOf } from './inputs';

const GET_ISSUE = 'GET /rest/api/3/issue/{issueIdOrKey}';
const PUT_PROPERTY = 'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}';
const MYSELF = 'GET /rest/api/3/myself';

const detail = (report: Report, scope: string) => report.scopes.details.find((d) => d.scope === scope);
const STORAGE = { file: 'src/store.ts', line: 1, column: 1, alternatives: [['storage:app']], reason: 'Forge storage (@forge/kvs): @forge/kvs imported (src/store.ts:1)', source: 'forge-api' as const, feature: 'Forge storage (@forge/kvs)' };

describe('scope verdicts', () => {
  it('in-use only when observed succeeding; the code alone makes it code-only', () => {
    const usage = [usageOf('a', [{ key: GET_ISSUE, calls: 3 }])];
    const report = analyze(inputOf(['read:jira-work', 'write:jira-work'], [call(GET_ISSUE), call(PUT_PROPERTY)], { usage }));
    expect(detail(report, 'read:jira-work')?.verdict).toBe('in-use');
    expect(detail(report, 'write:jira-work')).toMatchObject({ verdict: 'code-only', calls: 0 });
  });

  it('a scope whose every call failed is never in use: 401 scope mismatches on a site that lacks it make it not-granted', () => {
    const usage = [usageOf('a', [{ key: PUT_PROPERTY, calls: 4, mismatch: 4 }], ['read:jira-work'])];
    const report = analyze(inputOf(['read:jira-work', 'write:jira-work'], [call(PUT_PROPERTY)], { usage }));
    expect(detail(report, 'write:jira-work')).toMatchObject({ verdict: 'not-granted', calls: 4, failures: 4, sites: 1 });
    expect(detail(report, 'write:jira-work')?.reasons[0]).toMatchObject({ kind: 'not-granted', text: expect.stringContaining('installation a (app version 2.0.0) has not granted it') });
  });

  it('a scope whose every call failed otherwise stays code-only, with its failures', () => {
    const usage = usageOf('a', [{ key: GET_ISSUE, calls: 2 }]);
    usage.endpoints[0].status = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 2, network: 0 };
    const report = analyze(inputOf(['read:jira-work'], [call(GET_ISSUE)], { usage: [usage] }));
    expect(detail(report, 'read:jira-work')).toMatchObject({ verdict: 'code-only', calls: 2, failures: 2 });
  });

  it('platform names the feature, the trigger and the module that need it', () => {
    const trigger = { file: 'manifest.yml', line: 5, column: 9, alternatives: [['read:jira-work'], ['read:issue:jira']], reason: 'trigger avi:jira:created:issue (manifest.yml:5)', source: 'trigger' as const, module: 'on-create', event: 'avi:jira:created:issue' };
    const report = analyze(inputOf(['read:jira-work', 'storage:app'], [], { manifestNeeds: [trigger], scan: { ...scanOf([]), forgeApiNeeds: [STORAGE] }, modules: [{ key: 'on-create', type: 'trigger', title: 'On create' }] }));
    expect(detail(report, 'storage:app')).toMatchObject({ verdict: 'platform', reasons: [{ kind: 'platform', feature: 'Forge storage (@forge/kvs)', at: ['src/store.ts:1'] }] });
    expect(detail(report, 'read:jira-work')).toMatchObject({ verdict: 'platform', reasons: [{ kind: 'trigger', event: 'avi:jira:created:issue', module: 'on-create' }], modules: [{ key: 'on-create', type: 'trigger', title: 'On create' }] });
  });

  it('missing: needed, not declared, with its runtime evidence', () => {
    const report = analyze(inputOf(['read:jira-work'], [], { usage: [usageOf('a', [{ key: MYSELF, calls: 2 }])] }));
    expect(detail(report, 'read:jira-user')).toMatchObject({ verdict: 'missing', calls: 2, reasons: [{ kind: 'operation', operation: MYSELF }] });
    expect(report.scopes.missingScopes).toEqual(['read:jira-user']);
  });

  it('a file not read blocks every unused verdict; a policy skip blocks none', () => {
    const scan = scanOf([call(GET_ISSUE)]);
    const policy = analyze(inputOf(['read:jira-work', 'manage:jira-configuration'], [], { scan: { ...scan, files: { scanned: ['src/index.ts'], skipped: [{ file: 'src/a.test.ts', reason: 'test file (not deployed)', blocksRemoval: false }] } } }));
    expect(detail(policy, 'manage:jira-configuration')?.verdict).toBe('unused');
    const blocked = analyze(inputOf(['read:jira-work', 'manage:jira-configuration'], [], { scan: { ...scan, parseErrors: [{ file: 'src/b.ts', line: 3, col: 9, message: 'Unexpected token' }] } }));
    expect(detail(blocked, 'manage:jira-configuration')).toMatchObject({ verdict: 'unverifiable', reasons: [{ kind: 'blocked', text: 'src/b.ts was not read: could not be parsed (3:9: Unexpected token)' }] });
    expect(blocked.files.skipped).toEqual([{ file: 'src/b.ts', reason: 'could not be parsed (3:9: Unexpected token)', blocksRemoval: true }]);
    expect(detail(blocked, 'read:jira-work')?.verdict).toBe('code-only');
  });

  it('an unrecognised request surface blocks every scope, named with where it is', () => {
    const surface = { ...unresolved([], 'src/g.ts:4'), kind: 'api' as const, family: undefined, reason: 'requestGraph: the scopes depend on the GraphQL query' };
    const report = analyze(inputOf(['storage:app', 'read:page:confluence'], [], { scan: scanOf([], [surface]) }));
    expect(report.scopes.details.map((d) => d.verdict)).toEqual(['unverifiable', 'unverifiable']);
    expect(report.scopes.unverifiable[0].because[0]).toBe('unrecognised request surface at src/g.ts:4: requestGraph: the scopes depend on the GraphQL query');
  });

  it('a scope no catalog operation, trigger, module or platform feature uses is unverifiable, as is an invalid one', () => {
    const report = analyze({ ...inputOf(['read:chat:rovo', 'read:jira-wrok'], []), invalid: [{ name: 'read:jira-wrok', line: 11, column: 7, reason: 'not a scope @forge/manifest knows', suggestion: 'read:jira-work' }] });
    expect(detail(report, 'read:chat:rovo')).toMatchObject({ verdict: 'unverifiable', reasons: [{ text: expect.stringContaining('what needs it cannot be told') }] });
    expect(detail(report, 'read:jira-wrok')).toMatchObject({ verdict: 'unverifiable', reasons: [{ text: expect.stringContaining('did you mean read:jira-work?') }] });
    expect(report.plan.keptForUnresolved).toEqual(['read:chat:rovo', 'read:jira-wrok']);
  });

  it('a feature Atlassian documents no scope for neither adds a missing scope nor lets a declared one look unused', () => {
    const sql = { ...STORAGE, reason: 'Forge SQL (@forge/sql): @forge/sql imported (src/db.ts:1)', feature: 'Forge SQL (@forge/sql)', maybe: true };
    expect(analyze(inputOf([], [], { scan: { ...scanOf([]), forgeApiNeeds: [sql] } })).scopes.details).toEqual([]);
    const report = analyze(inputOf(['storage:app'], [], { scan: { ...scanOf([]), forgeApiNeeds: [sql] } }));
    expect(detail(report, 'storage:app')).toMatchObject({ verdict: 'unverifiable', reasons: [{ text: expect.stringContaining('Forge SQL (@forge/sql)') }] });
  });

  it("leaves Scope Inspector's own calls out of the app's verdicts and endpoints, and lists them apart", () => {
    const usage = usageOf('a', [{ key: 'GET /rest/api/3/mypermissions', calls: 15 }]);
    usage.endpoints[0].principal = 'inspector';
    const report = analyze(inputOf(['read:jira-work'], [call('GET /rest/api/3/mypermissions')], { usage: [usage] }));
    expect(report.endpoints[0].runtime).toBeUndefined();
    expect(detail(report, 'read:jira-work')).toMatchObject({ verdict: 'code-only', calls: 0 });
    expect(report.runtime.own).toEqual([{ key: 'GET /rest/api/3/mypermissions', calls: 15 }]);
    expect(report.runtime.staticExercised).toBe(0);
  });
});

describe('replaceable and the plan agree', () => {
  it('a replaceable classic scope is replaced by the plan, which says what that does to operations authorized', () => {
    const report = analyze(inputOf(['read:confluence-user'], [call('GET /wiki/rest/api/user/current')]));
    expect(report.scopes.replaceable).toEqual([expect.objectContaining({ classic: 'read:confluence-user', replacement: ['read:content-details:confluence'] })]);
    expect(report.plan.remove).toEqual(['read:confluence-user']);
    expect(report.plan.add).toEqual(['read:content-details:confluence']);
    expect(report.plan.replacements).toEqual([{ classic: 'read:confluence-user', replacement: ['read:content-details:confluence'], authorizedBefore: expect.any(Number), authorizedAfter: report.plan.authorizedOperations }]);
    expect(report.plan.replacements[0].authorizedBefore).not.toBe(report.plan.replacements[0].authorizedAfter);
  });
});
