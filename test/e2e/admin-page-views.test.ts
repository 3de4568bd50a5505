import type { GetEndpointsResult, GetReportResult } from '../../src/resolvers/contract';
import { VERDICTS } from '../../src/analysis/verdict-types';
import { confidenceOf } from '../../src/report/confidence';
import { moduleLabel } from '../../src/report/module-label';
import { chromiumPresent, useAdminPageSession } from './admin-page-session';
import { choose, darkHost, endpointRange, eventually, screenshot, statValue, tab } from './page-helpers';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

(chromiumPresent ? describe : describe.skip)('admin page views in real Chromium through the real @forge/bridge', () => {
  const s = useAdminPageSession();

  it("shows the seeded report's verdicts, what needs action, its figures and the window's confidence on the Overview", async () => {
    const { page, errors, cspViolations } = await s.open();
    const { scopes, runtime } = s.expected.report;
    expect(runtime.window.daysObserved).toBeGreaterThan(0); // the seed produced traffic
    expect(await statValue(page, 'count-declared')).toBe(String(scopes.declared.length));
    for (const verdict of VERDICTS) expect(await statValue(page, `count-${verdict}`)).toBe(String(scopes.details.filter((d) => d.verdict === verdict).length));
    expect(await statValue(page, 'blast-declared')).toBe(s.expected.report.blastRadius.declared.toLocaleString('en-US'));
    expect(await statValue(page, 'blast-plan')).toBe(s.expected.report.blastRadius.plan.toLocaleString('en-US'));
    expect(await statValue(page, 'days-observed')).toBe(String(runtime.window.daysObserved));
    expect(await statValue(page, 'static-exercised')).toBe(runtime.staticExercised === null ? '—' : `${Math.round(runtime.staticExercised * 100)}%`);
    expect(await statValue(page, 'unresolved')).toBe(String(s.expected.report.unresolved.length));
    expect(await statValue(page, 'endpoint-count')).toBe(s.expected.endpointCount.toLocaleString('en-US'));
    // The window (90 days by default) and how far its evidence goes, in the one sentence every surface uses.
    expect(runtime.window.days).toBe(90);
    await expect(page.getByTestId('confidence').textContent()).resolves.toContain(confidenceOf(s.expected.report).text);
    // Needs action now: each site that has not granted a scope, with its refused calls, and each failing operation.
    const behind = runtime.installations.filter((i) => i.notGranted.length > 0);
    expect(behind.length).toBeGreaterThan(0);
    for (const i of behind) await page.getByTestId('action-item').filter({ hasText: `Site ${i.installation}` }).filter({ hasText: `${i.scopeMismatch401} calls refused (401)` }).waitFor();
    const failing = s.expected.report.endpoints.filter((e) => e.runtime && e.runtime.status['2xx'] + e.runtime.status['3xx'] < e.runtime.calls);
    for (const e of failing) await page.getByTestId('action-item').filter({ hasText: e.key }).waitFor();
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-color-mode'))).toBe('light');
    // The charts load after the verdicts; each reads as a table with the very numbers of the report.
    await page.getByTestId('chart-calls').locator('svg').waitFor();
    await screenshot(s.app, page, 'admin-page.png', true);
    await page.getByTestId('chart-calls-table-toggle').click();
    const rows = await page.getByTestId('chart-calls-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => Number(td.textContent!.replace(/,/g, '')))));
    expect(sum(rows.flat())).toBe(sum(s.expected.report.activity.calls));
    expect(sum(s.expected.report.activity.calls)).toBe(sum(s.expected.report.endpoints.map((e) => e.runtime?.calls ?? 0)));
    await page.getByTestId('chart-coverage-table-toggle').click();
    const coverage = await page.getByTestId('chart-coverage-table').locator('tbody tr td').allTextContents();
    expect(coverage.map(Number)).toEqual([scopes.declared.length, scopes.used.length, scopes.details.filter((d) => d.verdict === 'in-use').length]);
    expect(errors).toEqual([]);
    expect(await cspViolations()).toEqual([]);
    await page.close();
  });

  it('opens the matching filtered list from every verdict tile, and the right tab from each action', async () => {
    const { page } = await s.open();
    const rows = page.locator('[data-testid^="scope-row-"]');
    for (const verdict of VERDICTS) {
      await tab(page, 'Overview');
      await page.getByTestId(`count-${verdict}`).click();
      await expect(page.getByRole('tab', { name: 'Scopes' }).getAttribute('aria-selected')).resolves.toBe('true');
      const expected = s.expected.report.scopes.details.filter((d) => d.verdict === verdict);
      await eventually(() => rows.count(), expected.length);
      for (const d of expected) await page.getByTestId(`scope-row-${d.scope}`).waitFor();
    }
    await tab(page, 'Overview');
    await page.getByTestId('action-item').filter({ hasText: 'has not granted' }).getByRole('button', { name: 'Open Sites' }).click();
    await page.getByTestId('sites-table').waitFor();
    await tab(page, 'Overview');
    const failing = s.expected.report.endpoints.find((e) => e.runtime?.scopeMismatch401)!;
    await page.getByTestId('action-item').filter({ hasText: failing.key }).getByRole('button').click();
    await expect(page.getByTestId('endpoints-filter-text').inputValue()).resolves.toBe(failing.template);
    await page.close();
  });

  it('lists every scope attention first, filters by verdict, text and feature, and opens its detail with the removal impact', async () => {
    const { page, cspViolations } = await s.open();
    await tab(page, 'Scopes');
    const { scopes, runtime } = s.expected.report;
    const names = new Set([...scopes.details.map((d) => d.scope), ...runtime.installations.flatMap((i) => i.granted)]);
    const rows = page.locator('[data-testid^="scope-row-"]');
    await eventually(() => rows.count(), names.size);
    // Attention first: the worst verdict leads (here the scope a site has not granted).
    const statuses = await page.getByTestId('scope-status').evaluateAll((els) => els.map((el) => el.getAttribute('data-status')));
    const rank = (v: string | null) => [...VERDICTS, 'granted-only'].indexOf(v as never);
    expect(statuses.map(rank)).toEqual([...statuses.map(rank)].sort((a, b) => a - b));

    await choose(page, 'scopes-filter-status', 'In use');
    await eventually(() => rows.count(), scopes.details.filter((d) => d.verdict === 'in-use').length);
    await choose(page, 'scopes-filter-status', 'Any verdict');
    // A feature (manifest module) finds the scopes it relies on, by the Atlaskit select or by its name.
    const panel = scopes.details.flatMap((d) => d.modules).find((m) => m.type === 'jira:issuePanel')!;
    const relying = scopes.details.filter((d) => d.modules.some((m) => m.key === panel.key));
    expect(relying.length).toBeGreaterThan(0);
    await choose(page, 'scopes-filter-module', moduleLabel(panel));
    await eventually(() => rows.count(), relying.length);
    await choose(page, 'scopes-filter-module', 'Any feature');
    await page.getByTestId('scopes-filter-text').fill(panel.title!);
    await eventually(() => rows.count(), relying.length);
    await page.getByTestId('scopes-filter-text').fill('no-such-scope-anywhere');
    await page.getByTestId('empty-state').waitFor();
    await page.getByTestId('scopes-filter-text').fill('');

    // The detail of the scope a site refused: its verdict and reasons, features, what removing it stops, its operations.
    const refused = scopes.details.find((d) => d.verdict === 'not-granted')!;
    await page.getByTestId(`scope-row-${refused.scope}`).getByTestId('scope-open').click();
    const detail = page.getByTestId('scope-detail');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('si-detail-heading');
    await detail.getByTestId('detail-modules').getByText(moduleLabel(refused.modules[0])).waitFor();
    const breaking = refused.reasons.filter((r) => r.removalBreaks);
    expect(breaking.length).toBeGreaterThan(0);
    for (const r of breaking) await detail.getByTestId('detail-impact').getByText(`${r.modules!.map((k) => moduleLabel(refused.modules.find((m) => m.key === k)!)).join(', ')} → ${r.operation}`).waitFor();
    await detail.getByTestId('detail-runtime').filter({ hasText: `${refused.calls} calls in the window, ${refused.failures} calls failed` }).waitFor();
    await expect(detail.getByTestId('detail-endpoints').locator('tbody tr').count()).resolves.toBe(new Set(refused.reasons.flatMap((r) => (r.operation ? [r.operation] : []))).size);
    await screenshot(s.app, page, 'admin-page-scope-detail.png');
    // From the detail to the Endpoints tab, filtered by the scope as getEndpoints filters.
    const needing = await s.resolve<GetEndpointsResult>('getEndpoints', { text: refused.scope, limit: 200 });
    await detail.getByRole('button', { name: 'Open these in the Endpoints tab' }).click();
    await expect(page.getByTestId('endpoints-filter-text').inputValue()).resolves.toBe(refused.scope);
    await endpointRange(page).filter({ hasText: `of ${needing.total}` }).waitFor();
    await tab(page, 'Scopes');
    await page.getByTestId('scope-detail').getByRole('heading', { level: 2 }).focus();
    await page.keyboard.press('Escape');
    await page.getByTestId('scope-detail').waitFor({ state: 'detached' });
    // Focus goes back to the scope that opened the detail.
    await expect(page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-testid'))).resolves.toBe(`scope-row-${refused.scope}`);
    expect(await cspViolations()).toEqual([]);
    await page.close();
  });

  it('pages, filters and sorts endpoints as getEndpoints does', async () => {
    const { page } = await s.open();
    // Keyboard: the tab list moves with the arrow keys.
    await page.getByRole('tab', { name: 'Overview' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('tab', { name: 'Endpoints' }).getAttribute('aria-selected')).resolves.toBe('true');
    const rows = page.getByTestId('endpoint-row');
    await endpointRange(page).filter({ hasText: `of ${s.expected.endpointCount}` }).waitFor();
    await eventually(() => rows.count(), Math.min(25, s.expected.endpointCount));
    await eventually(() => page.getByTestId('unknown-runtime-row').count(), s.expected.report.unknownRuntime.length);

    const calls = async () => (await page.getByTestId('endpoint-calls').allTextContents()).map((t) => Number(t.replace(/,/g, '')));
    const byCalls = await calls();
    expect(byCalls).toEqual([...byCalls].sort((a, b) => b - a));
    expect(byCalls[0]).toBeGreaterThan(0);

    const mismatch = await s.resolve<GetEndpointsResult>('getEndpoints', { status: 'mismatch', limit: 200 });
    await choose(page, 'endpoints-filter-status', 'Refused (401');
    await endpointRange(page).filter({ hasText: mismatch.total === 0 ? '0 endpoints' : `of ${mismatch.total}` }).waitFor();
    await eventually(() => rows.count(), Math.min(25, mismatch.total));
    await choose(page, 'endpoints-filter-status', 'Any status');

    const top = (await s.resolve<GetEndpointsResult>('getEndpoints', { sort: 'calls', direction: 'desc', limit: 1 })).items[0];
    const byText = await s.resolve<GetEndpointsResult>('getEndpoints', { text: top.template, limit: 200 });
    await page.getByTestId('endpoints-filter-text').fill(top.template);
    await endpointRange(page).filter({ hasText: `of ${byText.total}` }).waitFor();
    for (const text of await rows.allTextContents()) expect(text).toContain(top.template);

    await page.getByTestId('endpoints-filter-text').fill('');
    await endpointRange(page).filter({ hasText: `of ${s.expected.endpointCount}` }).waitFor();
    const sortButton = page.locator('[data-testid="endpoints-table--head--cell"] button', { hasText: 'Template' });
    await sortButton.focus();
    await page.keyboard.press('Enter');
    const sorted = await s.resolve<GetEndpointsResult>('getEndpoints', { sort: 'template', direction: 'asc', limit: 25 });
    await page.waitForFunction((first) => document.querySelector('[data-testid="endpoint-row"] .si-template')?.textContent === first, sorted.items[0].template);
    expect(await page.locator('[data-testid="endpoint-row"] .si-template').allTextContents()).toEqual(sorted.items.map((e) => e.template));
    await page.close();
  });

  it('shows each site: version, grants, lag, what its admin must approve, what fails there, refused calls', async () => {
    const { page } = await s.open();
    await tab(page, 'Sites');
    const { installations } = s.expected.report.runtime;
    await eventually(() => page.getByTestId('site-row').count(), installations.length);
    for (const i of installations) {
      const row = page.locator(`[data-testid="site-row"][data-installation="${i.installation}"]`);
      await expect(row.getByTestId('site-upgrade').textContent()).resolves.toBe(i.upgrade!.summary);
      for (const need of i.unauthorizedNeeds) await row.getByTestId('site-fails').getByText(need, { exact: true }).waitFor();
      if (i.scopeMismatch401) await row.getByTestId('site-calls').getByText(`${i.scopeMismatch401} calls refused (401)`).waitFor();
      if (i.notGranted.length) await row.getByTestId('site-lag').getByText(`runs ${i.appVersion}, deployed ${s.expected.deployedVersion}`, { exact: false }).waitFor();
    }
    await page.getByTestId('not-granted-warning').waitFor();
    await page.close();
  });

  it('shows the plan with what applying it costs, as copyable YAML with its diff', async () => {
    const { page } = await s.open();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(s.app.adminUrl).origin });
    await tab(page, 'Plan');
    const { plan } = s.expected.report;
    await page.getByTestId('plan-cost').getByText(plan.cost.summary).waitFor();
    if (plan.cost.withoutApproval) await expect(page.getByTestId('plan-without-approval').textContent()).resolves.toBe(plan.cost.withoutApproval.summary);
    await expect(page.getByTestId('plan-yaml').textContent()).resolves.toBe(s.expected.planYaml);
    for (const r of s.expected.report.scopes.replaceable) {
      const replacement = plan.replacements.find((x) => x.classic === r.classic)!;
      await page.getByTestId('plan-replacements').getByText(`operations authorized ${replacement.authorizedBefore} → ${replacement.authorizedAfter}`).waitFor();
      expect(s.expected.planDiff).toContain(`-    - ${r.classic}`);
    }
    if (s.expected.planDiff.trim()) await expect(page.getByTestId('plan-diff').textContent()).resolves.toBe(s.expected.planDiff.endsWith('\n') ? s.expected.planDiff : `${s.expected.planDiff}\n`);
    await page.getByTestId('copy-plan').click();
    await page.getByTestId('copy-plan').filter({ hasText: 'Copied' }).waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(s.expected.planYaml);
    await page.close();
  });

  it('asks the resolver for the report of the window chosen, and says so', async () => {
    const { page } = await s.open();
    const asked: unknown[] = [];
    page.on('request', (r) => {
      const body = r.postDataJSON() as { name?: string; payload?: { functionKey?: string; payload?: { window?: unknown } } } | null;
      if (body?.name === 'invoke' && body.payload?.functionKey === 'getReport') asked.push(body.payload.payload?.window);
    });
    const snapshot = page.getByTestId('snapshot-time');
    await expect(snapshot.getAttribute('data-window')).resolves.toBe('90');
    await choose(page, 'window-select', 'Last 7 days');
    await page.locator('[data-testid="snapshot-time"][data-window="7"]').waitFor();
    const week = await s.resolve<GetReportResult>('getReport', { window: 7 });
    await expect(page.getByTestId('confidence').textContent()).resolves.toContain(confidenceOf(week.report).text);
    expect(confidenceOf(week.report).text).toContain('Choose the 90-day window');
    await choose(page, 'window-select', 'All recorded usage');
    await page.locator('[data-testid="snapshot-time"][data-window="all"]').waitFor();
    expect(asked).toEqual([7, 'all']);
    await page.close();
  });

  it('shows a spinner while loading, a resolver’s known error, and an empty state', async () => {
    const page = await s.browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(8000);
    let release!: () => void;
    const released = new Promise<void>((ok) => (release = ok));
    await page.route('**/__bridge', async (route) => {
      const body = route.request().postDataJSON() as { name: string; payload?: { functionKey?: string } };
      if (body.name !== 'invoke' || body.payload?.functionKey !== 'getReport') return route.continue();
      await released;
      return route.fulfill({ json: { ok: true, result: { ok: false, code: 'STORAGE_UNAVAILABLE', message: 'Forge storage did not answer.' } } });
    });
    await page.goto(s.app.adminUrl);
    await page.getByRole('status').filter({ hasText: 'Loading the scope report' }).waitFor();
    release();
    await page.getByTestId('error-message').filter({ hasText: 'STORAGE_UNAVAILABLE' }).filter({ hasText: 'Forge storage did not answer.' }).waitFor();

    await page.unrouteAll();
    await page.route('**/__bridge', async (route) => {
      const body = route.request().postDataJSON() as { name: string; payload?: { functionKey?: string } };
      if (body.name !== 'invoke' || body.payload?.functionKey !== 'getReport') return route.continue();
      const response = await route.fetch();
      const answer = await response.json();
      answer.result.report.endpoints = [];
      answer.result.endpointCount = 0;
      return route.fulfill({ response, json: answer });
    });
    await page.reload();
    await tab(page, 'Endpoints');
    await page.getByTestId('empty-state').filter({ hasText: 'No endpoints yet' }).waitFor();
    await expect(page.getByTestId('endpoints-range').textContent()).resolves.toBe('0 endpoints');
    await page.close();
  });

  it.each([
    [700, false],
    [1280, true],
    [1600, true],
  ])('keeps the Scopes table readable at %i px (detail open: %s): no column squeezed below its longest path segment, nothing cut off', async (width, withDetail) => {
    const { page } = await s.open(undefined, { width, height: 900 });
    await tab(page, 'Scopes');
    const scope = s.expected.report.scopes.details.find((d) => d.reasons.some((r) => r.operation))!.scope;
    if (withDetail) await page.getByTestId(`scope-row-${scope}`).getByTestId('scope-open').click();
    await page.getByTestId(`scope-row-${scope}`).waitFor();
    const layout = await page.evaluate(() => {
      const t = document.querySelector('[data-testid^="scope-row-"]')!.closest('table')!;
      const heads = [...t.querySelectorAll('thead th')].map((th) => Math.round(th.getBoundingClientRect().width));
      // Every code element of "What needs it" is no wider than its cell: no segment runs out of the column.
      const cells = [...t.querySelectorAll('tbody tr')].map((tr) => tr.querySelectorAll('td')[4]);
      const overflowing = cells.filter((td) => [...td.querySelectorAll('code')].some((c) => c.getBoundingClientRect().right > td.getBoundingClientRect().right + 1)).length;
      const scroller = t.closest('.si-table-scroll')!;
      return { heads, overflowing, clipped: scroller.scrollWidth > scroller.clientWidth + 1 };
    });
    // "What needs it" holds `/rest/api/3/issue/{issueIdOrKey}/comment`: never narrower than a couple of its segments.
    expect(layout.heads[4]).toBeGreaterThanOrEqual(200);
    expect(layout.overflowing).toBe(0);
    expect(layout.clipped).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.close();
  });

  it('fits the narrower Confluence settings frame and follows a dark host theme', async () => {
    const page = await s.browser.newPage({ viewport: { width: 760, height: 800 } });
    page.setDefaultTimeout(8000);
    await darkHost(page);
    await page.goto(s.app.confluenceUrl ?? s.app.adminUrl);
    await page.getByRole('heading', { name: 'Scope Inspector' }).waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-color-mode'))).toBe('dark');
    const [r, g, b] = (await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).match(/\d+/g)!.map(Number);
    expect(r + g + b).toBeLessThan(200); // a dark surface
    for (const name of ['Overview', 'Scopes', 'Sites', 'Plan', 'Export', 'Endpoints']) {
      await tab(page, name);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(760);
    }
    await page.getByTestId('endpoint-row').first().waitFor();
    await tab(page, 'Overview');
    await page.getByTestId('chart-calls').locator('svg').waitFor();
    await screenshot(s.app, page, 'admin-page-narrow-dark.png', true);
    await page.close();
  });
});

