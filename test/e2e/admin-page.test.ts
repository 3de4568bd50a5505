import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { buildAdminPage, isAdminPageStale } from '../../scripts/build-admin-page';
import type { GetEndpointsResult, GetReportResult } from '../../src/resolvers/contract';
import { REPO_ROOT, startApp, type AppUnderTest } from './app-under-test';
import { chromiumAvailable, launchChromium } from './browser';
import { downloadBy, parseCsv } from './downloads';

const available = chromiumAvailable('the admin page browser tests (test/e2e)');

let app: AppUnderTest;
let browser: Browser;
let expected: GetReportResult;

/** Calls the app's resolver directly, as the Jira admin page would. */
const resolve = <T>(key: string, payload: unknown = {}) =>
  app.sandbox.invokeResolver('resolver', key, payload, { moduleKey: 'admin-page', context: { extension: { type: 'jira:adminPage' } } }) as Promise<T>;

// The real app records its own product calls (the admin check included), so a report can change
// after any invocation; endpoints its own page calls are told apart when comparing call counts.
const ADMIN_CHECK = /mypermissions|user\/current/;

/** Opens the admin page; `ms` is the time from navigation to the loaded report's heading. */
async function open(query = '', viewport = { width: 1280, height: 800 }): Promise<{ page: Page; errors: string[]; ms: number }> {
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  // Fail a step within the test's time with Playwright's message (what it waited for).
  page.setDefaultTimeout(8000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const started = performance.now();
  await page.goto(app.adminUrl + query);
  await page.getByRole('heading', { name: 'Scope Inspector' }).waitFor({ timeout: 10_000 });
  return { page, errors, ms: Math.round(performance.now() - started) };
}

/** Polls `read` until it returns `expected` (the DOM settles after React renders), then asserts. */
async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!isDeepStrictEqual(last, expected) && Date.now() < deadline) {
    await new Promise((ok) => setTimeout(ok, 50));
    last = await read();
  }
  expect(last).toEqual(expected);
}

/** Saves a screenshot to docs/screenshots, for the real app only (the fixture's would mislead). */
async function screenshot(page: Page, name: string): Promise<void> {
  if (app.kind !== 'real') return;
  mkdirSync(join(REPO_ROOT, 'docs', 'screenshots'), { recursive: true });
  await page.screenshot({ path: join(REPO_ROOT, 'docs', 'screenshots', name) });
}

const tab = (page: Page, name: string) => page.getByRole('tab', { name }).click();
const statValue = async (page: Page, testId: string) => (await page.getByTestId(testId).locator('.si-stat-value').textContent())?.trim();
/** The Endpoints tab's "1–25 of N" once the page for the current filters has arrived. */
const endpointRange = (page: Page) => page.locator('[data-testid="endpoints-range"][data-loading="false"]');

