/**
 * The nesting pre-scan (`nestingEstimate`, run on every source file before oxc may see it) side
 * by side in one run with the parse it guards (`parseSource`: oxc's native parse and the JSON it
 * hands over), on the generated app of bench/audit.ts and on TypeScript's own 9 MB compiler.
 *
 *   npx tsx bench/nesting-estimate.ts [--runs 5]
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nestingEstimate } from '../src/scan/nesting-estimate';
import { dialectOf, parseSource } from '../src/scan/oxc';
import { generateApp } from './generate-app';
import { fmt, median } from './stats';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const dir = mkdtempSync(join(tmpdir(), 'si-bench-nesting-'));
generateApp(dir, 1000);
const app = readdirSync(join(dir, 'src/features')).map((f) => ({ file: f, text: readFileSync(join(dir, 'src/features', f), 'utf8') }));
const compiler = [{ file: 'typescript.js', text: readFileSync(require.resolve('typescript/lib/typescript.js'), 'utf8') }];

const time = (fn: () => void): number => {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
};
console.log(`nesting pre-scan vs the parse it guards, medians of ${runs} runs:`);
console.log('| input | pre-scan | oxc parse | pre-scan ÷ parse | highest estimate |');
console.log('|---|---:|---:|---:|---:|');
for (const [label, files] of [['generated app (1,000 files)', app], ['typescript.js', compiler]] as const) {
  const mb = files.reduce((n, f) => n + f.text.length, 0) / 1e6;
  let highest = 0;
  const scan = () => { for (const f of files) highest = Math.max(highest, nestingEstimate(f.text, dialectOf(f.file))); };
  const parse = () => { for (const f of files) parseSource(f.file, f.text); };
  scan();
  parse();
  const pre: number[] = [];
  const oxc: number[] = [];
  for (let r = 0; r < runs; r++) {
    pre.push(time(scan));
    oxc.push(time(parse));
  }
  console.log(`| ${label}, ${fmt(mb, 1)} MB | ${fmt(median(pre), 0)} ms | ${fmt(median(oxc), 0)} ms | ${fmt((median(pre) / median(oxc)) * 100, 1)} % | ${fmt(highest)} |`);
}
