/** The Custom UI entry point bundles for the browser: no Node built-ins, no eval. */
import { join } from 'node:path';
import { build } from 'esbuild';

it('bundles src/recorder/browser.ts for the browser without Node built-ins or eval', async () => {
  const result = await build({
    entryPoints: [join(__dirname, '../../src/recorder/browser.ts')],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
    metafile: true,
  });
  const inputs = Object.keys(result.metafile!.inputs);
  expect(inputs.some((i) => i.includes('src/store/') || i.includes('async_hooks') || i.startsWith('node:'))).toBe(false);
  const code = result.outputFiles[0].text;
  expect(code).toContain('scope-inspector.record-bridge-usage');
  expect(code).not.toMatch(/\bnew Function\(|\beval\(/);
}, 30_000);
