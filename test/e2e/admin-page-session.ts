import type { Browser } from 'playwright-core';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAdminPage, isAdminPageStale } from '../../scripts/build-admin-page';
import { buildFeaturesUi, isFeaturesUiStale } from '../../scripts/build-features-ui';
import { buildStaticAnalysis } from '../../scripts/build-static-analysis';
import type { GetReportResult } from '../../src/resolvers/contract';
import { chooseApp, REPO_ROOT, startApp, type AppUnderTest } from './app-under-test';
import { chromiumAvailable, launchChromium } from '../helpers/chromium';
import { openAdminPage, type OpenedPage } from './page-helpers';

/** True when the browser tests can run (prints why not otherwise). */
export const chromiumPresent = chromiumAvailable('the admin page browser tests (test/e2e)');

// The real app records its own product calls (the admin check included), so a report can change
// after any invocation; endpoints its own page calls are told apart when comparing call counts.
/** Templates of the endpoints the admin page's own admin check calls. */
export const ADMIN_CHECK = /mypermissions|user\/current/;

/**
 * Writes the real app's bundled static analysis (src/generated, as `npm start` builds it) when it
 * differs from this checkout's, so the page and the CLI report on the same code.
 */
async function refreshStaticAnalysis(): Promise<void> {
  const file = join(REPO_ROOT, 'src/generated/static-analysis.json');
  const text = JSON.stringify(await buildStaticAnalysis(REPO_ROOT), null, 1) + '\n';
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return;
  // Renamed into place: a suite starting in parallel never reads half a file.
  writeFileSync(`${file}.${process.pid}`, text);
  renameSync(`${file}.${process.pid}`, file);
}

/** What a suite shares: the running app, Chromium, and the report the page shows first. */
export interface AdminPageSession {
  readonly app: AppUnderTest;
  readonly browser: Browser;
  /** `getReport` as the page will first see it. */
  readonly expected: GetReportResult;
  /** Calls the app's resolver directly, as the Jira admin page would. */
  resolve<T>(key: string, payload?: unknown): Promise<T>;
  /** Opens the Jira admin page, with an optional query (`?accountId=u-2&admin=false`). */
  open(query?: string, viewport?: { width: number; height: number }): Promise<OpenedPage>;
}

/**
 * Registers beforeAll/afterAll that build the page when stale, start the app (real or fixture,
 * see app-under-test.ts) with its demo traffic and launch Chromium; returns the session.
 */
export function useAdminPageSession(): AdminPageSession {
  let app: AppUnderTest;
  let browser: Browser;
  let expected: GetReportResult;
  const session: AdminPageSession = {
    get app() {
      return app;
    },
    get browser() {
      return browser;
    },
    get expected() {
      return expected;
    },
    resolve: <T>(key: string, payload: unknown = {}) =>
      app.sandbox.invokeResolver('resolver', key, payload, { moduleKey: 'admin-page', context: { extension: { type: 'jira:adminPage' } } }) as Promise<T>,
    open: (query = '', viewport?: { width: number; height: number }) => openAdminPage(browser, app.adminUrl + query, viewport),
  };
  beforeAll(async () => {
    if (isAdminPageStale()) await buildAdminPage();
    if (isFeaturesUiStale()) await buildFeaturesUi();
    if (chooseApp() === 'real') await refreshStaticAnalysis();
    app = await startApp();
    console.log(`admin page e2e: testing the ${app.kind} app (${app.adminUrl})`);
    browser = await launchChromium();
    // Once to let the app's own admin check be recorded, then the report the page will show.
    await session.resolve<GetReportResult>('getReport');
    expected = await session.resolve<GetReportResult>('getReport');
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  return session;
}
