import { analyze } from '../../src/analysis';
import type { Report } from '../../src/analysis/report-types';
import { scopeVerdictOf } from '../../src/release';
import { call, inputOf, scanOf, unresolved, usageOf } from '../analysis/inputs';

const GET_ISSUE = 'GET /rest/api/3/issue/{issueIdOrKey}';
const PUT_PROPERTY = 'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}';
const verdict = (report: Report, scope: string) => scopeVerdictOf(report, scope)?.verdict;

describe('scopeVerdictOf: the one adapter the release guard reads verdicts through', () => {
  it('reads each verdict from scopes.details', () => {
    const trigger = { file: 'manifest.yml', line: 5, column: 9, alternatives: [['read:jira-user']], reason: 'trigger avi:jira:created:issue', source: 'trigger' as const };
    const report = analyze(inputOf(['read:jira-work', 'manage:jira-configuration', 'read:jira-user', 'not:a-scope'], [call(GET_ISSUE), call(PUT_PROPERTY)], {
      manifestNeeds: [trigger],
      invalid: [{ name: 'not:a-scope', line: 13, column: 7, reason: 'not a scope @forge/manifest knows' }],
    }));
    expect(verdict(report, 'read:jira-work')).toBe('code-only');
    expect(verdict(report, 'manage:jira-configuration')).toBe('unused');
    expect(verdict(report, 'read:jira-user')).toBe('platform');
    expect(verdict(report, 'not:a-scope')).toBe('unverifiable');
    expect(scopeVerdictOf(report, 'write:issue.property:jira')).toMatchObject({ verdict: 'missing', needs: [PUT_PROPERTY] });
    expect(scopeVerdictOf(report, 'write:issue:jira')).toBeUndefined();
  });

  it('says in-use with runtime calls and sites, unverifiable when an unresolved call may need the scope', () => {
    const used = analyze(inputOf(['read:jira-work'], [call(GET_ISSUE)], { usage: [usageOf('a', [{ key: GET_ISSUE, calls: 7 }]), usageOf('b', [{ key: GET_ISSUE, calls: 3 }])] }));
    expect(scopeVerdictOf(used, 'read:jira-work')).toMatchObject({ verdict: 'in-use', calls: 10, sites: 2, lastSeen: '2026-11-20' });
    const unsure = analyze(inputOf(['read:jira-work', 'write:jira-work'], [], { scan: scanOf([call(GET_ISSUE)], [unresolved([PUT_PROPERTY])]) }));
    expect(scopeVerdictOf(unsure, 'write:jira-work')).toMatchObject({ verdict: 'unverifiable', reasons: [expect.stringContaining('src/dyn.ts:7')] });
  });

  it('says not-granted when a site answered 401 "scope does not match" for a declared scope', () => {
    const report = analyze(inputOf(['read:jira-work', 'write:jira-work'], [call(PUT_PROPERTY)], { usage: [usageOf('a', [{ key: PUT_PROPERTY, calls: 4, mismatch: 4 }], ['read:jira-work'])] }));
    expect(verdict(report, 'write:jira-work')).toBe('not-granted');
  });

  it('is the detail, never a judgement of its own', () => {
    const report = analyze(inputOf(['read:jira-work'], [call(GET_ISSUE, 'src/a.ts:3')]));
    const detail = { scope: 'read:jira-work', verdict: 'unverifiable' as const, reasons: [{ kind: 'operation' as const, text: GET_ISSUE, operation: GET_ISSUE, at: ['src/a.ts:3'] }], modules: [], calls: 5, failures: 0, firstSeen: null, lastSeen: null, sites: 2 };
    const withDetails: Report = { ...report, scopes: { ...report.scopes, details: [detail] } };
    expect(scopeVerdictOf(withDetails, 'read:jira-work')).toMatchObject({ verdict: 'unverifiable', reasons: [`${GET_ISSUE} at src/a.ts:3`], calls: 5, sites: 2, needs: [GET_ISSUE] });
  });
});
