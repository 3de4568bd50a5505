/**
 * Bundles the CLI into dist/cli/ with esbuild: main.js (every command, each loaded when it runs)
 * and, beside it, the two files the scanner starts by path (scan-worker.js on worker threads,
 * isolated-scan-child.js in a child process). One file instead of ~200 saves the CLI's module
 * resolution on every start, and bin/scope-inspector.js runs it through V8's code cache
 * (src/cli/compile-cache.ts); docs/benchmarks.md, "CLI start", has the figures. The library entry
 * points (dist/src, with their .d.ts) stay tsc's output.
 *
 *   tsx scripts/build-cli.ts        (part of `npm run build`, after tsc)
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';

const ROOT = resolve(__dirname, '..');
/** Where the bundle goes; `__dirname` inside it, so the worker and child files must sit here too. */
export const CLI_BUILD = join(ROOT, 'dist', 'cli');

/**
 * Left to Node's own `require` at run time: native bindings (oxc), files read beside a package
 * (@forge/manifest's JSON, found through `require.resolve`), a parser loaded only when a GraphQL
 * surface is found, and tsx (only when running from TypeScript sources).
 */
const EXTERNAL = ['oxc-parser', '@oxc-parser/*', '@forge/manifest', 'graphql', 'tsx', 'better-sqlite3'];

/** Builds {main,scan-worker,isolated-scan-child}.js into `outdir` (dist/cli by default). */
export function buildCli(outdir = CLI_BUILD): void {
  rmSync(outdir, { recursive: true, force: true });
  buildSync({
    entryPoints: { main: join(ROOT, 'src/cli/main.ts'), 'scan-worker': join(ROOT, 'src/scan/scan-worker.ts'), 'isolated-scan-child': join(ROOT, 'src/scan/isolated-scan-child.ts') },
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // jsonc-parser's `main` is a UMD build whose inner requires esbuild cannot follow; its ESM build bundles.
    mainFields: ['module', 'main'],
    external: EXTERNAL,
    legalComments: 'none',
    logLevel: 'warning',
    // forge-knowledge.ts requires files inside @forge/manifest by computed path, on purpose.
    logOverride: { 'unsupported-require-call': 'silent' },
  });
  // The code cache is keyed by this id (src/cli/compile-cache.ts): no hashing of 1.4 MB on every start.
  const main = join(outdir, 'main.js');
  const code = readFileSync(main, 'utf8');
  writeFileSync(main, `// build ${createHash('sha1').update(code).digest('hex')}\n${code}`);
}

if (require.main === module) buildCli();
