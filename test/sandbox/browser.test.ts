import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { Sandbox } from '../../local/sandbox';
import type { CustomUiHost } from '../../local/ui/custom-ui-host';
import { chromiumAvailable } from '../helpers/chromium';
import { startFixturePage, type FixturePage } from '../helpers/fixture-page';

const available = chromiumAvailable('the Custom UI browser tests');
const appDir = join(__dirname, 'fixtures', 'app');
let harness: FixturePage;
let sandbox: Sandbox;
let host: CustomUiHost;
let browser: Browser;

(available ? describe : describe.skip)('Custom UI host in real Chromium with the real @forge/bridge', () => {
  beforeAll(async () => {
    harness = await startFixturePage(appDir);
    ({ sandbox, host, browser } = harness);
  });

  afterAll(async () => {
    await harness?.close();
  });

  it.each([
    ['acc-admin', 'true', true],
    ['acc-plain', 'false', false],
  ])('runs invoke, getContext and requestJira for %s (admin=%s)', async (accountId, admin, expectedAdmin) => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(`${host.modules[0].url}?accountId=${accountId}&admin=${admin}`);
      const text = await page.locator('#result').textContent({ timeout: 10_000 });
      const result = JSON.parse(text!);
      expect(errors).toEqual([]);
      expect(result.error).toBeUndefined();
      expect(result.context).toEqual({ moduleKey: 'admin-page', type: 'jira:adminPage', accountId, siteUrl: sandbox.siteUrl });
      expect(result.whoami).toMatchObject({ moduleKey: 'admin-page', accountId, canReadJira: true });
      expect(result.amIAdmin).toBe(expectedAdmin);
      expect(result.bridgeAdmin).toBe(expectedAdmin);
      expect(result.myself).toMatchObject({ status: 200, body: { accountId } });
      expect(result.unimplemented).toContain("callBridge('getFrameDispatch')");
    } finally {
      await page.close();
    }
  });
});
