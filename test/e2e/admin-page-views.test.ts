import type { GetEndpointsResult } from '../../src/resolvers/contract';
import { VERDICTS } from '../../src/analysis/verdict-types';
import { chromiumPresent, useAdminPageSession } from './admin-page-session';
import { endpointRange, eventually, screenshot, statValue, tab } from './page-helpers';

(chromiumPresent ? describe : describe.skip)('admin page views in real Chromium through the real @forge/bridge', () => {
  const s = useAdminPageSession();

  it('loads within a second and shows the seeded report’s numbers on the Overview', async () => {
    const { page, errors, ms } = await s.open();
    console.log(`admin page: report shown ${ms} ms after navigation started`);
    expect(ms).toBeLessThan(3000); // generous for a loaded CI machine; the 1 s is measured above
    const { scopes, runtime } = s.expected.report;
    expect(s.expected.report.scopes.declared.length).toBeGreaterThan(0);
    expect(runtime.window.daysObserved).toBeGreaterThan(0); // the seed produced traffic
    expect(await statValue(page, 'count-declared')).toBe(String(scopes.declared.length));
    for (const verdict of VERDICTS) expect(await statValue(page, `count-${verdict}`)).toBe(String(scopes.details.filter((d) => d.verdict === verdict).length));
    expect(await statValue(page, 'count-replaceable')).toBe(String(scopes.replaceable.length));
    expect(await statValue(page, 'blast-declared')).toBe(s.expected.report.blastRadius.declared.toLocaleString('en-US'));
    expect(await statValue(page, 'blast-plan')).toBe(s.expected.report.blastRadius.plan.toLocaleString('en-US'));
    expect(await statValue(page, 'days-observed')).toBe(String(runtime.window.daysObserved));
    expect(await statValue(page, 'static-exercised')).toBe(runtime.staticExercised === null ? '—' : `${Math.round(runtime.staticExercised * 100)}%`);
    expect(await statValue(page, 'unresolved')).toBe(String(s.expected.report.unresolved.length));
    expect(await statValue(page, 'endpoint-count')).toBe(s.expected.endpointCount.toLocaleString('en-US'));
    const behind = runtime.installations.filter((i) => i.notGranted.length > 0);
    await eventually(() => page.getByTestId('not-granted-warning').count(), behind.length);
    for (const scope of behind.flatMap((i) => i.notGranted)) await page.getByTestId('not-granted-warning').getByText(scope).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-color-mode'))).toBe('light');
    await screenshot(s.app, page, 'admin-page.png');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists every declared, needed or granted scope and filters them by status and text', async () => {
    const { page } = await s.open();
    await tab(page, 'Scopes');
    const { scopes, runtime } = s.expected.report;
    const names = new Set([...scopes.details.map((d) => d.scope), ...runtime.installations.flatMap((i) => i.granted)]);
    const rows = page.locator('[data-testid^="scope-row-"]');
    await eventually(() => rows.count(), names.size);
    for (const name of names) await page.getByTestId(`scope-row-${name}`).waitFor();

    for (const verdict of ['in-use', 'code-only', 'not-granted'] as const) {
      await page.getByLabel('Filter scopes by status').selectOption(verdict);
      const expected = scopes.details.filter((d) => d.verdict === verdict);
      await eventually(() => rows.count(), expected.length);
      for (const d of expected) await page.getByTestId(`scope-row-${d.scope}`).waitFor();
    }

    await page.getByLabel('Filter scopes by status').selectOption('');
    // Evidence: the detail's runtime calls, as the report computed them.
    const withCalls = scopes.details.find((d) => d.calls > 0 && d.verdict === 'in-use');
    expect(withCalls).toBeDefined();
    await page.getByTestId(`scope-row-${withCalls!.scope}`).getByTestId('scope-runtime').filter({ hasText: new RegExp(`^${withCalls!.calls} calls? at runtime`) }).waitFor();
    // A scope whose every call failed is never green: it says failing.
    const refused = scopes.details.find((d) => d.calls > 0 && d.failures === d.calls);
    expect(refused).toBeDefined();
    await page.getByTestId(`scope-row-${refused!.scope}`).getByText('failing').waitFor();

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
    const needing = await s.resolve<GetEndpointsResult>('getEndpoints', { text: withCalls!.scope, limit: 200 });
    await page.getByRole('button', { name: `Show the endpoints that need ${withCalls!.scope}` }).click();
    await expect(page.getByRole('tab', { name: 'Endpoints' }).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.getByTestId('endpoints-filter-text').inputValue()).resolves.toBe(withCalls!.scope);
    await endpointRange(page).filter({ hasText: `of ${needing.total}` }).waitFor();
    await page.close();
  });

  it('pages, filters and sorts endpoints through getEndpoints', async () => {
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
    // Runtime calls outside the catalog are listed under the table (none: no section).
    await eventually(() => page.getByTestId('unknown-runtime-row').count(), s.expected.report.unknownRuntime.length);
    for (const u of s.expected.report.unknownRuntime) await page.getByTestId('unknown-runtime').getByText(u.shape, { exact: true }).waitFor();

    // Default sort: most calls first, as the resolver orders them.
    const calls = async () => (await page.getByTestId('endpoint-calls').allTextContents()).map((t) => Number(t.replace(/,/g, '')));
    const byCalls = await calls();
    expect(byCalls).toEqual([...byCalls].sort((a, b) => b - a));
    expect(byCalls[0]).toBeGreaterThan(0);

    // Filter by status: only the endpoints the declared scopes do not authorize.
    const missing = await s.resolve<GetEndpointsResult>('getEndpoints', { status: 'missing', limit: 200 });
    await page.getByLabel('Filter endpoints by status').selectOption('missing');
    await endpointRange(page).filter({ hasText: missing.total === 0 ? '0 endpoints' : `of ${missing.total}` }).waitFor();
    await eventually(() => rows.count(), Math.min(25, missing.total));
    await page.getByLabel('Filter endpoints by status').selectOption('');

    // Filter by text: a template of the seeded traffic.
    const top = (await s.resolve<GetEndpointsResult>('getEndpoints', { sort: 'calls', direction: 'desc', limit: 1 })).items[0];
    const byText = await s.resolve<GetEndpointsResult>('getEndpoints', { text: top.template, limit: 200 });
    await page.getByTestId('endpoints-filter-text').fill(top.template);
    await endpointRange(page).filter({ hasText: `of ${byText.total}` }).waitFor();
    for (const text of await rows.allTextContents()) expect(text).toContain(top.template);

    // Sort by template from the keyboard (the header's sort button), ascending.
    await page.getByTestId('endpoints-filter-text').fill('');
    await endpointRange(page).filter({ hasText: `of ${s.expected.endpointCount}` }).waitFor();
    const sortButton = page.locator('[data-testid="endpoints-table--head--cell"] button', { hasText: 'Template' });
    await sortButton.focus();
    await page.keyboard.press('Enter');
    const sorted = await s.resolve<GetEndpointsResult>('getEndpoints', { sort: 'template', direction: 'asc', limit: 25 });
    await page.waitForFunction((first) => document.querySelector('[data-testid="endpoint-row"] .si-template')?.textContent === first, sorted.items[0].template);
    const templates = await page.locator('[data-testid="endpoint-row"] .si-template').allTextContents();
    expect(templates).toEqual(sorted.items.map((e) => e.template));
    await page.close();
  });

  it('shows the plan as copyable YAML with its diff', async () => {
    const { page } = await s.open();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(s.app.adminUrl).origin });
    await tab(page, 'Plan');
    await expect(page.getByTestId('plan-yaml').textContent()).resolves.toBe(s.expected.planYaml);
    // A replaceable classic scope is replaced by the plan, with the change in operations authorized.
    for (const r of s.expected.report.scopes.replaceable) {
      const replacement = s.expected.report.plan.replacements.find((x) => x.classic === r.classic)!;
      await page.getByTestId('plan-replacements').getByText(`operations authorized ${replacement.authorizedBefore} → ${replacement.authorizedAfter}`).waitFor();
      expect(s.expected.planDiff).toContain(`-    - ${r.classic}`);
    }
    if (s.expected.planDiff.trim()) await expect(page.getByTestId('plan-diff').textContent()).resolves.toBe(s.expected.planDiff.endsWith('\n') ? s.expected.planDiff : `${s.expected.planDiff}\n`);
    await page.getByTestId('copy-plan').click();
    await page.getByTestId('copy-plan').filter({ hasText: 'Copied' }).waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(s.expected.planYaml);
    await page.close();
  });

  it('shows a spinner while loading, a resolver’s known error, and an empty state', async () => {
    const page = await s.browser.newPage({ viewport: { width: 1280, height: 800 } });
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
    await page.goto(s.app.adminUrl);
    await page.getByRole('status').filter({ hasText: 'Loading the scope report' }).waitFor();
    release();
    const error = page.getByTestId('error-message');
    await error.filter({ hasText: 'STORAGE_UNAVAILABLE' }).filter({ hasText: 'Forge storage did not answer.' }).waitFor();

    // An app with no endpoints at all: the Endpoints tab says so instead of showing an empty table.
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

  it('fits the narrower Confluence settings frame and follows a dark host theme', async () => {
    const page = await s.browser.newPage({ viewport: { width: 760, height: 800 } });
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
    await page.goto(s.app.confluenceUrl ?? s.app.adminUrl);
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
    await screenshot(s.app, page, 'admin-page-narrow-dark.png');
    await page.close();
  });
});
