import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { parse } from 'yaml';
import { createSandbox, type Sandbox } from '../../local/sandbox';
import { startCustomUiHost, type CustomUiHost } from '../../local/ui/custom-ui-host';
import { launchChromium } from './chromium';

/** A fixture app's Custom UI page served by the sandbox host, and a Chromium to open it. */
export interface FixturePage {
  sandbox: Sandbox;
  host: CustomUiHost;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Bundles `<appDir>/ui/page.ts` with esbuild, serves it as the app's only resource through a
 * sandbox on the app's manifest.yml, and launches Chromium.
 */
export async function startFixturePage(appDir: string): Promise<FixturePage> {
  const resources = mkdtempSync(join(tmpdir(), 'fixture-page-'));
  await build({ entryPoints: [join(appDir, 'ui', 'page.ts')], bundle: true, format: 'iife', platform: 'browser', outfile: join(resources, 'page.js'), logLevel: 'silent' });
  writeFileSync(join(resources, 'index.html'), '<!doctype html><html><head><script src="./page.js" defer></script></head><body></body></html>');
  const manifest = parse(readFileSync(join(appDir, 'manifest.yml'), 'utf8'));
  manifest.resources = [{ key: 'main', path: resources }];
  const sandbox = createSandbox({ appDir, manifest });
  const host = await startCustomUiHost(sandbox);
  const browser = await launchChromium();
  return {
    sandbox,
    host,
    browser,
    close: async () => {
      await browser.close();
      await host.close();
      sandbox.close();
      rmSync(resources, { recursive: true, force: true });
    },
  };
}
