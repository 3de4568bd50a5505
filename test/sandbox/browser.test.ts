import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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

  it('refuses a cross-site page: its text/plain POST, its JSON POST and its copy of the bridge script run nothing', async () => {
    // A page on another origin (another port is another origin) that attacks the sandbox.
    const attacker = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<!doctype html><html><head><script src="${host.url}/__sandbox/bridge.js"></script></head><body></body></html>`);
    });
    await new Promise<void>((ok) => attacker.listen(0, '127.0.0.1', ok));
    const count = () => sandbox.invokeResolver('resolver', 'count', {}) as Promise<number>;
    const page = await browser.newPage();
    try {
      const before = await count();
      await page.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
      const body = JSON.stringify({ settings: { moduleKey: 'admin-page', accountId: 'acc-admin', admin: true }, name: 'invoke', payload: { functionKey: 'count', payload: {} } });
      const outcome = await page.evaluate(
        async ({ url, body }) => {
          const simple = await fetch(`${url}/__bridge`, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body }).then((r) => r.type, (e) => String(e));
          const json = await fetch(`${url}/__bridge`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then((r) => r.status, (e) => String(e));
          // The bridge script reads the session of the page it runs in: this page has none.
          const bridge = (window as unknown as { __bridge: { callBridge: (n: string, p: unknown) => Promise<unknown> } }).__bridge;
          const copied = await bridge.callBridge('invoke', { functionKey: 'count', payload: {} }).then(String, (e: Error) => e.message);
          return { simple, json, copied };
        },
        { url: host.url, body },
      );
      expect(outcome.simple).toBe('opaque'); // sent; the answer is hidden from the attacker, and refused below
      expect(outcome.json).toMatch(/Failed to fetch/); // the CORS preflight gets no permission
      expect(outcome.copied).not.toMatch(/^\d+$/);
      expect(await count()).toBe(before + 1);
    } finally {
      await page.close();
      await new Promise((ok) => attacker.close(ok));
    }
  });
});
