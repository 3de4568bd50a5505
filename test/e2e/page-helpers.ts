import { tmpdir } from 'node:os';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { REPO_ROOT, type AppUnderTest } from './app-under-test';

/** An open admin page; `ms` is the time from navigation to the loaded report's heading. */
export interface OpenedPage {
  page: Page;
  /** Uncaught errors of the page. */
  errors: string[];
  ms: number;
}

/** Opens `url` in a new page and waits for the report to be on screen. */
export async function openAdminPage(browser: Browser, url: string, viewport = { width: 1280, height: 800 }): Promise<OpenedPage> {
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  // Fail a step within the test's time with Playwright's message (what it waited for).
  page.setDefaultTimeout(8000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const started = performance.now();
  await page.goto(url);
  await page.getByRole('heading', { name: 'Scope Inspector' }).waitFor({ timeout: 10_000 });
  return { page, errors, ms: Math.round(performance.now() - started) };
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
export async function screenshot(app: AppUnderTest, page: Page, name: string): Promise<void> {
  if (app.kind !== 'real') return;
  const dir = process.env.UPDATE_SCREENSHOTS ? join(REPO_ROOT, 'docs', 'screenshots') : join(tmpdir(), 'scope-inspector-screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, name) });
}

/** Selects a tab of the page by its name. */
export const tab = (page: Page, name: string) => page.getByRole('tab', { name }).click();

/** Returns the number an Overview tile shows. */
export const statValue = async (page: Page, testId: string) => (await page.getByTestId(testId).locator('.si-stat-value').textContent())?.trim();

/** The Endpoints tab's "1–25 of N" once the page for the current filters has arrived. */
export const endpointRange = (page: Page) => page.locator('[data-testid="endpoints-range"][data-loading="false"]');
