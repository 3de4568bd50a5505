/**
 * Size of the Custom UI recorder (`src/recorder/browser.ts`) as a browser bundle, minified and
 * gzipped, in one file and with code splitting (`npx tsx bench/recorder-bundle.ts`): the GraphQL
 * parser is imported dynamically, so a splitting bundler gives it a chunk of its own, loaded
 * only when a page calls requestTeamworkGraph.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

async function main() {
  for (const splitting of [false, true]) {
    const result = await build({ entryPoints: ['src/recorder/browser.ts'], bundle: true, platform: 'browser', format: 'esm', write: false, minify: true, splitting, outdir: 'bench/.results/recorder-bundle', logLevel: 'silent' });
    const files = result.outputFiles.map((f) => ({ file: f.path.split('/').pop(), bytes: f.contents.length, gzipped: gzipSync(f.contents).length }));
    console.log(splitting ? 'with code splitting' : 'one file');
    console.table(files);
  }
}

void main();
