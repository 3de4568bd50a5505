/**
 * The scan of the 100k-line generated app (bench/generate-app.ts) phase by phase, on one thread,
 * in CPU time (user + system, `process.cpuUsage()`): summarising the files (parse, walk,
 * evaluate) and linking + matching them (`resultFromSummaries`). Each sample is a fresh process
 * running the compiled dist/src 5 times (median); with `--before DIR` (another checkout, built
 * with `npx tsc -p tsconfig.build.json`; several, comma-separated) the trees take turns, process
 * by process, so load on the machine hits them alike. Needs `npm run build`.
 *
 *   npx tsx bench/scan-phases.ts [--rounds 6] [--before /tmp/si-before[,/tmp/other]]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { generateApp } from './generate-app';
import { fmt, median } from './stats';

const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const rounds = Number(arg('--rounds')) || 6;
const trees: Record<string, string> = { now: resolve(__dirname, '..') };
for (const before of arg('--before')?.split(',') ?? []) trees[basename(before)] = resolve(before);

// One sample: the tree's compiled scanner, 5 passes over the same files, medians of each phase.
const SAMPLE = `
const [dir, tree] = process.argv.slice(1);
const { findAppFiles, resultFromSummaries, withAppAliases } = require(tree + '/dist/src/scan/scan-app');
const { scanSource } = require(tree + '/dist/src/scan/scan-source');
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const found = findAppFiles(dir, {});
const options = withAppAliases(dir, {});
const summarise = [], link = [];
let calls = 0;
for (let i = 0; i < 5; i++) {
  let t = cpu();
  const summaries = found.files.map((f) => scanSource(f.file, f.text, f.side));
  summarise.push(cpu() - t);
  t = cpu();
  calls = resultFromSummaries(found.files, summaries, options, found.assets).calls.length;
  link.push(cpu() - t);
}
console.log(JSON.stringify({ summarise: med(summarise), link: med(link), calls }));
`;

const dir = mkdtempSync(join(tmpdir(), 'si-bench-phases-'));
const lines = generateApp(dir, 1000);
console.log(`generated app: 1,001 files, ${fmt(lines)} lines in ${dir}; ${rounds} rounds of fresh processes, each the median of 5 passes`);
const samples: Record<string, { summarise: number[]; link: number[]; calls: number }> = {};
for (const name of Object.keys(trees)) samples[name] = { summarise: [], link: [], calls: 0 };
for (let r = 0; r < rounds; r++) {
  const order = r % 2 ? Object.keys(trees).reverse() : Object.keys(trees);
  for (const name of order) {
    const out = JSON.parse(execFileSync(process.execPath, ['-e', SAMPLE, dir, trees[name]], { encoding: 'utf8' })) as { summarise: number; link: number; calls: number };
    samples[name].summarise.push(out.summarise);
    samples[name].link.push(out.link);
    samples[name].calls = out.calls;
  }
}
console.log('tree                summarise (parse, walk, evaluate)   link + match   calls found   (CPU ms, medians)');
for (const [name, s] of Object.entries(samples)) {
  console.log(`${name.padEnd(19)} ${fmt(median(s.summarise)).padStart(12)} ${fmt(median(s.link)).padStart(30)} ${fmt(s.calls).padStart(13)}`);
}
