/**
 * CLI process wall time, side by side in one run with a bare `node -e 0`: `--help`, `lookup`,
 * and `audit` of a small generated app (≤ 20 files). Each sample is a fresh process; the commands
 * take turns in every round so load on the machine hits them alike. Medians of wall time and of
 * each process's own CPU time (user + system), which a busy machine inflates far less.
 *
 * The launcher runs the bundle (dist/cli/main.js) through V8's code cache (src/cli/compile-cache.ts),
 * kept here in a temporary folder: "warm" rows reuse the cache of the round before (every start but
 * the first of a command), the "no code cache" row runs with NODE_DISABLE_COMPILE_CACHE=1 (a first
 * run, or a machine that cannot keep it). `--tsc` adds the same commands on tsc's per-file output
 * (dist/src, what the launcher ran before the bundle). Needs `npm run build`.
 *
 *   npx tsx bench/cli-start.ts [--runs 21] [--tsc]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateApps } from './generate-apps';
import { fmt, median } from './stats';

const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const runs = Math.max(15, Number(arg('--runs')) || 21);
const BIN = join(__dirname, '../bin/scope-inspector.js');
const TSC = join(__dirname, '../dist/src/cli/main.js');

// The first generated app of 10–20 files: a realistic small app (resolver, services, helper, UI).
const apps = generateApps(mkdtempSync(join(tmpdir(), 'si-bench-small-')), 43);
const small = apps.find((a) => a.files >= 10 && a.files <= 20)!;
const caches = mkdtempSync(join(tmpdir(), 'si-bench-cache-'));

interface Case { args: string[]; env?: Record<string, string> }
const LOOKUP = ['lookup', 'GET', '/rest/api/3/issue/ABC-1'];
const AUDIT = ['audit', small.dir, '--fail-on', 'none'];
const AUDIT_NAME = `audit (${small.files} files, ${small.lines} lines)`;
// tsc's output started as the launcher used to start it.
const tsc = (args: string[]): string[] => ['-e', `process.argv.splice(1, 0, 'scope-inspector'); require(${JSON.stringify(TSC)}).main(process.argv).then((c) => { process.exitCode = c; });`, ...args];

const cases: Record<string, Case> = {
  'node -e 0': { args: ['-e', '0'] },
  '--help': { args: [BIN, '--help'] },
  'lookup GET /rest/api/3/issue/ABC-1': { args: [BIN, ...LOOKUP] },
  [AUDIT_NAME]: { args: [BIN, ...AUDIT] },
  [`${AUDIT_NAME}, no code cache`]: { args: [BIN, ...AUDIT], env: { NODE_DISABLE_COMPILE_CACHE: '1' } },
};
if (process.argv.includes('--tsc')) {
  cases['--help, tsc output'] = { args: tsc(['--help']) };
  cases['lookup, tsc output'] = { args: tsc(LOOKUP) };
  cases['audit, tsc output'] = { args: tsc(AUDIT) };
}

// Every process, bare node included, preloads the same probe that reports its CPU time.
const PROBE = ['-r', join(__dirname, 'cpu-usage.js')];

function run({ args, env }: Case): { wall: number; cpu: number } {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [...PROBE, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: caches, ...env } });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { wall, cpu: Number(/CPU_MS=([\d.]+)/.exec(r.stderr)?.[1]) };
}

const samples: Record<string, { wall: number; cpu: number }[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (const c of Object.values(cases)) run(c); // warm the file cache and write each command's code cache
for (let i = 0; i < runs; i++) for (const [name, c] of Object.entries(cases)) samples[name].push(run(c));

const of = (name: string, key: 'wall' | 'cpu') => median(samples[name].map((s) => s[key]));
console.log(`CLI processes, ${runs} fresh processes each, interleaved, medians (${BIN}):`);
console.log(`  ${''.padEnd(48)}   wall ms  above node   CPU ms  above node`);
for (const name of Object.keys(samples)) {
  const cell = (key: 'wall' | 'cpu') => `${fmt(of(name, key), 1).padStart(8)} ${(name === 'node -e 0' ? '' : `+${fmt(of(name, key) - of('node -e 0', key), 1)}`).padStart(11)}`;
  console.log(`  ${name.padEnd(48)} ${cell('wall')} ${cell('cpu')}`);
}
console.log('goals (wall, above node -e 0): lookup ≤ +60 ms, audit of a small app ≤ +120 ms');
