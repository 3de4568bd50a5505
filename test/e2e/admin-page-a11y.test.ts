import { readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { ADMIN_PAGE_BUILD } from '../../scripts/build-admin-page';
import { axeViolations, severe, type AxeViolation } from './axe';
import { chromiumPresent, useAdminPageSession } from './admin-page-session';
import { darkHost, tab, watchCsp } from './page-helpers';

const TABS = ['Overview', 'Scopes', 'Endpoints', 'Egress', 'Sites', 'Plan', 'Export'];
const MODES = [
  { name: 'light', width: 1280, dark: false },
  { name: 'dark', width: 1280, dark: true },
  { name: '700 px wide', width: 700, dark: false },
];

(chromiumPresent ? describe : describe.skip)('admin page accessibility (axe-core) and Forge CSP, in real Chromium', () => {
  const s = useAdminPageSession();

  /** Runs axe on every tab and on the scope detail; returns the violations by view. */
  async function auditEveryView(page: Page): Promise<Record<string, AxeViolation[]>> {
    const found: Record<string, AxeViolation[]> = {};
    for (const name of TABS) {
      await tab(page, name);
      await page.getByRole('tabpanel').locator('.si-panel > *:not(.si-loading)').first().waitFor();
      if (name === 'Overview') await page.getByTestId('chart-calls').locator('svg').waitFor();
      if (name === 'Endpoints') await page.getByTestId('endpoint-row').first().waitFor();
      // The whole page once (header, tab list, confidence), then each tab's own panel.
      found[name] = await axeViolations(page, name === 'Overview' ? undefined : '[role="tabpanel"]:not([hidden])');
    }
    await tab(page, 'Scopes');
    await page.getByTestId('scope-open').first().click();
    await page.getByTestId('scope-detail').waitFor();
    found['scope detail'] = await axeViolations(page, '[data-testid="scope-detail"]');
    return found;
  }

  it.each(MODES)('has no serious or critical axe violation on any tab or the scope detail ($name)', async ({ width, dark }) => {
    const page = await s.browser.newPage({ viewport: { width, height: 900 } });
    page.setDefaultTimeout(8000);
    const csp = await watchCsp(page);
    if (dark) await darkHost(page);
    const loaded: string[] = [];
    page.on('response', (r) => r.url().endsWith('.js') && loaded.push(r.url().slice(r.url().lastIndexOf('/') + 1)));
    await page.goto(s.app.adminUrl);
    await page.getByRole('heading', { name: 'Scope Inspector' }).waitFor({ timeout: 10_000 });
    const found = await auditEveryView(page);
    const all = Object.entries(found).flatMap(([view, list]) => list.map((v) => `${view}: ${v.impact} ${v.id} (${v.help}) at ${v.targets.slice(0, 3).join(', ')}`));
    if (all.length) console.log(`axe (${width} px${dark ? ', dark' : ''}):\n  ${all.join('\n  ')}`);
    expect(Object.values(found).flatMap(severe)).toEqual([]);
    expect(await csp()).toEqual([]);
    // The size budget leaves out library chunks the page never loads: it indeed loads none of them.
    const neverLoaded = readdirSync(ADMIN_PAGE_BUILD).filter((f) => /^(body|custom-theme|iframe-resizer)-.*\.js$/.test(f));
    expect(neverLoaded).toHaveLength(3);
    expect(loaded.filter((f) => neverLoaded.includes(f))).toEqual([]);
    await page.close();
  });

  it('styles the issue panel and byline item with Atlaskit tokens, under Forge’s CSP, without a violation or a console warning', async () => {
    const modules = s.app.host.modules.filter((m) => m.type === 'jira:issuePanel' || m.type === 'confluence:contentBylineItem');
    expect(modules.length).toBe(s.app.kind === 'real' ? 2 : modules.length);
    for (const m of modules) {
      const page = await s.browser.newPage({ viewport: { width: 400, height: 300 } });
      const csp = await watchCsp(page);
      const console: string[] = [];
      // Every warning or error the page logs: a CSP refusal, Atlaskit's feature-gate client, a 404 (the browser's own favicon request included).
      page.on('console', (msg) => (msg.type() === 'error' || msg.type() === 'warning') && console.push(`${msg.text()} (${msg.location().url})`));
      await page.goto(m.url);
      await page.locator('#root p:not(.si-loading)').first().waitFor();
      const style = await page.evaluate(() => ({
        font: getComputedStyle(document.body).fontFamily,
        tokens: getComputedStyle(document.documentElement).getPropertyValue('--ds-text').trim(),
        mode: document.documentElement.getAttribute('data-color-mode'),
      }));
      expect(style.tokens).not.toBe(''); // the token theme is loaded
      expect(style.mode).toBe('light');
      expect(style.font).not.toMatch(/^"?Times/); // not the browser's default font
      expect(await csp()).toEqual([]);
      expect(console).toEqual([]);
      expect(severe(await axeViolations(page))).toEqual([]);
      await page.close();
    }
  });
});
