import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { parse } from 'yaml';
import { createSandbox, type Sandbox } from '../../local/sandbox';
import { startCustomUiHost, type CustomUiHost } from '../../local/ui/custom-ui-host';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) console.log(`Skipping the Custom UI browser tests: ${CHROMIUM} is absent (apt-get install chromium).`);

const appDir = join(__dirname, 'fixtures', 'app');
let resources: string;
let sandbox: Sandbox;
let host: CustomUiHost;
let browser: Browser;

(available ? describe : describe.skip)('Custom UI host in real Chromium with the real @forge/bridge', () => {
  beforeAll(async () => {
    resources = mkdtempSync(join(tmpdir(), 'sandbox-ui-'));
    await build({ entryPoints: [join(appDir, 'ui', 'page.ts')], bundle: true, format: 'iife', platform: 'browser', outfile: join(resources, 'page.js'), logLevel: 'silent' });
    writeFileSync(join(resources, 'index.html'), '<!doctype html><html><head><script src="./page.js" defer></script></head><body></body></html>');
    const manifest = parse(readFileSync(join(appDir, 'manifest.yml'), 'utf8'));
    manifest.resources = [{ key: 'main', path: resources }];
    sandbox = createSandbox({ appDir, manifest });
    host = await startCustomUiHost(sandbox);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    sandbox?.close();
    rmSync(resources, { recursive: true, force: true });
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
