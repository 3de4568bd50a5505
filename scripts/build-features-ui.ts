/**
 * Bundles the small Custom UI of the issue panel and byline item (static/features) with esbuild.
 *
 *   tsx scripts/build-features-ui.ts
 */
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { featureGatesOff, themesCss } from './build-admin-page';

const ROOT = resolve(__dirname, '..');
const OUT = join(ROOT, 'static/features/build');

/** Returns true when the build is missing or older than its sources or this script. */
export function isFeaturesUiStale(): boolean {
  const html = join(OUT, 'index.html');
  if (!existsSync(html) || !existsSync(join(OUT, 'features.css'))) return true;
  const src = join(ROOT, 'static/features/src');
  const newest = Math.max(statSync(__filename).mtimeMs, ...readdirSync(src).map((f) => statSync(join(src, f)).mtimeMs));
  return newest > statSync(html).mtimeMs;
}

/** Builds static/features/build: index.html, main.js, themes.css (Atlaskit's light and dark tokens) and features.css. */
export async function buildFeaturesUi(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await build({
    entryPoints: [join(ROOT, 'static/features/src/index.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    outfile: join(OUT, 'main.js'),
    define: { 'process.env.NODE_ENV': '"production"' },
    // As on the admin page: inside Custom UI the gate client is never initialised, and asking it only logs a warning.
    plugins: [featureGatesOff],
    logLevel: 'warning',
  });
  writeFileSync(join(OUT, 'themes.css'), themesCss(['atlassian-light', 'atlassian-dark', 'atlassian-typography']));
  copyFileSync(join(ROOT, 'static/features/src/features.css'), join(OUT, 'features.css'));
  // Styles as linked files only: Forge's Custom UI CSP (style-src 'self') refuses inline <style>.
  writeFileSync(
    join(OUT, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
      '<title>Scope Inspector</title><link rel="stylesheet" href="./themes.css"><link rel="stylesheet" href="./features.css"></head>' +
      '<body><div id="root"><p class="si-loading">Loading…</p></div><script src="./main.js"></script></body></html>\n',
  );
}

if (require.main === module) {
  buildFeaturesUi().then(
    () => console.log(`built ${OUT}`),
    (error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
