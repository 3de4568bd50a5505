/**
 * Time from navigation to the report on screen, for the admin page served by the local sandbox
 * (the real app, its demo traffic, Forge's CSP), in real Chromium: a fresh browser context per
 * run (cold cache), one warm-up, then the median of `--runs` (default 10). Also when main.js
 * arrived and when the first bridge call started (the page asks for the report as soon as its
 * first script runs), and how much JavaScript the build makes it load.
 *
 *   npx tsx bench/admin-page-load.ts [--runs 10]
 */
import { buildAdminPage, isAdminPageStale } from '../scripts/build-admin-page';
import { startApp } from '../test/e2e/app-under-test';
import { launchChromium } from '../test/helpers/chromium';
import { fmt, median } from './stats';

interface Sample {
  mainJs: number;
  firstBridgeCall: number;
  reportShown: number;
}

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 10;

async function main(): Promise<void> {
  if (isAdminPageStale()) await buildAdminPage();
  const app = await startApp('real');
  const browser = await launchChromium();
  const samples: Sample[] = [];
  try {
    for (let i = 0; i <= runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      // Notes the moment the verdict tiles (the report's numbers) are in the DOM, before any page script runs.
      await page.addInitScript(() => {
        const w = window as unknown as { __shownAt?: number };
        new MutationObserver((_m, observer) => {
          if (document.querySelector('[data-testid="count-in-use"]')) {
            w.__shownAt = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(app.adminUrl);
      await page.waitForFunction(() => (window as unknown as { __shownAt?: number }).__shownAt !== undefined, undefined, { timeout: 15_000 });
      const sample = await page.evaluate(() => {
        const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        return {
          mainJs: resources.find((r) => r.name.endsWith('/main.js'))?.responseEnd ?? NaN,
          firstBridgeCall: Math.min(...resources.filter((r) => r.name.endsWith('/__bridge')).map((r) => r.startTime)),
          reportShown: (window as unknown as { __shownAt: number }).__shownAt,
        };
      });
      if (i > 0) samples.push(sample); // the first run warms the sandbox and the disk cache
      await context.close();
    }
  } finally {
    await browser.close();
    await app.close();
  }
  const m = (key: keyof Sample) => fmt(median(samples.map((s) => s[key])));
  console.log(`admin page in the sandbox, ${runs} cold loads in Chromium (medians, ms after navigation start):`);
  console.log(`  main.js received     ${m('mainJs').padStart(6)}`);
  console.log(`  first bridge call    ${m('firstBridgeCall').padStart(6)}`);
  console.log(`  report on screen     ${m('reportShown').padStart(6)}   (goal ≤ 1,000; min ${fmt(Math.min(...samples.map((s) => s.reportShown)))}, max ${fmt(Math.max(...samples.map((s) => s.reportShown)))})`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
