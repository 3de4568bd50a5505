/**
 * Audit of a generated app of ~100k lines in 1,000 files, side by side in one run with a
 * parse-only pass of the same files by @typescript-eslint/typescript-estree (the parser
 * `forge lint` uses) — the floor of any tool built on it.
 *
 *   npx tsx bench/audit.ts [--runs 5]
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from '@typescript-eslint/typescript-estree';
import { auditApp } from '../src/audit/audit-app';
import { generateApp } from './generate-app';
import { fmt, median } from './stats';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const dir = mkdtempSync(join(tmpdir(), 'si-bench-app-'));
const lines = generateApp(dir, 1000);
const files = readdirSync(join(dir, 'src/features')).map((f) => join(dir, 'src/features', f));
console.log(`generated ${fmt(files.length + 1)} files, ${fmt(lines)} lines in ${dir}`);

const time = async (fn: () => unknown) => {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const estree = () => {
  for (const file of files) parse(readFileSync(file, 'utf8'), { loc: true, range: true });
};
let endpoints = 0;
const audit = async () => {
  endpoints = (await auditApp(dir)).report.endpoints.length;
};

async function main() {
  estree();
  await audit(); // warm-up both (JIT, catalog load, worker start-up paths)
  const samples = { audit: [] as number[], estree: [] as number[] };
  for (let i = 0; i < runs; i++) {
    samples.audit.push(await time(audit));
    samples.estree.push(await time(estree));
  }
  const a = median(samples.audit);
  const e = median(samples.estree);
  console.log(`audit (find, read, parse on worker threads, walk, link, match, analyse, plan): median ${fmt(a)} ms over ${runs} runs (goal < 2,000 ms); ${endpoints} endpoints`);
  console.log(`typescript-estree parse only ({loc, range}), same files:                     median ${fmt(e)} ms`);
  console.log(`ratio: the whole audit is ${(e / a).toFixed(1)}× faster than the estree parse floor (goal ≥ 5×)`);
}

main();
