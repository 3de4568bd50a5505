import { tmpdir } from 'node:os';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { REPO_ROOT, type AppUnderTest } from './app-under-test';

/** An open admin page. */
export interface OpenedPage {
  page: Page;
  /** Uncaught errors of the page. */
  errors: string[];
  /** Content Security Policy violations the page caused so far (`securitypolicyviolation` events). */
  cspViolations: () => Promise<string[]>;
}

/** Records every CSP violation of the page in `window.__cspViolations` (installed before any page script). */
export async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

/** Opens `url` in a new page and waits for the report to be on screen. */
export async function openAdminPage(browser: Browser, url: string, viewport = { width: 1280, height: 800 }): Promise<OpenedPage> {
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  // Fail a step within the test's time with Playwright's message (what it waited for).
  page.setDefaultTimeout(8000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const cspViolations = await watchCsp(page);
  await page.goto(url);
  await page.getByRole('heading', { name: 'Scope Inspector' }).waitFor({ timeout: 10_000 });
  return { page, errors, cspViolations };
}

/** Polls `read` until it returns `expected` (the DOM settles after React renders), then asserts. */
export async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!isDeepStrictEqual(last, expected) && Date.now() < deadline) {
    await new Promise((ok) => setTimeout(ok, 50));
    last = await read();
  }
  expect(last).toEqual(expected);
}

/**
 * Takes a screenshot of the real app (the fixture's would mislead): into docs/screenshots with
 * `UPDATE_SCREENSHOTS=1`, else into the temp folder, so a test run never dirties the work tree.
 */
export async function screenshot(app: AppUnderTest, page: Page, name: string, fullPage = false): Promise<void> {
  if (app.kind !== 'real') return;
  const dir = process.env.UPDATE_SCREENSHOTS ? join(REPO_ROOT, 'docs', 'screenshots') : join(tmpdir(), 'scope-inspector-screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, name), fullPage });
}

/** Selects a tab of the page by its name. */
export const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true }).click();

/** Returns the number a tile shows (`.si-stat-value`, or the `.si-num` of a heading). */
export const statValue = async (page: Page, testId: string) => (await page.getByTestId(testId).locator('.si-stat-value, .si-num').first().textContent())?.trim();

/** Picks the option whose label starts with `label` in the Atlaskit select wrapped by `testId`. */
export async function choose(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).locator('input').first().focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('option', { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
}

/** The Endpoints tab's "1–25 of N" once the page for the current filters has arrived. */
export const endpointRange = (page: Page) => page.locator('[data-testid="endpoints-range"][data-loading="false"]');

/** Answers getContext with a dark theme, as a dark Jira or Confluence would (the sandbox host always says light). */
export async function darkHost(page: Page): Promise<void> {
  await page.route('**/__bridge', async (route) => {
    const body = route.request().postDataJSON() as { name: string };
    if (body.name !== 'getContext') return route.continue();
    const response = await route.fetch();
    const answer = await response.json();
    answer.result.theme = { colorMode: 'dark' };
    return route.fulfill({ response, json: answer });
  });
}
