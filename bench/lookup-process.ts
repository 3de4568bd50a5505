/**
 * `scope-inspector lookup` process time, side by side with a bare `node -e 0` in the same run
 * (runs interleaved, so machine load hits all alike): CLI start, argument parsing, the catalog
 * part the path needs, the answer. Two measures per case: wall time, and the process's own CPU
 * time (user + system, from `process.cpuUsage()` at exit), which load on a shared machine
 * inflates far less. Needs `npm run build` first. With `--before DIR` (an earlier checkout,
 * built) its CLI runs too.
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

// Runs the script as `node BIN ARGS...` would, and reports the process's CPU time on exit.
const wrap = (bin: string | undefined, args: string[]) =>
  `process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write('\\ncpu-ms ' + (u.user + u.system) / 1000 + '\\n'); });` +
  (bin ? `process.argv = [process.execPath, ${JSON.stringify(bin)}, ...${JSON.stringify(args)}]; require(${JSON.stringify(bin)});` : '');
const cases: Record<string, string> = { 'node -e 0': wrap(undefined, []) };
for (const lookup of LOOKUPS) for (const [label, bin] of Object.entries(bins)) cases[`lookup ${lookup} (${label})`] = wrap(bin, ['lookup', ...lookup.split(' ')]);

function run(script: string): { wall: number; cpu: number } {
  const t0 = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = /cpu-ms ([\d.]+)/.exec(result.stderr);
  if (result.status !== 0 || !cpu) throw new Error(`exit ${result.status}: ${result.stderr}`);
  return { wall, cpu: Number(cpu[1]) };
}

const runs = Math.max(15, Number(arg('--runs')) || 21);
const samples = new Map<string, { wall: number; cpu: number }[]>(Object.keys(cases).map((name) => [name, []]));
for (const script of Object.values(cases)) run(script); // warm the file system cache
for (let i = 0; i < runs; i++) for (const [name, script] of Object.entries(cases)) samples.get(name)!.push(run(script));
const bare = (key: 'wall' | 'cpu') => median(samples.get('node -e 0')!.map((s) => s[key]));
console.log(`process time, ${runs} runs each, interleaved, medians (wall | CPU user+system):`);
for (const [name, values] of samples) {
  const [wall, cpu] = (['wall', 'cpu'] as const).map((key) => median(values.map((s) => s[key])));
  const over = name === 'node -e 0' ? '' : `   +${fmt(wall - bare('wall'), 1)} | +${fmt(cpu - bare('cpu'), 1)} ms over node -e 0`;
  console.log(`  ${name.padEnd(46)} ${fmt(wall, 1).padStart(7)} | ${fmt(cpu, 1).padStart(6)} ms${over}`);
}
