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

function wall(args: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const samples: Record<string, number[]> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
for (const args of Object.values(commands)) wall(args); // warm the file cache
for (let i = 0; i < runs; i++) for (const [name, args] of Object.entries(commands)) samples[name].push(wall(args));

const node = median(samples['node -e 0']);
console.log(`CLI process wall time, ${runs} fresh processes each, interleaved, medians (${bin}):`);
for (const [name, xs] of Object.entries(samples)) {
  const m = median(xs);
  console.log(`  ${name.padEnd(40)} ${fmt(m, 1).padStart(7)} ms${name === 'node -e 0' ? '' : `   +${fmt(m - node, 1)} ms above node -e 0`}`);
}
console.log('goals: lookup ≤ +60 ms, audit of a small app ≤ +120 ms');
