/**
 * `scope-inspector init` on the Confluence, Bitbucket and cross-product sample apps (test/fixtures/init-apps): wired, audited,
 * run in the sandbox, their calls checked on their new admin page in Chromium, undone byte for byte.
 */
import type { Browser } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../helpers/chromium';
import { ensureAdminPageBuild, verifySampleApp } from './helpers/sample-app-flow';
import { createWorkspace } from './helpers/sample-apps';

const available = chromiumAvailable('the init sample-app tests (test/init)');
const APPS = ['confluence-macro-js', 'bitbucket-merge-check-ts', 'release-notes-ts'];

(available ? describe : describe.skip)('scope-inspector init on sample Confluence, Bitbucket and cross-product apps', () => {
  let workspace: Awaited<ReturnType<typeof createWorkspace>>;
  let browser: Browser;
  beforeAll(async () => {
    await ensureAdminPageBuild();
    workspace = await createWorkspace();
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    workspace?.remove();
  });

  it.each(APPS)('%s: wired, clean audit, runs in the sandbox, calls on its admin page, undone byte for byte', (name) => verifySampleApp(name, workspace, browser), 60_000);
});
