/**
 * When do worker threads pay off? Scans generated apps of growing size (~100-line TypeScript
 * files) in-thread and with workers, side by side in one run, on the compiled scanner (dist/, as
 * the CLI runs it; `npm run build` first). Medians; the threshold in src/scan/scan-parallel.ts
 * comes from this table.
 *
 *   npx tsx bench/scan-threshold.ts [--runs 7]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateApp } from './generate-app';
import { fmt, median } from './stats';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const scan = require('../dist/src/scan/scan-parallel') as typeof import('../src/scan/scan-parallel');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findAppFiles } = require('../dist/src/scan/scan-app') as typeof import('../src/scan/scan-app');

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 7;

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function main() {
  console.log(`scan of N generated files (~100 lines each), compiled scanner, ${runs} runs each, interleaved, medians:`);
  console.log('   files      KiB   in-thread ms   workers ms   workers ÷ in-thread');
  for (const n of (process.env.SIZES ?? "25,50,100,200,300,500,800,1200").split(",").map(Number)) {
    const dir = mkdtempSync(join(tmpdir(), `si-threshold-${n}-`));
    generateApp(dir, n);
    const { files } = findAppFiles(dir, { resourcePaths: [] });
    const kib = files.reduce((s, f) => s + f.text.length, 0) / 1024;
    const inThread = () => scan.scanFilesParallel(files, { workers: 0 });
    const workers = () => scan.scanFilesParallel(files, { minFilesForWorkers: 0 });
    await inThread();
    await workers();
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < runs; i++) {
      a.push(await time(inThread));
      b.push(await time(workers));
    }
    const ma = median(a);
    const mb = median(b);
    console.log(`${String(n).padStart(8)} ${fmt(kib).padStart(8)} ${fmt(ma, 1).padStart(14)} ${fmt(mb, 1).padStart(12)} ${(mb / ma).toFixed(2).padStart(21)}`);
  }
}

void main();
