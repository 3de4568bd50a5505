import { DEMO_SITE } from '../../local/seed';
import { ADMIN, useDemoApp } from './demo-app';

const NON_ADMIN = { ...ADMIN, accountId: 'someone-else', admin: false };

// The resolvers read the static analysis bundled at build time; the suite builds it for this checkout.
jest.mock('../../src/resolvers/static-analysis', () => ({ staticAnalysis: () => app.analysis }));

const app = useDemoApp();
const call = app.call;

describe('admin page resolvers, through the sandbox and the real @forge packages', () => {
  it('getReport shows the seeded traffic, the site that has not upgraded, and the plan', async () => {
    const result = await call('getReport');
    expect(result).toMatchObject({ ok: true, canAdminister: true });
    const { report } = result;
    // One snapshot: the endpoints come with the report (the page pages them itself).
    expect(report.endpoints.length).toBe(result.endpointCount);
    expect(report.endpoints.length).toBeGreaterThan(0);
    expect(report.runtime.installations).toEqual([expect.objectContaining({ appVersion: DEMO_SITE.appVersion, notGranted: [DEMO_SITE.notGranted] })]);
    expect(report.scopes.missing).toEqual([expect.objectContaining({ where: 'installation', add: [DEMO_SITE.notGranted], scopeMismatch401: 5 })]);
    expect(report.scopes.unused).toEqual([]);
    expect(result.planYaml).toMatch(/^permissions:\n  scopes:\n/);
  });

  it('getReport counts the window it is asked for (90 days by default), up to today, with its calls per day', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const byDefault = (await call('getReport')).report;
    expect(byDefault.runtime.window).toMatchObject({ days: 90, end: today, daysObserved: 1, undated: 0 });
    expect(byDefault.activity.days).toHaveLength(90);
    const day = (await call('getReport', { window: 1 })).report;
    expect(day.runtime.window).toMatchObject({ days: 1, start: today, end: today });
    // The seeded calls were made today: one day's chart holds every call the endpoints count.
    expect(day.activity.calls).toEqual([day.endpoints.reduce((n: number, e: any) => n + (e.runtime?.calls ?? 0), 0)]);
    expect((await call('getReport', { window: 'all' })).report.runtime.window).toMatchObject({ days: null, firstDay: today });
  });

  it.each([{ window: 0 }, { window: 400 }, { window: 7.5 }, { window: '30' }, { window: 'week' }])('getReport refuses %p with INVALID_INPUT', async (payload) => {
    expect(await call('getReport', payload)).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('window') });
  });

  it('getEndpoints pages, filters and sorts on the server', async () => {
    const all = await call('getEndpoints', { limit: 200 });
    const byKey = new Map(all.items.map((e: any) => [e.key, e]));
    expect(byKey.get('GET /rest/api/3/issue/{issueIdOrKey}/comment')).toMatchObject({ evidence: 'both', runtime: { calls: 10, principals: ['user'] } });
    expect(byKey.get('GET /rest/api/3/issue/{issueIdOrKey}')).toMatchObject({ runtime: { calls: 5, principals: ['app'] } });
    expect(byKey.get('PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}')).toMatchObject({ runtime: { calls: 5, scopeMismatch401: 5 } });
    expect(byKey.get('GET /wiki/api/v2/pages/{id}')).toMatchObject({ evidence: 'static' });
    const page = await call('getEndpoints', { limit: 2, offset: 1, sort: 'template', direction: 'asc' });
    expect(page.total).toBe(all.total);
    expect(page.items.map((e: any) => e.template)).toEqual(all.items.map((e: any) => e.template).sort().slice(1, 3));
    const mismatch = await call('getEndpoints', { status: 'mismatch' });
    expect(mismatch.items.map((e: any) => e.key)).toEqual(['PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}']);
    expect((await call('getEndpoints', { text: 'wiki', product: 'confluence' })).items.every((e: any) => e.product === 'confluence')).toBe(true);
  });

  it.each([{ limit: 0 }, { limit: 500 }, { offset: -1 }, { sort: 'random' }, { text: 42 }, 'not an object'])('getEndpoints refuses %p with INVALID_INPUT', async (payload) => {
    expect(await call('getEndpoints', payload)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it('refuses export and reset to a non-admin, in Jira and in Confluence', async () => {
    for (const format of ['json', 'csv', 'markdown']) expect(await call('exportUsage', { format }, NON_ADMIN)).toMatchObject({ ok: false, code: 'NOT_ADMIN' });
    expect(await call('resetUsage', { confirm: true }, NON_ADMIN)).toMatchObject({ ok: false, code: 'NOT_ADMIN' });
    const confluence = { context: { extension: { type: 'confluence:globalSettings' } } };
    expect(await call('exportUsage', { format: 'json' }, { ...confluence, accountId: 'someone-else', admin: false })).toMatchObject({ ok: false, code: 'NOT_ADMIN' });
    expect(await call('exportUsage', { format: 'json' }, confluence)).toMatchObject({ ok: true });
  });

  it('answers the report and the endpoint list to admins only, and only on the admin page', async () => {
    expect(await call('getReport', {}, NON_ADMIN)).toMatchObject({ ok: false, code: 'NOT_ADMIN' });
    expect(await call('getEndpoints', {}, NON_ADMIN)).toMatchObject({ ok: false, code: 'NOT_ADMIN' });
    // Through the issue panel (whose resolver is the same function), even an admin gets only the panel's data.
    const panel = { context: { extension: { type: 'jira:issuePanel', issue: { key: 'DEMO-1' } } } };
    for (const key of ['getReport', 'getEndpoints', 'exportUsage', 'resetUsage']) {
      expect(await call(key, { format: 'json', confirm: true }, panel)).toMatchObject({ ok: false, code: 'WRONG_MODULE' });
      expect(await call(key, { format: 'json', confirm: true }, { ...panel, accountId: 'someone-else', admin: false })).toMatchObject({ ok: false, code: 'WRONG_MODULE' });
    }
    // A payload cannot claim to be an admin or name the module.
    const claim = { admin: true, isAdmin: true, context: { extension: { type: 'jira:adminPage' } }, accountId: 'sandbox-user-1' };
    expect(await call('getReport', claim, NON_ADMIN)).toMatchObject({ ok: false, code: 'NOT_ADMIN' });
    expect(await call('getReport', claim, panel)).toMatchObject({ ok: false, code: 'WRONG_MODULE' });
  });

  it('gives the issue panel and byline item their own data for the issue or page they are shown on, never the usage', async () => {
    const panel = { context: { extension: { type: 'jira:issuePanel', issue: { key: 'DEMO-2' } } }, accountId: 'someone-else', admin: false };
    const activity = await call('getIssueActivity', { issueKey: 'SECRET-1' }, panel);
    expect(activity).toMatchObject({ ok: true, comments: expect.any(Array), transitions: expect.any(Array) });
    expect(JSON.stringify(activity)).not.toMatch(/scope|calls|template/);
    expect(await call('getIssueActivity', {}, ADMIN)).toMatchObject({ ok: false, code: 'WRONG_MODULE' });
    const byline = { context: { extension: { type: 'confluence:contentBylineItem', content: { id: '123' } } }, accountId: 'someone-else', admin: false };
    expect(await call('getPageFacts', {}, byline)).toMatchObject({ ok: true, version: expect.any(Number) });
    expect(await call('getPageFacts', {}, panel)).toMatchObject({ ok: false, code: 'WRONG_MODULE' });
  });

  it('exports the usage format the CLI reads, and CSV with formula injection neutralised', async () => {
    const json = await call('exportUsage', { format: 'json' });
    expect(json).toMatchObject({ ok: true, mimeType: 'application/json', filename: expect.stringMatching(/\.json$/) });
    expect(JSON.parse(json.content)).toMatchObject({ format: 'scope-inspector-usage', version: 1 });
    const csv = await call('exportUsage', { format: 'csv' });
    expect(csv.content.split('\n')[0]).toBe('method,template,product,operationId,evidence,calls,2xx,4xx,5xx,scopeMismatch401,firstSeen,lastSeen,authorized,missing,locations');
    const md = (await call('exportUsage', { format: 'markdown' })).content;
    expect(md).toContain('| Scope | Verdict | Kind |');
    // Declared but refused on the demo site: not-granted, never "needed but not declared".
    expect(md).not.toContain('## Needed but not declared');
    expect(md).toMatch(/## Declared but not granted on a site\n\n.*\n.*\n\| `write:issue\.property:jira` \|/);
    const scopes = await call('exportUsage', { format: 'scopes-csv' });
    expect(scopes.content.split('\n')[0]).toBe('type,name,verdict,calls,failures,firstSeen,lastSeen,sites,modules,reasons');
    expect(await call('exportUsage', { format: 'xml' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it('resets only when confirmed, and then the runtime evidence is gone', async () => {
    expect(await call('resetUsage', {})).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    const reset = await call('resetUsage', { confirm: true });
    expect(reset.ok).toBe(true);
    expect(reset.deletedKeys).toBeGreaterThan(0);
    const after = await call('getEndpoints', { limit: 200 });
    // The page's own admin checks since are recorded apart: the app shows no runtime call at all.
    expect(after.items.filter((e: any) => e.runtime)).toEqual([]);
    const { report } = await call('getReport');
    expect(report.scopes.details.filter((d: any) => d.verdict === 'in-use')).toEqual([]);
    expect(report.runtime.own).toEqual([expect.objectContaining({ key: 'GET /rest/api/3/mypermissions' })]);
  });

  it("records the page's own admin check apart: page views never change the app's numbers", async () => {
    const first = (await call('getReport')).report;
    for (let i = 0; i < 3; i++) await call('getReport');
    const later = (await call('getReport')).report;
    expect(later.endpoints).toEqual(first.endpoints);
    expect(later.scopes.details).toEqual(first.scopes.details);
    expect(later.runtime.staticExercised).toBe(first.runtime.staticExercised);
    expect(later.runtime.own[0].calls).toBeGreaterThan(first.runtime.own[0].calls);
  });
});
