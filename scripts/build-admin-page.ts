/**
 * Bundles the admin page (static/admin-page/src) for Forge Custom UI into static/admin-page/build:
 * index.html, main.js (an ES module that asks for the report at once, then loads the page),
 * the chunks beside it (`mount-*.js`: the page; its lazily loaded tabs and charts; shared parts), main.css and themes.css, all referenced
 * by relative paths because Forge serves a resource from a path of its own choosing. Fails when
 * the JavaScript the page can load exceeds its gzip budget.
 *
 *   tsx scripts/build-admin-page.ts [--if-stale] [--quiet] [--analyze]
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile, type Plugin } from 'esbuild';
import { ScopeInspectorError } from '../src/errors';

const ROOT = resolve(__dirname, '..');
/** Where the page's source lives. */
export const ADMIN_PAGE_SRC = join(ROOT, 'static', 'admin-page', 'src');
/** Where the built page goes (the manifest's `resources` path). */
export const ADMIN_PAGE_BUILD = join(ROOT, 'static', 'admin-page', 'build');
/** Gzipped size budget of all the JavaScript the page loads: main.js and every chunk it can load, charts included (issues 6 and 11: ≤ 300 KB). */
export const GZIP_BUDGET_BYTES = 300 * 1024;

/**
 * Library code behind dynamic imports the page never triggers, left out of the budget (a test
 * checks that the page never fetches them): dynamic-table's drag-and-drop body (tables are never
 * rankable), Atlaskit's custom-theme generator (the themes are fixed CSS), and the iframe resizer
 * of @forge/bridge's ADF renderer (the page renders no ADF).
 */
export const NEVER_LOADED = [/@atlaskit[\\/]dynamic-table[\\/].*rankable[\\/]body\.js$/, /@atlaskit[\\/]tokens[\\/].*custom-theme\.js$/, /node_modules[\\/]iframe-resizer[\\/]/];

// Atlaskit themes the page can switch between; bundled as CSS because Forge's CSP blocks the
// <style> elements setGlobalTheme would inject (see static/admin-page/src/theme.ts).
const THEMES = ['atlassian-light', 'atlassian-dark', 'atlassian-spacing', 'atlassian-typography', 'atlassian-shape'];

/** Returns index.html: main.js first (it asks for the report), the page's chunks preloaded in parallel. */
function indexHtml(preload: readonly string[]): string {
  const links = preload.map((file) => `\n    <link rel="modulepreload" href="./${file}" />`).join('');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Scope Inspector</title>
    <link rel="icon" href="data:," />
    <script type="module" src="./main.js"></script>${links}
    <link rel="stylesheet" href="./themes.css" />
    <link rel="stylesheet" href="./main.css" />
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;
}

