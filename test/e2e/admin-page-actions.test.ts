import type { GetEndpointsResult, GetReportResult } from '../../src/resolvers/contract';
import { ADMIN_CHECK, chromiumPresent, useAdminPageSession } from './admin-page-session';
import { downloadBy, parseCsv } from './downloads';
import { endpointRange, tab } from './page-helpers';

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

  it('resets usage only after confirmation, then shows no recorded calls', async () => {
    const before = await s.resolve<GetEndpointsResult>('getEndpoints', { sort: 'calls', direction: 'desc', limit: 200 });
    const seeded = before.items.filter((e) => (e.runtime?.calls ?? 0) > 0 && !ADMIN_CHECK.test(e.template));
    expect(seeded.length).toBeGreaterThan(0);
    const { page } = await s.open();
    await tab(page, 'Export');
    await page.getByTestId('reset').click();
    await page.getByTestId('reset-dialog').waitFor();
    await page.getByTestId('reset-cancel').click();
    await page.getByTestId('reset-dialog').waitFor({ state: 'detached' });
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
    // Every call the seed made is gone; only the page's own admin checks since the reset remain.
    for (const e of seeded) expect(shown.find((row) => row.template === e.template)?.calls ?? 0).toBe(0);
    for (const row of shown.filter((r) => !ADMIN_CHECK.test(r.template))) expect(row.calls).toBe(0);
    await page.close();
  });
});
