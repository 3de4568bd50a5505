/** The report is computed for a window: usage restricted in the pure core, every count and chart of the window only. */
import { analyze } from '../../src/analysis';
import { windowUsage } from '../../src/analysis/usage-window';
import { getOperation } from '../../src/catalog';
import type { DailyCounts, UsageEndpoint, UsageExport } from '../../src/usage/format';
import { validateUsageExport } from '../../src/usage/validate';
import { call, inputOf } from './inputs';

const GET_ISSUE = 'GET /rest/api/3/issue/{issueIdOrKey}';
const COMMENTS = 'GET /rest/api/3/issue/{issueIdOrKey}/comment';
const PAGE = 'GET /wiki/api/v2/pages/{id}';

/** An endpoint whose calls are spread over days: `[day, calls, failed, refused]`. */
function endpoint(key: string, days: [string, number, number?, number?][], moduleKeys = ['issue-activity']): UsageEndpoint {
  const op = getOperation(key)!;
  const daily: DailyCounts[] = days.map(([day, calls, failed = 0, refused = 0]) => [day, calls, calls - failed, 0, failed, 0, 0, refused]);
  const sum = (i: number) => daily.reduce((n, d) => n + (d[i] as number), 0);
  return {
    family: op.family, method: op.method, template: op.template, operationKey: key, known: true, principal: 'app',
    calls: sum(1), status: { '2xx': sum(2), '3xx': 0, '4xx': sum(4), '5xx': 0, network: 0 }, scopeMismatch401: sum(7),
    firstSeen: days[0][0], lastSeen: days[days.length - 1][0], daysSeen: days.length, appVersions: ['1.0.0'], environments: ['PRODUCTION'], moduleKeys, daily,
  };
}

function usage(installation: string, endpoints: UsageEndpoint[], granted: string[]): UsageExport {
  const days = [...new Set(endpoints.flatMap((e) => e.daily!.map((d) => d[0])))].sort();
  return validateUsageExport({
    format: 'scope-inspector-usage', version: 1, generatedAt: '2026-11-30T00:00:00.000Z', installation,
    window: { firstDay: days[0], lastDay: days[days.length - 1], daysObserved: days.length },
    grantedScopes: [{ appVersion: '1.0.0', scopes: granted, firstSeen: days[0], lastSeen: days[days.length - 1] }],
    endpoints, droppedCalls: 0,
  });
}

const site = usage('site-a', [endpoint(GET_ISSUE, [['2026-09-01', 50], ['2026-11-25', 3], ['2026-11-29', 2, 1]]), endpoint(COMMENTS, [['2026-10-01', 7]]), endpoint(PAGE, [['2026-11-28', 4, 4, 4]], ['page-facts'])], ['read:jira-work']);
const declared = ['read:jira-work', 'read:page:confluence'];
const calls = [call(GET_ISSUE), call(COMMENTS), call(PAGE)];

describe('windowUsage', () => {
  it('keeps only the days of the window and sums every count again from them', () => {
    const { usage: [w], start, end, undated } = windowUsage([site], { days: 7, endDay: '2026-11-30' });
    expect({ start, end, undated }).toEqual({ start: '2026-11-24', end: '2026-11-30', undated: 0 });
    expect(w.endpoints.map((e) => e.operationKey)).toEqual([GET_ISSUE, PAGE]);
    expect(w.endpoints[0]).toMatchObject({ calls: 5, status: { '2xx': 4, '4xx': 1 }, firstSeen: '2026-11-25', lastSeen: '2026-11-29', daysSeen: 2 });
    expect(w.window).toEqual({ firstDay: '2026-11-25', lastDay: '2026-11-29', daysObserved: 3 });
  });

  it('keeps an endpoint without per-day counts whole when it reaches into the window, says so, and drops it when it ends before', () => {
    const { daily: _drop, ...old } = endpoint(COMMENTS, [['2026-11-20', 6], ['2026-11-26', 6]]);
    const older = { ...old, firstSeen: '2026-11-20', lastSeen: '2026-11-26' };
    const before = { ...older, firstSeen: '2026-10-01', lastSeen: '2026-10-02' };
    expect(windowUsage([{ ...site, endpoints: [older] }], { days: 7, endDay: '2026-11-30' })).toMatchObject({ usage: [{ endpoints: [{ calls: 12 }] }], undated: 12 });
    expect(windowUsage([{ ...site, endpoints: [before] }], { days: 7, endDay: '2026-11-30' })).toMatchObject({ usage: [{ endpoints: [] }], undated: 0 });
  });

  it('gives the usage as it is for "all"', () => {
    const all = windowUsage([site], { days: null });
    expect(all.usage[0]).toBe(site);
    expect({ start: all.start, end: all.end }).toEqual({ start: '2026-09-01', end: '2026-11-29' });
  });
});

