/**
 * Bundles the small Custom UI of the issue panel and byline item (static/features) with esbuild.
 *
 *   tsx scripts/build-features-ui.ts
 */
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const OUT = join(ROOT, 'static/features/build');

/** Builds static/features/build (index.html + main.js). */
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
    logLevel: 'warning',
  });
  writeFileSync(
    join(OUT, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
      '<title>Scope Inspector</title><style>body{font:14px/1.4 -apple-system,BlinkMacSystemFont,"Segoe UI",sans-serif;margin:8px}</style></head>' +
      '<body><div id="root"><p>Loading…</p></div><script src="./main.js"></script></body></html>\n',
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
