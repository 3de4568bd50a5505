import type { GetEndpointsResult, GetReportResult } from '../../src/resolvers/contract';
import { chromiumPresent, useAdminPageSession } from './admin-page-session';
import { downloadBy, parseCsv } from './downloads';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli/run-cli';
import { expectAgreement, fromCsv, fromJson, fromMarkdown, fromSarif, fromText } from '../report/surface-counts';
import { REPO_ROOT } from './app-under-test';
import { endpointRange, statValue, tab } from './page-helpers';
import { endpointsTabCounts, overviewCounts, scopesTabCounts } from './rendered-counts';

(chromiumPresent ? describe : describe.skip)('admin page exports, reset and admin checks in real Chromium', () => {
  const s = useAdminPageSession();

  it('downloads JSON, CSV and Markdown exports that parse', async () => {
    const { page } = await s.open();
    await tab(page, 'Export');
    const json = await downloadBy(page, 'export-json');
    expect(json.filename).toMatch(/\.json$/);
    const usage = JSON.parse(json.content);
    expect(usage).toMatchObject({ format: 'scope-inspector-usage', version: 1 });
    expect(usage.endpoints.length).toBeGreaterThan(0);

    const csv = await downloadBy(page, 'export-csv');
    expect(csv.filename).toMatch(/\.csv$/);
    const records = parseCsv(csv.content);
    expect(records[0]).toEqual(expect.arrayContaining(['method', 'template']));
    expect(records.length).toBe(s.expected.endpointCount + 1);
    expect(new Set(records.map((r) => r.length)).size).toBe(1);

    const md = await downloadBy(page, 'export-markdown');
    expect(md.filename).toMatch(/\.md$/);
    expect(md.content).toMatch(/^\|\s*Scope\s*\|/m);
    for (const used of s.expected.report.scopes.used) expect(md.content).toContain(used.name);
    await page.close();
  });

  it('every count agrees across the Overview, Scopes and Endpoints tabs, the CSV and Markdown exports, and the CLI (text, JSON, SARIF)', async () => {
    const { page } = await s.open();
    const overview = await overviewCounts(page);
    const scopesTab = await scopesTabCounts(page);
    const endpointCalls = await endpointsTabCounts(page, s.expected.endpointCount);
    await tab(page, 'Export');
    const [usage, endpointsCsv, scopesCsv, markdown] = [await downloadBy(page, 'export-json'), await downloadBy(page, 'export-csv'), await downloadBy(page, 'export-scopes-csv'), await downloadBy(page, 'export-markdown')];
    await page.close();
    if (s.app.kind !== 'real') return; // the fixture's usage export is not the data its page shows
    // The CLI joins the usage the page exported with this checkout's own scan: the same report.
    const file = join(tmpdir(), `scope-usage-${process.pid}.json`);
    writeFileSync(file, usage.content);
    const cli = async (format: string) => (await runCli(['audit', REPO_ROOT, '--usage', file, '--format', format, '--fail-on', 'none'])).out;
    const json = fromJson(await cli('json'));
    expect(Object.values(json.verdicts).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expectAgreement(json, {
      overview,
      'scopes tab': scopesTab,
      'endpoints tab': { verdicts: json.verdicts, scopeCalls: {}, endpointCalls },
      csv: fromCsv(scopesCsv.content, endpointsCsv.content),
      markdown: fromMarkdown(markdown.content),
      text: fromText(await cli('text')),
      sarif: fromSarif(JSON.parse(await cli('sarif'))),
    });
    // Both tabs showed calls: the comparison above compared something.
    expect(Object.keys(scopesTab.scopeCalls).length).toBeGreaterThan(0);
    expect(Object.keys(endpointCalls).length).toBeGreaterThan(0);
  });

  it('shows a non-admin no usage data, and the resolvers refuse every read, export and reset', async () => {
    const { page, errors } = await s.open('?accountId=u-2&admin=false');
    await page.getByTestId('not-admin').waitFor();
    expect(await page.getByTestId('tabs').count()).toBe(0);
    // The page is only a courtesy: the resolvers themselves refuse the same user.
    const answers = await page.evaluate(async () => {
      const bridge = (window as unknown as { __bridge: { callBridge: (name: string, payload: unknown) => Promise<unknown> } }).__bridge;
      return Promise.all([
        bridge.callBridge('invoke', { functionKey: 'getReport', payload: {} }),
        bridge.callBridge('invoke', { functionKey: 'getEndpoints', payload: {} }),
        bridge.callBridge('invoke', { functionKey: 'exportUsage', payload: { format: 'json' } }),
        bridge.callBridge('invoke', { functionKey: 'resetUsage', payload: { confirm: true } }),
      ]);
    });
    for (const answer of answers) expect(answer).toMatchObject({ ok: false, code: 'NOT_ADMIN' });
    expect((await s.resolve<GetReportResult>('getReport')).report.runtime.window.daysObserved).toBe(s.expected.report.runtime.window.daysObserved);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows one snapshot on every tab until Refresh loads the next one for all of them', async () => {
    if (s.app.kind !== 'real') return; // new traffic comes from the real app's issue panel
    const { page } = await s.open();
    const before = (await s.resolve<GetReportResult>('getReport')).report;
    const comments = before.endpoints.find((e) => e.key === 'GET /rest/api/3/issue/{issueIdOrKey}/comment')!;
    // A scope no other operation needs, so one more call of the endpoint is one more call of the scope.
    const scope = before.scopes.details.find((d) => d.verdict === 'in-use' && d.reasons.every((r) => r.operation === comments.key))!;
    const callsOn = async () => {
      await tab(page, 'Endpoints');
      await page.getByTestId('endpoints-filter-text').fill(comments.template);
      await endpointRange(page).filter({ hasText: 'of 1' }).waitFor();
      const endpointCalls = Number((await page.getByTestId('endpoint-calls').first().textContent())!.replace(/,/g, ''));
      await tab(page, 'Scopes');
      const text = await page.getByTestId(`scope-row-${scope.scope}`).getByTestId('scope-runtime').textContent();
      return { endpointCalls, scopeCalls: Number(text!.match(/^([\d,]+) call/)![1].replace(/,/g, '')) };
    };
    expect(await callsOn()).toEqual({ endpointCalls: comments.runtime!.calls, scopeCalls: scope.calls });
    // New traffic after the page loaded: no tab shows it yet, so none disagrees with another.
    const context = { extension: { type: 'jira:issuePanel', issue: { key: 'DEMO-1' } } };
    await s.app.sandbox.invokeResolver('resolver', 'getIssueActivity', { issueKey: 'DEMO-1' }, { moduleKey: 'issue-activity', context });
    expect(await callsOn()).toEqual({ endpointCalls: comments.runtime!.calls, scopeCalls: scope.calls });
    const previous = await page.getByTestId('snapshot-time').getAttribute('data-snapshot');
    await page.getByTestId('refresh').click();
    await page.waitForFunction((old) => document.querySelector('[data-testid="snapshot-time"]')?.getAttribute('data-snapshot') !== old, previous);
    expect(await callsOn()).toEqual({ endpointCalls: comments.runtime!.calls + 1, scopeCalls: scope.calls + 1 });
    await page.close();
  });

  it('resets usage only after confirmation, then shows no recorded calls', async () => {
    const before = await s.resolve<GetEndpointsResult>('getEndpoints', { sort: 'calls', direction: 'desc', limit: 200 });
    const seeded = before.items.filter((e) => (e.runtime?.calls ?? 0) > 0);
    expect(seeded.length).toBeGreaterThan(0);
    const { page, cspViolations } = await s.open();
    await tab(page, 'Export');
    await page.getByTestId('reset').click();
    await page.getByTestId('reset-dialog').waitFor();
    // The page behind the dialog does not scroll, and locking it breaks no rule of Forge's CSP (no <style> element).
    const bodyOverflow = () => page.evaluate(() => getComputedStyle(document.body).overflow);
    expect(await bodyOverflow()).toBe('hidden');
    await page.getByTestId('reset-cancel').click();
    await page.getByTestId('reset-dialog').waitFor({ state: 'detached' });
    expect(await bodyOverflow()).toBe('visible');
    expect(await cspViolations()).toEqual([]);
    const cancelled = await s.resolve<GetEndpointsResult>('getEndpoints', { text: seeded[0].template, limit: 200 });
    expect(cancelled.items.find((e) => e.key === seeded[0].key)?.runtime?.calls).toBe(seeded[0].runtime?.calls);

    await page.getByTestId('reset').click();
    await page.getByTestId('reset-confirm').click();
    await page.getByTestId('export-notice').filter({ hasText: 'reset' }).waitFor();
    await tab(page, 'Endpoints');
    await endpointRange(page).filter({ hasText: /of|0 endpoints/ }).waitFor();
    await page.getByTestId('endpoints-table').locator('[aria-busy="true"]').waitFor({ state: 'detached' }).catch(() => undefined);
    const shown = await page.getByTestId('endpoint-row').evaluateAll((rows) =>
      rows.map((row) => ({ template: row.querySelector('.si-template')?.textContent ?? '', calls: Number(row.querySelector('[data-testid="endpoint-calls"]')?.textContent?.replace(/,/g, '')) })),
    );
    // Every call the seed made is gone; the page's own admin checks since are recorded apart, so nothing is in use.
    for (const e of seeded) expect(shown.find((row) => row.template === e.template)?.calls ?? 0).toBe(0);
    for (const row of shown) expect(row.calls).toBe(0);
    await tab(page, 'Overview');
    expect(await statValue(page, 'count-in-use')).toBe('0');
    await page.close();
  });
});
