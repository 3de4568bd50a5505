import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAdminPage, cssStatements, GZIP_BUDGET_BYTES, type AdminPageBuild } from '../../scripts/build-admin-page';

describe('admin page bundle (scripts/build-admin-page.ts)', () => {
  let outDir: string;
  let built: AdminPageBuild;
  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'admin-page-build-'));
    built = await buildAdminPage({ outDir });
  }, 60_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('keeps all the JavaScript the page can load, charts included, within the gzip budget, and main.js tiny', () => {
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log(`admin page bundle: ${kb(built.jsGzipBytes)} gzipped in all (budget ${kb(GZIP_BUDGET_BYTES)}), ${kb(built.initialJsGzipBytes)} before the report shows, main.js ${kb(built.mainJsGzipBytes)}; built in ${built.ms} ms`);
    expect(built.jsGzipBytes).toBeLessThanOrEqual(GZIP_BUDGET_BYTES);
    expect(built.jsGzipBytes).toBe(Object.values(built.files).reduce((a, b) => a + b, 0));
    // The charts and the lazily loaded tabs count: they are part of what the page loads.
    for (const part of ['activity-charts', 'sites-tab', 'plan-tab', 'export-tab', 'endpoints-tab', 'mount']) expect(Object.keys(built.files).some((f) => f.startsWith(`${part}-`))).toBe(true);
    // main.js only asks for the report: everything else loads beside it.
    expect(built.mainJsGzipBytes).toBeLessThan(2048);
    expect(built.initialJsGzipBytes).toBeLessThan(built.jsGzipBytes);
  });

  it('writes index.html that runs main.js as a module, preloads the page, links the styles, all by relative paths, no inline script', () => {
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((a) => !a.startsWith('data:'));
    for (const asset of assets) {
      expect(asset).toMatch(/^\.\//);
      expect(existsSync(join(outDir, asset))).toBe(true);
    }
    expect(assets).toEqual(expect.arrayContaining(['./main.js', './main.css', './themes.css']));
    expect(html).toContain('<script type="module" src="./main.js"></script>');
    expect(assets.filter((a) => a.startsWith('./mount-'))).toHaveLength(1);
    // Forge's CSP allows no inline script: every script is a file.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).toContain('<div id="root"></div>');
    const themes = readFileSync(join(outDir, 'themes.css'), 'utf8');
    expect(themes).toContain('[data-color-mode="light"]');
    expect(themes).toContain('[data-color-mode="dark"]');
  });

  it('merges the styles of every chunk into main.css once each', () => {
    const css = readFileSync(join(outDir, 'main.css'), 'utf8');
    const statements = cssStatements(css);
    expect(new Set(statements).size).toBe(statements.length);
    expect(css).toContain('.si-verdict-tile'); // the page's own
    expect(css).toMatch(/\.si-chart-svg/); // the charts' chunk
  });

  it('splits CSS into top-level statements, respecting strings and nested blocks', () => {
    expect(cssStatements('@charset "x";a{b:c}@media (x){a{b:"}"}}d{e:f}')).toEqual(['@charset "x";', 'a{b:c}', '@media (x){a{b:"}"}}', 'd{e:f}']);
  });

  it('fails with ADMIN_PAGE_TOO_LARGE over the budget and keeps the last good build', async () => {
    const before = readFileSync(join(outDir, 'main.js'));
    await expect(buildAdminPage({ outDir, budgetBytes: 10 * 1024 })).rejects.toMatchObject({ code: 'ADMIN_PAGE_TOO_LARGE', message: expect.stringContaining('over the 10.0 KB budget') });
    expect(readFileSync(join(outDir, 'main.js')).equals(before)).toBe(true);
  }, 60_000);
});

describe('admin page builds running at once (the e2e suites each rebuild a stale page)', () => {
  it('all finish, leaving one complete build and nothing beside it', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'admin-page-race-'));
    const outDir = join(parent, 'build');
    await buildAdminPage({ outDir });
    // Three more into the same folder, which already holds a build: each swaps its own in, or keeps another's.
    await Promise.all([buildAdminPage({ outDir }), buildAdminPage({ outDir }), buildAdminPage({ outDir })]);
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    for (const [, asset] of html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)) expect(existsSync(join(outDir, asset))).toBe(true);
    expect(readdirSync(parent)).toEqual(['build']);
    rmSync(parent, { recursive: true, force: true });
  }, 120_000);
});