describe('a report for a window', () => {
  const all = analyze(inputOf(declared, calls, { usage: [site] }));
  const week = analyze(inputOf(declared, calls, { usage: [site], window: { days: 7, endDay: '2026-11-30' } }));
  const detail = (r: typeof all, scope: string) => r.scopes.details.find((d) => d.scope === scope)!;

  it('counts the window only, on endpoints, verdicts and sites', () => {
    expect(all.endpoints.find((e) => e.key === COMMENTS)?.runtime?.calls).toBe(7);
    expect(week.endpoints.find((e) => e.key === COMMENTS)?.runtime).toBeUndefined();
    expect(detail(all, 'read:jira-work')).toMatchObject({ calls: 62, firstSeen: '2026-09-01' });
    expect(detail(week, 'read:jira-work')).toMatchObject({ calls: 5, failures: 1, firstSeen: '2026-11-25', lastSeen: '2026-11-29', verdict: 'in-use' });
    expect(week.runtime.window).toEqual({ firstDay: '2026-11-25', lastDay: '2026-11-29', daysObserved: 3, days: 7, start: '2026-11-24', end: '2026-11-30', undated: 0 });
    expect(week.runtime.installations[0]).toMatchObject({ calls: 9, failures: 5, scopeMismatch401: 4, lastSeen: '2026-11-29' });
  });

  it('draws calls per day over every day of the window, and each series adds up to the counts the other surfaces show', () => {
    const a = week.activity;
    expect(a.days).toEqual(['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30']);
    expect(a.calls).toEqual([0, 3, 0, 0, 4, 2, 0]);
    expect(a.failures).toEqual([0, 0, 0, 0, 4, 1, 0]);
    expect(a.refused).toEqual([0, 0, 0, 0, 4, 0, 0]);
    expect(a.byProduct).toEqual([{ product: 'jira', calls: [0, 3, 0, 0, 0, 2, 0] }, { product: 'confluence', calls: [0, 0, 0, 0, 4, 0, 0] }]);
    expect(a.topOperations.map((o) => o.key)).toEqual([GET_ISSUE, PAGE]);
    const sum = (row: number[]) => row.reduce((x, y) => x + y, 0);
    for (const s of a.scopes) expect(sum(s.calls)).toBe(detail(week, s.scope).calls);
    expect(sum(a.calls)).toBe(week.endpoints.reduce((n, e) => n + (e.runtime?.calls ?? 0), 0));
    expect(all.activity.days).toHaveLength(90); // 2026-09-01 → 2026-11-29
  });
});

describe('failed calls: one definition on every count', () => {
  it('a call the platform refused before it reached the product (in calls, in no status class) is a failure for the endpoint, the scope, the site and the chart alike', () => {
    // 10 calls on one day: 6 answered 2xx, 1 answered 401, 3 refused by @forge/api (ProxyRequestError).
    const e = endpoint(GET_ISSUE, [['2026-11-29', 10]]);
    e.daily = [['2026-11-29', 10, 6, 0, 1, 0, 0, 0]];
    e.status = { '2xx': 6, '3xx': 0, '4xx': 1, '5xx': 0, network: 0 };
    e.platformErrors = { NEEDS_AUTHENTICATION_ERR: 0, PROXY_ERR: 3 };
    const report = analyze({ ...inputOf(declared, [call(GET_ISSUE)]), usage: [usage('site-a', [e], declared)] });
    const endpointRuntime = report.endpoints.find((x) => x.key === GET_ISSUE)!.runtime!;
    expect(endpointRuntime.failures).toBe(4);
    expect(report.scopes.details.find((d) => d.scope === 'read:jira-work')!.failures).toBe(4);
    expect(report.runtime.installations[0].failures).toBe(4);
    expect(report.activity.failures.reduce((n, x) => n + x, 0)).toBe(4);
  });
});

describe('per-reason evidence for the scope drawer', () => {
  it('names the modules behind each need and whether removing the scope stops it', () => {
    const granular = getOperation(COMMENTS)!.alternatives.find((a) => a.kind === 'granular')!.scopes;
    const report = analyze(inputOf(['read:jira-work', ...granular], [call(COMMENTS)], { usage: [site] }));
    const classic = report.scopes.details.find((d) => d.scope === 'read:jira-work')!;
    // Both the classic scope and a full granular set authorize the comments: removing the classic one stops nothing.
    expect(classic.reasons.find((r) => r.operation === COMMENTS)).toMatchObject({ modules: ['issue-activity'], removalBreaks: false });
    const alone = analyze(inputOf(['read:jira-work'], [call(COMMENTS)], { usage: [site] })).scopes.details[0];
    expect(alone.reasons.find((r) => r.operation === COMMENTS)).toMatchObject({ modules: ['issue-activity'], removalBreaks: true });
    expect(report.scopes.details.find((d) => d.scope === granular[0])!.reasons.find((r) => r.operation === COMMENTS)).toMatchObject({ removalBreaks: false });
  });
});

describe('sites', () => {
  it('says what an installation behind the manifest must approve, and what it granted that is no longer declared', () => {
    const behind = { ...site, grantedScopes: [{ appVersion: '0.9.0', scopes: ['read:jira-work', 'write:jira-work'], firstSeen: '2026-09-01', lastSeen: '2026-11-29' }] };
    const [i] = analyze(inputOf(['read:jira-work', 'read:page:confluence'], calls, { usage: [behind] })).runtime.installations;
    expect(i).toMatchObject({ appVersion: '0.9.0', notGranted: ['read:page:confluence'], extraGranted: ['write:jira-work'], unauthorizedNeeds: [PAGE], scopeMismatch401: 4 });
    expect(i.upgrade).toEqual({ approval: 'required', summary: 'Its admin must approve a new major version that adds read:page:confluence and removes write:jira-work before the deployed scopes apply there.' });
    const [upToDate] = analyze(inputOf(['read:jira-work'], calls, { usage: [site] })).runtime.installations;
    expect(upToDate.upgrade).toMatchObject({ approval: 'not-required' });
  });
});
