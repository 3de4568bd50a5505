/** The Custom UI entry point bundles for the browser: no Node built-ins, no eval. */
import { join } from 'node:path';
import { build } from 'esbuild';

/** Bundles the Custom UI recorder for the browser, in memory (with code splitting when asked). */
const bundle = (splitting = false) =>
  build({ entryPoints: [join(__dirname, '../../src/recorder/browser.ts')], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent', metafile: true, ...(splitting ? { splitting, outdir: join(__dirname, 'out') } : {}) });

it('bundles src/recorder/browser.ts for the browser without Node built-ins or eval', async () => {
  const result = await bundle();
  const inputs = Object.keys(result.metafile!.inputs);
  expect(inputs.some((i) => i.includes('src/store/') || i.includes('async_hooks') || i.startsWith('node:'))).toBe(false);
  const code = result.outputFiles[0].text;
  expect(code).toContain('scope-inspector.record-bridge-usage');
  expect(code).not.toMatch(/\bnew Function\(|\beval\(/);
}, 30_000);

it('keeps the GraphQL parser in a chunk of its own, loaded only when a page calls a GraphQL surface (the scanner reads documents with the same module)', async () => {
  const result = await bundle(true);
  const outputs = Object.entries(result.metafile!.outputs);
  const parserIn = (inputs: Record<string, unknown>) => Object.keys(inputs).some((i) => i.includes('graphql/language/parser'));
  const entry = outputs.find(([, o]) => o.entryPoint === 'src/recorder/browser.ts')!;
  expect(parserIn(entry[1].inputs)).toBe(false);
  expect(entry[1].inputs).toEqual(expect.objectContaining({ 'src/usage/graphql-summary.ts': expect.anything() }));
  // The dynamic import is an entry of its own: the parser's chunk.
  expect(outputs.filter(([, o]) => o !== entry[1] && parserIn(o.inputs)).map(([, o]) => o.entryPoint)).toEqual(['node_modules/graphql/language/parser.js']);
}, 30_000);