(available ? describe : describe.skip)('admin page in real Chromium through the real @forge/bridge', () => {
  beforeAll(async () => {
    if (isAdminPageStale()) await buildAdminPage();
    app = await startApp();
    console.log(`admin page e2e: testing the ${app.kind} app (${app.adminUrl})`);
    browser = await launchChromium();
    // Once to let the app's own admin check be recorded, then the report the page will show.
    await resolve<GetReportResult>('getReport');
    expected = await resolve<GetReportResult>('getReport');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('loads within a second and shows the seeded report’s numbers on the Overview', async () => {
    const { page, errors, ms } = await open();
    console.log(`admin page: report shown ${ms} ms after navigation started`);
    expect(ms).toBeLessThan(3000); // generous for a loaded CI machine; the 1 s is measured above
    const { scopes, runtime } = expected.report;
    expect(expected.report.scopes.declared.length).toBeGreaterThan(0);
    expect(runtime.window.daysObserved).toBeGreaterThan(0); // the seed produced traffic
    expect(await statValue(page, 'count-declared')).toBe(String(scopes.declared.length));
    expect(await statValue(page, 'count-used')).toBe(String(scopes.used.length));
    expect(await statValue(page, 'count-unused')).toBe(String(scopes.unused.length));
    expect(await statValue(page, 'count-missing')).toBe(String(scopes.missingScopes.length));
    expect(await statValue(page, 'count-replaceable')).toBe(String(scopes.replaceable.length));
    expect(await statValue(page, 'blast-declared')).toBe(expected.report.blastRadius.declared.toLocaleString('en-US'));
    expect(await statValue(page, 'blast-plan')).toBe(expected.report.blastRadius.plan.toLocaleString('en-US'));
    expect(await statValue(page, 'days-observed')).toBe(String(runtime.window.daysObserved));
    expect(await statValue(page, 'static-exercised')).toBe(runtime.staticExercised === null ? '—' : `${Math.round(runtime.staticExercised * 100)}%`);
    expect(await statValue(page, 'unresolved')).toBe(String(expected.report.unresolved.length));
    expect(await statValue(page, 'endpoint-count')).toBe(expected.endpointCount.toLocaleString('en-US'));
    const behind = runtime.installations.filter((i) => i.notGranted.length > 0);
    await eventually(() => page.getByTestId('not-granted-warning').count(), behind.length);
    for (const scope of behind.flatMap((i) => i.notGranted)) await page.getByTestId('not-granted-warning').getByText(scope).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-color-mode'))).toBe('light');
    await screenshot(page, 'admin-page.png');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists every declared, needed or granted scope and filters them by status and text', async () => {
    const { page } = await open();
    await tab(page, 'Scopes');
    const { scopes, runtime } = expected.report;
    const names = new Set([...scopes.declared.map((s) => s.name), ...scopes.missingScopes, ...runtime.installations.flatMap((i) => i.granted)]);
    const rows = page.locator('[data-testid^="scope-row-"]');
    await eventually(() => rows.count(), names.size);
    for (const name of names) await page.getByTestId(`scope-row-${name}`).waitFor();

    await page.getByLabel('Filter scopes by status').selectOption('unused');
    await eventually(() => rows.count(), scopes.unused.filter((u) => u.status === 'unused').length);
    for (const u of scopes.unused.filter((s) => s.status === 'unused')) await page.getByTestId(`scope-row-${u.name}`).waitFor();

    await page.getByLabel('Filter scopes by status').selectOption('missing');
    for (const name of scopes.missingScopes) await page.getByTestId(`scope-row-${name}`).waitFor();

    await page.getByLabel('Filter scopes by status').selectOption('');
    // Evidence: runtime calls summed over the endpoints a scope authorizes (the page's own admin check excluded: it grows).
    const endpoints = await resolve<GetEndpointsResult>('getEndpoints', { limit: 200 });
    const byKey = new Map(endpoints.items.map((e) => [e.key, e]));
    const withCalls = scopes.used
      .filter((u) => u.neededBy.every((n) => !ADMIN_CHECK.test(n)))
      .map((u) => ({ name: u.name, calls: u.neededBy.reduce((sum, n) => sum + (byKey.get(n)?.runtime?.calls ?? 0), 0) }))
      .find((u) => u.calls > 0);
    expect(withCalls).toBeDefined();
    await page.getByTestId(`scope-row-${withCalls!.name}`).getByTestId('scope-runtime').filter({ hasText: new RegExp(`^${withCalls!.calls} calls? at runtime`) }).waitFor();

    const one = scopes.declared[0].name;
    await page.getByTestId('scopes-filter-text').fill(one);
    await page.getByTestId(`scope-row-${one}`).waitFor();
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-testid')));
    expect(shown).toContain(`scope-row-${one}`);
    expect(shown.length).toBeLessThan(names.size);
    await page.getByTestId('scopes-filter-text').fill('no-such-scope-anywhere');
    await page.getByTestId('empty-state').waitFor();

    // "Show endpoints" opens the Endpoints tab filtered by the scope, as getEndpoints filters.
    await page.getByTestId('scopes-filter-text').fill('');
    const needing = await resolve<GetEndpointsResult>('getEndpoints', { text: withCalls!.name, limit: 200 });
    await page.getByRole('button', { name: `Show the endpoints that need ${withCalls!.name}` }).click();
    await expect(page.getByRole('tab', { name: 'Endpoints' }).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.getByTestId('endpoints-filter-text').inputValue()).resolves.toBe(withCalls!.name);
    await endpointRange(page).filter({ hasText: `of ${needing.total}` }).waitFor();
    await page.close();
  });

  it('pages, filters and sorts endpoints through getEndpoints', async () => {
    const { page } = await open();
    // Keyboard: the tab list moves with the arrow keys.
    await page.getByRole('tab', { name: 'Overview' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('tab', { name: 'Endpoints' }).getAttribute('aria-selected')).resolves.toBe('true');
    const rows = page.getByTestId('endpoint-row');
    await endpointRange(page).filter({ hasText: `of ${expected.endpointCount}` }).waitFor();
    await eventually(() => rows.count(), Math.min(25, expected.endpointCount));
    // Runtime calls outside the catalog are listed under the table (none: no section).
    await eventually(() => page.getByTestId('unknown-runtime-row').count(), expected.report.unknownRuntime.length);
    for (const u of expected.report.unknownRuntime) await page.getByTestId('unknown-runtime').getByText(u.shape, { exact: true }).waitFor();

    // Default sort: most calls first, as the resolver orders them.
    const calls = async () => (await page.getByTestId('endpoint-calls').allTextContents()).map((t) => Number(t.replace(/,/g, '')));
    const byCalls = await calls();
    expect(byCalls).toEqual([...byCalls].sort((a, b) => b - a));
    expect(byCalls[0]).toBeGreaterThan(0);

    // Filter by status: only the endpoints the declared scopes do not authorize.
    const missing = await resolve<GetEndpointsResult>('getEndpoints', { status: 'missing', limit: 200 });
    await page.getByLabel('Filter endpoints by status').selectOption('missing');
    await endpointRange(page).filter({ hasText: missing.total === 0 ? '0 endpoints' : `of ${missing.total}` }).waitFor();
    await eventually(() => rows.count(), Math.min(25, missing.total));
    await page.getByLabel('Filter endpoints by status').selectOption('');

    // Filter by text: a template of the seeded traffic.
    const top = (await resolve<GetEndpointsResult>('getEndpoints', { sort: 'calls', direction: 'desc', limit: 1 })).items[0];
    const byText = await resolve<GetEndpointsResult>('getEndpoints', { text: top.template, limit: 200 });
    await page.getByTestId('endpoints-filter-text').fill(top.template);
    await endpointRange(page).filter({ hasText: `of ${byText.total}` }).waitFor();
    for (const text of await rows.allTextContents()) expect(text).toContain(top.template);

    // Sort by template from the keyboard (the header's sort button), ascending.
    await page.getByTestId('endpoints-filter-text').fill('');
    await endpointRange(page).filter({ hasText: `of ${expected.endpointCount}` }).waitFor();
    const sortButton = page.locator('[data-testid="endpoints-table--head--cell"] button', { hasText: 'Template' });
    await sortButton.focus();
    await page.keyboard.press('Enter');
    const sorted = await resolve<GetEndpointsResult>('getEndpoints', { sort: 'template', direction: 'asc', limit: 25 });
    await page.waitForFunction((first) => document.querySelector('[data-testid="endpoint-row"] .si-template')?.textContent === first, sorted.items[0].template);
    const templates = await page.locator('[data-testid="endpoint-row"] .si-template').allTextContents();
    expect(templates).toEqual(sorted.items.map((e) => e.template));
    await page.close();
  });

  it('shows the plan as copyable YAML with its diff', async () => {
    const { page } = await open();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.adminUrl).origin });
    await tab(page, 'Plan');
    await expect(page.getByTestId('plan-yaml').textContent()).resolves.toBe(expected.planYaml);
    if (expected.planDiff.trim()) await expect(page.getByTestId('plan-diff').textContent()).resolves.toBe(expected.planDiff.endsWith('\n') ? expected.planDiff : `${expected.planDiff}\n`);
    await page.getByTestId('copy-plan').click();
    await page.getByTestId('copy-plan').filter({ hasText: 'Copied' }).waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(expected.planYaml);
    await page.close();
  });

  it('downloads JSON, CSV and Markdown exports that parse', async () => {
    const { page } = await open();
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
    expect(records.length).toBe(expected.endpointCount + 1);
    expect(new Set(records.map((r) => r.length)).size).toBe(1);

    const md = await downloadBy(page, 'export-markdown');
    expect(md.filename).toMatch(/\.md$/);
    expect(md.content).toMatch(/^\|\s*Scope\s*\|/m);
    for (const used of expected.report.scopes.used) expect(md.content).toContain(used.name);
    await page.close();
  });

  it('refuses export and reset to a non-admin, in the page and at the resolver', async () => {
    const { page, errors } = await open('?accountId=u-2&admin=false');
    await tab(page, 'Export');
    await page.getByTestId('not-admin-info').waitFor();
    for (const id of ['export-json', 'export-csv', 'export-markdown', 'reset']) await expect(page.getByTestId(id).isDisabled()).resolves.toBe(true);
    // The buttons are only a courtesy: the resolver itself refuses the same user.
    const answers = await page.evaluate(async () => {
      const bridge = (window as unknown as { __bridge: { callBridge: (name: string, payload: unknown) => Promise<unknown> } }).__bridge;
      return Promise.all([
        bridge.callBridge('invoke', { functionKey: 'exportUsage', payload: { format: 'json' } }),
        bridge.callBridge('invoke', { functionKey: 'resetUsage', payload: { confirm: true } }),
      ]);
    });
    for (const answer of answers) expect(answer).toMatchObject({ ok: false, code: 'NOT_ADMIN' });
    expect((await resolve<GetReportResult>('getReport')).report.runtime.window.daysObserved).toBe(expected.report.runtime.window.daysObserved);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a spinner while loading, a resolver’s known error, and an empty state', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(8000);
    let release!: () => void;
    const released = new Promise<void>((ok) => (release = ok));
    // Hold getReport until the spinner was seen, then answer as a resolver does for a known error.
    await page.route('**/__bridge', async (route) => {
      const body = route.request().postDataJSON() as { name: string; payload?: { functionKey?: string } };
      if (body.name !== 'invoke' || body.payload?.functionKey !== 'getReport') return route.continue();
      await released;
      return route.fulfill({ json: { ok: true, result: { ok: false, code: 'STORAGE_UNAVAILABLE', message: 'Forge storage did not answer.' } } });
    });
    await page.goto(app.adminUrl);
    await page.getByRole('status').filter({ hasText: 'Loading the scope report' }).waitFor();
    release();
    const error = page.getByTestId('error-message');
    await error.filter({ hasText: 'STORAGE_UNAVAILABLE' }).filter({ hasText: 'Forge storage did not answer.' }).waitFor();

    // An app with no endpoints at all: the Endpoints tab says so instead of showing an empty table.
    await page.unrouteAll();
    await page.route('**/__bridge', async (route) => {
      const body = route.request().postDataJSON() as { name: string; payload?: { functionKey?: string; payload?: { limit?: number } } };
      if (body.name !== 'invoke' || body.payload?.functionKey !== 'getEndpoints') return route.continue();
      return route.fulfill({ json: { ok: true, result: { ok: true, items: [], total: 0, offset: 0, limit: body.payload.payload?.limit ?? 50 } } });
    });
    await page.reload();
    await tab(page, 'Endpoints');
    await page.getByTestId('empty-state').filter({ hasText: 'No endpoints yet' }).waitFor();
    await expect(page.getByTestId('endpoints-range').textContent()).resolves.toBe('0 endpoints');
    await page.close();
  });

  it('fits the narrower Confluence settings frame and follows a dark host theme', async () => {
    const page = await browser.newPage({ viewport: { width: 760, height: 800 } });
    page.setDefaultTimeout(8000);
    // The sandbox host always says light; answer getContext with dark, as a dark Jira would.
    await page.route('**/__bridge', async (route) => {
      const body = route.request().postDataJSON() as { name: string };
      if (body.name !== 'getContext') return route.continue();
      const response = await route.fetch();
      const answer = await response.json();
      answer.result.theme = { colorMode: 'dark' };
      return route.fulfill({ response, json: answer });
    });
    await page.goto(app.confluenceUrl ?? app.adminUrl);
    await page.getByRole('heading', { name: 'Scope Inspector' }).waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-color-mode'))).toBe('dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r + g + b).toBeLessThan(200); // a dark surface
    for (const name of ['Overview', 'Scopes', 'Plan', 'Export', 'Endpoints']) {
      await tab(page, name);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(760);
    }
    await page.getByTestId('endpoint-row').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(760);
    await screenshot(page, 'admin-page-narrow-dark.png');
    await page.close();
  });

  it('resets usage only after confirmation, then shows no recorded calls', async () => {
    const before = await resolve<GetEndpointsResult>('getEndpoints', { sort: 'calls', direction: 'desc', limit: 200 });
    const seeded = before.items.filter((e) => (e.runtime?.calls ?? 0) > 0 && !ADMIN_CHECK.test(e.template));
    expect(seeded.length).toBeGreaterThan(0);
    const { page } = await open();
    await tab(page, 'Export');
    await page.getByTestId('reset').click();
    await page.getByTestId('reset-dialog').waitFor();
    await page.getByTestId('reset-cancel').click();
    await page.getByTestId('reset-dialog').waitFor({ state: 'detached' });
    const cancelled = await resolve<GetEndpointsResult>('getEndpoints', { text: seeded[0].template, limit: 200 });
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
