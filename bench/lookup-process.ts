/**
 * `scope-inspector lookup` process wall time, side by side with a bare `node -e 0` in the same
 * run (runs interleaved, so machine load hits all alike): CLI start, argument parsing, the
 * catalog family the path needs, the answer. Needs `npm run build` first. With `--before DIR`
 * (an earlier checkout, built) its CLI runs too.
 *
 *   npx tsx bench/lookup-process.ts [--runs 21] [--before /tmp/si-before]
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fmt, median } from './stats';

const LOOKUPS = ['GET /rest/api/3/issue/ABC-1', 'GET /wiki/api/v2/pages/1', 'GET /2.0/repositories/a/b'];

const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const bins: Record<string, string> = { now: join(__dirname, '../bin/scope-inspector.js') };
if (arg('--before')) bins.before = join(resolve(arg('--before')!), 'bin/scope-inspector.js');
const cases: Record<string, string[]> = { 'node -e 0': ['-e', '0'] };
for (const lookup of LOOKUPS) for (const [label, bin] of Object.entries(bins)) cases[`lookup ${lookup} (${label})`] = [bin, 'lookup', ...lookup.split(' ')];

function wall(args: string[]): number {
  const t0 = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')}: exit ${result.status}: ${result.stderr}`);
  return ms;
}

const runs = Math.max(15, Number(arg('--runs')) || 21);
const samples = new Map<string, number[]>(Object.keys(cases).map((name) => [name, []]));
for (const args of Object.values(cases)) wall(args); // warm the file system cache
for (let i = 0; i < runs; i++) for (const [name, args] of Object.entries(cases)) samples.get(name)!.push(wall(args));
const bare = median(samples.get('node -e 0')!);
console.log(`process wall time, ${runs} runs each, interleaved, medians:`);
for (const [name, values] of samples) {
  const m = median(values);
  console.log(`  ${name.padEnd(52)} ${fmt(m, 1).padStart(7)} ms${name === 'node -e 0' ? '' : `   +${fmt(m - bare, 1)} ms over node -e 0`}`);
}
