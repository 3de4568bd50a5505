/**
 * CLI process wall time, side by side in one run with a bare `node -e 0`: `--help`, `lookup`,
 * and `audit` of a small generated app (≤ 20 files). Each sample is a fresh process; the commands
 * take turns in every round so load on the machine hits them alike. Medians.
 *
 *   npx tsx bench/cli-start.ts [--runs 21] [--bin bin/scope-inspector.js]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateApps } from './generate-apps';
import { fmt, median } from './stats';

const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const runs = Number(arg('--runs')) || 21;
const bin = arg('--bin') ?? join(__dirname, '../bin/scope-inspector.js');

// The first generated app of 10–20 files: a realistic small app (resolver, services, helper, UI).
const apps = generateApps(mkdtempSync(join(tmpdir(), 'si-bench-small-')), 43);
const small = apps.find((a) => a.files >= 10 && a.files <= 20)!;

const commands: Record<string, string[]> = {
  'node -e 0': ['-e', '0'],
  '--help': [bin, '--help'],
  'lookup GET /rest/api/3/issue/ABC-1': [bin, 'lookup', 'GET', '/rest/api/3/issue/ABC-1'],
  [`audit (${small.files} files, ${small.lines} lines)`]: [bin, 'audit', small.dir, '--fail-on', 'none'],
};

// Every process, bare node included, preloads the same probe that reports its CPU time.
const PROBE = ['-r', join(__dirname, 'cpu-usage.js')];

function run(args: string[]): { wall: number; cpu: number } {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [...PROBE, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { wall, cpu: Number(/CPU_MS=([\d.]+)/.exec(r.stderr)?.[1]) };
}

const samples: Record<string, { wall: number; cpu: number }[]> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
for (const args of Object.values(commands)) run(args); // warm the file cache
for (let i = 0; i < runs; i++) for (const [name, args] of Object.entries(commands)) samples[name].push(run(args));

const of = (name: string, key: 'wall' | 'cpu') => median(samples[name].map((s) => s[key]));
console.log(`CLI processes, ${runs} fresh processes each, interleaved, medians (${bin}):`);
console.log(`  ${''.padEnd(40)}   wall ms  above node   CPU ms  above node`);
for (const name of Object.keys(samples)) {
  const cell = (key: 'wall' | 'cpu') => `${fmt(of(name, key), 1).padStart(8)} ${(name === 'node -e 0' ? '' : `+${fmt(of(name, key) - of('node -e 0', key), 1)}`).padStart(11)}`;
  console.log(`  ${name.padEnd(40)} ${cell('wall')} ${cell('cpu')}`);
}
console.log('goals: lookup ≤ +60 ms, audit of a small app ≤ +120 ms');
