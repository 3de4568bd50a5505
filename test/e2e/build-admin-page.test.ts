import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAdminPage, GZIP_BUDGET_BYTES } from '../../scripts/build-admin-page';

describe('admin page bundle (scripts/build-admin-page.ts)', () => {
  let outDir: string;
  beforeAll(() => {
    outDir = mkdtempSync(join(tmpdir(), 'admin-page-build-'));
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('writes index.html whose assets are relative and present, and main.js within the gzip budget', async () => {
    const result = await buildAdminPage({ outDir });
    console.log(`admin page bundle: main.js ${(result.jsGzipBytes / 1024).toFixed(1)} KB gzipped (budget ${GZIP_BUDGET_BYTES / 1024} KB), built in ${result.ms} ms`);
    expect(result.jsGzipBytes).toBeLessThanOrEqual(GZIP_BUDGET_BYTES);
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((a) => !a.startsWith('data:'));
    expect(assets.sort()).toEqual(['./main.css', './main.js', './themes.css']);
    for (const asset of assets) expect(existsSync(join(outDir, asset))).toBe(true);
    expect(html).toContain('<div id="root"></div>');
    // Forge's CSP allows no inline script: the page must be one external bundle.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    // Both colour themes ship as CSS (no <style> injection at runtime).
    const themes = readFileSync(join(outDir, 'themes.css'), 'utf8');
    expect(themes).toContain('[data-color-mode="light"]');
    expect(themes).toContain('[data-color-mode="dark"]');
  }, 30_000);

  it('fails with ADMIN_PAGE_TOO_LARGE over the budget and keeps the last good build', async () => {
    const before = readFileSync(join(outDir, 'main.js'));
    await expect(buildAdminPage({ outDir, budgetBytes: 10 * 1024 })).rejects.toMatchObject({ code: 'ADMIN_PAGE_TOO_LARGE', message: expect.stringContaining('over the 10.0 KB budget') });
    expect(readFileSync(join(outDir, 'main.js')).equals(before)).toBe(true);
  }, 30_000);
});
