/**
 * Audit of a generated app of ~100k lines in 1,000 files, side by side in one run with a
 * parse-only pass of the same files by @typescript-eslint/typescript-estree (the parser
 * `forge lint` uses) — the floor of any tool built on it. Wall time and this process's CPU time
 * (user + system, every thread: the scan's workers included), medians. Runs the compiled
 * dist/src (what the CLI ships; its workers start from plain JavaScript) when it is built,
 * else the sources through tsx (`--src` forces that).
 *
 *   npx tsx bench/audit.ts [--runs 5] [--src]
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from '@typescript-eslint/typescript-estree';
import type { auditApp as AuditApp } from '../src/audit/audit-app';
import { generateApp } from './generate-app';
import { fmt, median } from './stats';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const COMPILED = join(__dirname, '../dist/src/audit/audit-app.js');
const compiled = existsSync(COMPILED) && !process.argv.includes('--src');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { auditApp } = require(compiled ? COMPILED : '../src/audit/audit-app') as { auditApp: typeof AuditApp };
const dir = mkdtempSync(join(tmpdir(), 'si-bench-app-'));
const lines = generateApp(dir, 1000);
const files = readdirSync(join(dir, 'src/features')).map((f) => join(dir, 'src/features', f));
console.log(`generated ${fmt(files.length + 1)} files, ${fmt(lines)} lines in ${dir}; auditing with ${compiled ? 'dist/src (compiled)' : 'src (tsx)'}`);

const time = async (fn: () => unknown) => {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  await fn();
  const used = process.cpuUsage(cpu);
  return { wall: Number(process.hrtime.bigint() - start) / 1e6, cpu: (used.user + used.system) / 1000 };
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
  const samples = { audit: [] as { wall: number; cpu: number }[], estree: [] as { wall: number; cpu: number }[] };
  const loads: number[] = [];
  for (let i = 0; i < runs; i++) {
    loads.push(loadavg()[0]);
    samples.audit.push(await time(audit));
    samples.estree.push(await time(estree));
  }
  const m = (xs: { wall: number; cpu: number }[], k: 'wall' | 'cpu') => median(xs.map((x) => x[k]));
  console.log(`load average (1 min) during the runs: ${loads.map((l) => l.toFixed(1)).join(', ')} on ${(await import('node:os')).availableParallelism()} cores (the scan starts workers only on spare cores)`);
  console.log(`audit (find, read, parse, walk, link, match, analyse, plan): median ${fmt(m(samples.audit, 'wall'))} ms wall, ${fmt(m(samples.audit, 'cpu'))} ms CPU over ${runs} runs (goal < 1,000 ms wall); ${endpoints} endpoints`);
  console.log(`typescript-estree parse only ({loc, range}), same files:   median ${fmt(m(samples.estree, 'wall'))} ms wall, ${fmt(m(samples.estree, 'cpu'))} ms CPU`);
  console.log(`ratio: the whole audit is ${(m(samples.estree, 'wall') / m(samples.audit, 'wall')).toFixed(1)}× (wall), ${(m(samples.estree, 'cpu') / m(samples.audit, 'cpu')).toFixed(1)}× (CPU) faster than the estree parse floor`);
}

main();