/** Sizes of the built files, in bytes. */
export interface AdminPageBuild {
  /** All the JavaScript the page can load (main.js and its chunks, lazy tabs and charts included; `NEVER_LOADED` excluded): what the budget limits. */
  jsBytes: number;
  jsGzipBytes: number;
  /** What loads before the report can show: main.js and the chunks index.html preloads. */
  initialJsGzipBytes: number;
  /** main.js alone: what runs before the first bridge call. */
  mainJsGzipBytes: number;
  cssGzipBytes: number;
  /** Gzipped size of each JavaScript file the page can load, by path in the build. */
  files: Record<string, number>;
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

/** Folders and files of the core the page bundles (renderers' helpers: verdict words, labels, confidence, the endpoint query). */
const CORE_INPUTS = ['src/report', 'src/analysis', 'src/catalog/scope-kind.ts', 'src/resolvers/endpoint-query.ts'];

/** Returns true when the build is missing or older than the page's source, the core files it bundles, or this script. */
export function isAdminPageStale(): boolean {
  const js = join(ADMIN_PAGE_BUILD, 'main.js');
  if (!existsSync(js) || !existsSync(join(ADMIN_PAGE_BUILD, 'index.html'))) return true;
  const mtime = (path: string) => (statSync(path).isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  const inputs = [newestMtime(ADMIN_PAGE_SRC), statSync(__filename).mtimeMs, ...CORE_INPUTS.map((p) => mtime(join(ROOT, p)))];
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

/**
 * Answers `@atlaskit/feature-gate-js-client` with every gate off: inside Custom UI its Statsig
 * client is never initialised, so every flag already reads as off (with a console warning), and
 * the client weighs ~35 KB gzipped.
 */
export const featureGatesOff: Plugin = {
  name: 'feature-gates-off',
  setup(b) {
    b.onResolve({ filter: /^@atlaskit\/feature-gate-js-client(\/.*)?$/ }, () => ({ path: 'feature-gates', namespace: 'feature-gates-off' }));
    b.onLoad({ filter: /.*/, namespace: 'feature-gates-off' }, () => ({
      contents: 'const gates = { checkGate: () => false, getExperimentValue: (_e, _p, fallback) => fallback, initializeCompleted: () => false }; export default gates;',
      loader: 'js',
    }));
  },
};

/**
 * Swaps react-scrolllock's `withLockSheet` (inside @atlaskit/modal-dialog: it stops the page
 * scrolling behind the reset dialog) for static/admin-page/src/scroll-lock-sheet.tsx: the original
 * adds a `<style>` element, which Forge's `style-src 'self'` refuses; the stand-in sets the same
 * body styles through the CSSOM, which the policy allows.
 */
const cspCleanScrollLock: Plugin = {
  name: 'csp-clean-scroll-lock',
  setup(b) {
    b.onResolve({ filter: /^\.\/withLockSheet$/ }, (args) =>
      /[\\/]react-scrolllock[\\/]/.test(args.importer) ? { path: join(ADMIN_PAGE_SRC, 'scroll-lock-sheet.tsx') } : undefined,
    );
  },
};

/** Returns Atlaskit's theme CSS (design tokens as CSS variables) for the given themes, the page's by default. */
export function themesCss(themes: readonly string[] = THEMES): string {
  return themes.map((name) => (require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${name}.js`) as { default: string }).default).join('\n');
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
  const outDir = `${finalDir}.tmp-${process.pid}-${randomUUID().slice(0, 8)}`;
  mkdirSync(outDir, { recursive: true });
  try {
    return await buildInto(outDir, finalDir, budget, options.analyze);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The JavaScript outputs the page loads: at first (main.js, its imports, and the chunks it loads at once), and in all. */
function loadGraph(metafile: Metafile, outDir: string): { initial: string[]; all: string[] } {
  const outputs = metafile.outputs;
  const key = (file: string) => Object.keys(outputs).find((k) => resolve(k) === resolve(outDir, file))!;
  const neverLoaded = (path: string) => NEVER_LOADED.some((re) => re.test(outputs[path]?.entryPoint ?? ''));
  const walk = (start: string[], follow: (kind: string) => boolean): Set<string> => {
    const seen = new Set<string>();
    const queue = [...start];
    while (queue.length) {
      const next = queue.pop()!;
      if (seen.has(next) || neverLoaded(next)) continue;
      seen.add(next);
      for (const i of outputs[next]?.imports ?? []) if (i.path.endsWith('.js') && follow(i.kind)) queue.push(i.path);
    }
    return seen;
  };
  const main = key('main.js');
  // main.js loads the page (./mount) at once: that chunk and what it imports are preloaded.
  const mount = Object.keys(outputs).find((k) => outputs[k].entryPoint?.endsWith('mount.tsx'));
  const initial = walk(mount ? [main, mount] : [main], (kind) => kind === 'import-statement');
  const all = walk([main], () => true);
  const rel = (k: string) => relative(outDir, resolve(k)).split('\\').join('/');
  return { initial: [...initial].map(rel).sort(), all: [...all].map(rel).sort() };
}

/** Returns the top-level statements of minified CSS (rules, at-rule blocks, `@import …;`), strings and nesting respected. */
export function cssStatements(css: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (c === '"' || c === "'") {
      for (i++; i < css.length && css[i] !== c; i++) if (css[i] === '\\') i++;
    } else if (c === '{') depth++;
    else if (c === '}' || (c === ';' && depth === 0)) {
      if (c === '}') depth--;
      if (depth === 0) {
        const statement = css.slice(start, i + 1).trim();
        if (statement) out.push(statement);
        start = i + 1;
      }
    }
  }
  const rest = css.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

/**
 * Merges every CSS output into main.css, one stylesheet linked from index.html (no injection under
 * Forge's CSP). esbuild writes one CSS file per lazily loaded chunk, each repeating the styles of
 * the components it shares with others; a statement seen before is left out.
 */
function mergeCss(metafile: Metafile, outDir: string): void {
  const css = Object.keys(metafile.outputs).filter((k) => k.endsWith('.css')).map((k) => resolve(k));
  const main = resolve(outDir, 'main.css');
  const ordered = [...css.filter((f) => f === main), ...css.filter((f) => f !== main).sort()];
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const f of ordered) {
    for (const statement of cssStatements(readFileSync(f, 'utf8'))) {
      if (seen.has(statement)) continue;
      seen.add(statement);
      kept.push(statement);
    }
    rmSync(f, { force: true });
  }
  writeFileSync(main, kept.join('\n') + '\n');
}

async function buildInto(outDir: string, finalDir: string, budget: number, analyze = false): Promise<AdminPageBuild> {
  const started = performance.now();
  const built = await build({
    metafile: true,
    entryPoints: { main: join(ADMIN_PAGE_SRC, 'index.tsx') },
    outdir: outDir,
    entryNames: '[name]',
    // Flat, beside main.js: `scope-inspector init` copies the build's files into other apps as they are.
    chunkNames: '[name]-[hash]',
    bundle: true,
    minify: true,
    // ES modules with splitting: main.js stays small and asks for the report before the page's
    // code (React, Atlaskit) is parsed; tabs and charts load when first shown.
    format: 'esm',
    splitting: true,
    platform: 'browser',
    target: ['chrome111', 'firefox115', 'safari16'],
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.svg': 'dataurl', '.png': 'dataurl', '.woff2': 'dataurl' },
    legalComments: 'none',
    plugins: [staticThemes, featureGatesOff, cspCleanScrollLock],
    logLevel: 'warning',
  });
  const metafile = built.metafile!;
  if (analyze) console.log(largestPackages(metafile));
  mergeCss(metafile, outDir);
  const graph = loadGraph(metafile, outDir);
  writeFileSync(join(outDir, 'themes.css'), themesCss());
  writeFileSync(join(outDir, 'index.html'), indexHtml(graph.initial.filter((f) => f !== 'main.js')));
  const files: Record<string, number> = {};
  let jsBytes = 0;
  for (const f of graph.all) {
    const bytes = readFileSync(join(outDir, f));
    jsBytes += bytes.length;
    files[f] = gzipSync(bytes).length;
  }
  const sum = (list: string[]) => list.reduce((n, f) => n + files[f], 0);
  const css = Buffer.concat([readFileSync(join(outDir, 'main.css')), readFileSync(join(outDir, 'themes.css'))]);
  const result: AdminPageBuild = {
    jsBytes,
    jsGzipBytes: sum(graph.all),
    initialJsGzipBytes: sum(graph.initial),
    mainJsGzipBytes: files['main.js'],
    cssGzipBytes: gzipSync(css).length,
    files,
    ms: Math.round(performance.now() - started),
  };
  if (result.jsGzipBytes > budget) {
    throw new ScopeInspectorError('ADMIN_PAGE_TOO_LARGE', `${finalDir}: the page's JavaScript (main.js and its ${graph.all.length - 1} chunks) is ${kb(result.jsGzipBytes)} gzipped, over the ${kb(budget)} budget`);
  }
  // Swapped by renames only (each atomic): the e2e suites build in parallel when the page is
  // stale, and a recursive delete of the target raced another build's rename into it (ENOTEMPTY).
  const old = `${finalDir}.old-${process.pid}-${randomUUID().slice(0, 8)}`;
  try {
    renameSync(finalDir, old);
  } catch (error) {
    // No previous build, or another build moved it away first.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  try {
    renameSync(outDir, finalDir);
  } catch (error) {
    // Another build of the same sources swapped its output in first: keep that one.
    if (!['ENOTEMPTY', 'EEXIST'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    rmSync(old, { recursive: true, force: true });
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
      (r) =>
        console.log(
          `admin page: JavaScript ${kb(r.jsBytes)} (${kb(r.jsGzipBytes)} gzipped, budget ${kb(GZIP_BUDGET_BYTES)}; main.js ${kb(r.mainJsGzipBytes)}, ` +
            `${kb(r.initialJsGzipBytes)} before the report shows), CSS ${kb(r.cssGzipBytes)} gzipped, built in ${r.ms} ms`,
        ),
      (error: Error) => {
        console.error(error.message);
        process.exitCode = 1;
      },
    );
  }
}
