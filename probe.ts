import { startApp } from './test/e2e/app-under-test';
import { launchChromium } from './test/helpers/chromium';
(async () => {
  const app = await startApp('real');
  const browser = await launchChromium();
  for (let i = 0; i < 4; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const reqs: string[] = [];
    const t0 = Date.now();
    page.on('request', (r) => reqs.push(`${Date.now() - t0} req ${r.url().replace(/.*\//, '')} ${r.postData()?.slice(0, 80) ?? ''}`));
    page.on('requestfinished', (r) => reqs.push(`${Date.now() - t0} done ${r.url().replace(/.*\//, '')}`));
    await page.goto(app.adminUrl);
    await page.getByRole('heading', { name: 'Scope Inspector' }).waitFor();
    console.log('shown', Date.now() - t0);
    if (i === 3) console.log(reqs.join('\n'));
    await page.close();
  }
  await browser.close(); await app.close();
})();
