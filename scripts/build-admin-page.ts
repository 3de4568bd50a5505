/**
 * Bundles the admin page (static/admin-page/src) for Forge Custom UI into static/admin-page/build:
 * index.html, main.js, main.css and themes.css, all referenced by relative paths because Forge
 * serves a resource from a path of its own choosing. Fails when main.js exceeds its gzip budget.
 *
 *   tsx scripts/build-admin-page.ts [--if-stale] [--quiet] [--analyze]
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile, type Plugin } from 'esbuild';
import { ScopeInspectorError } from '../src/errors';

const ROOT = resolve(__dirname, '..');
/** Where the page's source lives. */
export const ADMIN_PAGE_SRC = join(ROOT, 'static', 'admin-page', 'src');
/** Where the built page goes (the manifest's `resources` path). */
export const ADMIN_PAGE_BUILD = join(ROOT, 'static', 'admin-page', 'build');
/** Gzipped size budget of main.js (issue 6: ≤ 300 KB). */
export const GZIP_BUDGET_BYTES = 300 * 1024;

// Atlaskit themes the page can switch between; bundled as CSS because Forge's CSP blocks the
// <style> elements setGlobalTheme would inject (see static/admin-page/src/theme.ts).
const THEMES = ['atlassian-light', 'atlassian-dark', 'atlassian-spacing', 'atlassian-typography', 'atlassian-shape'];

const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Scope Inspector</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="./themes.css" />
    <link rel="stylesheet" href="./main.css" />
    <script src="./main.js" defer></script>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

/** Sizes of the built files, in bytes. */
export interface AdminPageBuild {
  jsBytes: number;
  jsGzipBytes: number;
  cssGzipBytes: number;
  ms: number;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Returns true when the build is missing or older than the page's source or this script. */
export function isAdminPageStale(): boolean {
  const js = join(ADMIN_PAGE_BUILD, 'main.js');
  if (!existsSync(js) || !existsSync(join(ADMIN_PAGE_BUILD, 'index.html'))) return true;
  // The page also bundles one small file of the core (scope kinds); types alone do not count.
  const inputs = [newestMtime(ADMIN_PAGE_SRC), statSync(__filename).mtimeMs, statSync(join(ROOT, 'src', 'catalog', 'scope-kind.ts')).mtimeMs];
  return Math.max(...inputs) > statSync(js).mtimeMs;
}

/**
 * Replaces Atlaskit's map of lazily imported theme modules (every theme, ~290 KB) with one that
 * answers empty CSS: the themes the page uses are already linked from themes.css, and without
 * code splitting esbuild would otherwise inline every theme into main.js.
 */
const staticThemes: Plugin = {
  name: 'static-themes',
  setup(b) {
    b.onLoad({ filter: /@atlaskit[\\/]tokens[\\/]dist[\\/]esm[\\/]artifacts[\\/]theme-import-map\.js$/ }, () => ({
      contents: "const themeImportMap = new Proxy({}, { get: () => () => Promise.resolve({ default: '' }) }); export { themeImportMap }; export default themeImportMap;",
      loader: 'js',
    }));
  },
};

function themesCss(): string {
  return THEMES.map((name) => (require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${name}.js`) as { default: string }).default).join('\n');
}

/** Options of `buildAdminPage`. */
export interface BuildOptions {
  /** Output folder (default static/admin-page/build). */
  outDir?: string;
  /** Gzipped main.js budget in bytes (default `GZIP_BUDGET_BYTES`). */
  budgetBytes?: number;
  /** Print the packages that weigh most in main.js. */
  analyze?: boolean;
}

/** Builds the admin page; returns its sizes; throws `ADMIN_PAGE_TOO_LARGE` over the gzip budget. */
export async function buildAdminPage(options: BuildOptions = {}): Promise<AdminPageBuild> {
  const finalDir = options.outDir ?? ADMIN_PAGE_BUILD;
  const budget = options.budgetBytes ?? GZIP_BUDGET_BYTES;
  // Built beside the target and swapped in at the end, so a page served meanwhile (npm start,
  // a test) never sees a half-written build, and concurrent builds never mix files.
  const outDir = `${finalDir}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(outDir, { recursive: true });
  try {
    return await buildInto(outDir, finalDir, budget, options.analyze);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

async function buildInto(outDir: string, finalDir: string, budget: number, analyze = false): Promise<AdminPageBuild> {
  const started = performance.now();
  const built = await build({
    metafile: analyze,
    entryPoints: { main: join(ADMIN_PAGE_SRC, 'index.tsx') },
    outdir: outDir,
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome111', 'firefox115', 'safari16'],
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.svg': 'dataurl', '.png': 'dataurl', '.woff2': 'dataurl' },
    legalComments: 'none',
    plugins: [staticThemes],
    logLevel: 'warning',
  });
  if (built.metafile) console.log(largestPackages(built.metafile));
  writeFileSync(join(outDir, 'themes.css'), themesCss());
  writeFileSync(join(outDir, 'index.html'), INDEX_HTML);
  const js = readFileSync(join(outDir, 'main.js'));
  const css = Buffer.concat([readFileSync(join(outDir, 'main.css')), readFileSync(join(outDir, 'themes.css'))]);
  const result = { jsBytes: js.length, jsGzipBytes: gzipSync(js).length, cssGzipBytes: gzipSync(css).length, ms: Math.round(performance.now() - started) };
  if (result.jsGzipBytes > budget) {
    throw new ScopeInspectorError('ADMIN_PAGE_TOO_LARGE', `${join(finalDir, 'main.js')} is ${kb(result.jsGzipBytes)} gzipped, over the ${kb(budget)} budget`);
  }
  rmSync(finalDir, { recursive: true, force: true });
  try {
    renameSync(outDir, finalDir);
  } catch (error) {
    // Another build of the same sources swapped its output in first: keep that one.
    if (!['ENOTEMPTY', 'EEXIST'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  }
  return result;
}

/** Returns the 20 packages that put the most bytes into main.js (`--analyze`). */
function largestPackages(metafile: Metafile): string {
  const bytes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [file, input] of Object.entries(output.inputs)) {
      const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? 'static/admin-page/src';
      bytes.set(name, (bytes.get(name) ?? 0) + input.bytesInOutput);
    }
  }
  return [...bytes].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([name, n]) => `${kb(n).padStart(9)}  ${name}`).join('\n');
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args.includes('--if-stale') && !isAdminPageStale()) {
    if (!args.includes('--quiet')) console.log('admin page: build is up to date');
  } else {
    buildAdminPage({ analyze: args.includes('--analyze') }).then(
      (r) => console.log(`admin page: main.js ${kb(r.jsBytes)} (${kb(r.jsGzipBytes)} gzipped, budget ${kb(GZIP_BUDGET_BYTES)}), CSS ${kb(r.cssGzipBytes)} gzipped, built in ${r.ms} ms`),
      (error: Error) => {
        console.error(error.message);
        process.exitCode = 1;
      },
    );
  }
}
