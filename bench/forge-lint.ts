/**
 * End to end against the real `forge lint` permission check: the same generated apps (realistic
 * shapes, 1–200 files, bench/generate-apps.ts) through `scope-inspector audit` and through
 * @forge/lint's PermissionLinter (bench/forge-lint/driver.js), offline on ../shared/openapi via
 * its USE_LOCAL_SWAGGER / LOCAL_*_SWAGGER variables. Two ways, side by side in one run:
 *   1. one process per app, as a CI loop runs it: `scope-inspector audit DIR` vs `driver.js DIR`;
 *   2. one process for all: `scope-inspector audit --all ROOT` vs `driver.js DIR...`.
 * Each round runs both tools in turn, app by app (which tool goes first alternates); medians over
 * the rounds of the summed wall time and of the summed CPU time (user + system of each process,
 * reported by the preloaded bench/cpu-usage.js), which a busy machine inflates far less; the
 * ratio is the median of the rounds' ratios (both tools of a round ran under the same load).
 *
 * With `--sample N`, each round's per-process part runs a seeded random sample of N apps (the
 * same apps for both tools, another sample each round); the one-process part always runs them all.
 * Needs `npm run build` and, once, `npm ci --prefix bench/forge-lint --ignore-scripts`.
 *
 *   npx tsx bench/forge-lint.ts [--apps 43] [--rounds 3] [--sample 10] [--seed 13]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateApps } from './generate-apps';
import { fmt, median, seeded } from './stats';

const arg = (name: string) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : undefined);
const count = arg('--apps') ?? 43;
const rounds = arg('--rounds') ?? 3;
const sample = arg('--sample');
const random = seeded(arg('--seed') ?? 13);
const BIN = join(__dirname, '../bin/scope-inspector.js');
const DRIVER = join(__dirname, 'forge-lint/driver.js');
const PROBE = ['-r', join(__dirname, 'cpu-usage.js')];
const OPENAPI = join(__dirname, '../../shared/openapi');

if (!existsSync(join(__dirname, 'forge-lint/node_modules/@forge/lint'))) {
  console.error('@forge/lint is not installed: npm ci --prefix bench/forge-lint --ignore-scripts');
  process.exit(2);
}
const env = {
  ...process.env,
  USE_LOCAL_SWAGGER: '1',
  LOCAL_JIRA_SWAGGER: join(OPENAPI, 'jira-platform.json'),
  LOCAL_JSM_SWAGGER: join(OPENAPI, 'jira-service-management.json'),
  LOCAL_JSW_SWAGGER: join(OPENAPI, 'jira-software.json'),
  LOCAL_CONF_SWAGGER: join(OPENAPI, 'confluence-v1.json'),
  LOCAL_CONF_V2_SWAGGER: join(OPENAPI, 'confluence-v2.json'),
  LOCAL_BB_SWAGGER: join(OPENAPI, 'bitbucket.json'),
};

interface Run { wall: number; cpu: number; stdout: string }
function run(args: string[], ok: (status: number | null) => boolean): Run {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [...PROBE, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (!ok(r.status)) throw new Error(`${args.slice(0, 3).join(' ')}… exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  return { wall, cpu: Number(/CPU_MS=([\d.]+)/.exec(r.stderr)?.[1]), stdout: r.stdout };
}
// Findings exit 1 for us; the driver exits 0 unless it fails.
const ours = (s: number | null) => s === 0 || s === 1;
const theirs = (s: number | null) => s === 0;

const root = mkdtempSync(join(tmpdir(), 'si-bench-apps-'));
const apps = generateApps(root, count);
const files = apps.reduce((n, a) => n + a.files, 0);
const lines = apps.reduce((n, a) => n + a.lines, 0);
console.log(`${apps.length} generated apps in ${root}: ${fmt(files)} source files (1–200 per app), ${fmt(lines)} lines; ` + `${apps.filter((a) => a.language === 'ts').length} TypeScript (with tsconfig.json), ${apps.filter((a) => a.ui !== 'none').length} with UI Kit or Custom UI`);
if (sample) console.log(`one process per app: a seeded random sample of ${sample} apps per round, the same for both tools`);

/** A seeded Fisher–Yates shuffle. */
function shuffled<T>(xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

type Totals = { wall: number[]; cpu: number[] };
const totals = () => ({ ours: { wall: [], cpu: [] } as Totals, theirs: { wall: [], cpu: [] } as Totals });
const perApp = totals();
const oneProcess = totals();
let perAppCount = 0;
let lintErrors = 0;
let ourFailing = 0;
// Warm the file cache and write the CLI's code cache (what every run of a CI loop after its first has).
run([BIN, 'audit', apps[0].dir, '--format', 'json'], ours);
for (let round = 0; round < rounds; round++) {
  const picked = sample ? shuffled(apps).slice(0, sample) : apps;
  perAppCount = picked.length;
  const sum = { ours: { wall: 0, cpu: 0 }, theirs: { wall: 0, cpu: 0 } };
  picked.forEach((app, i) => {
    const ourRun = () => run([BIN, 'audit', app.dir, '--format', 'json'], ours);
    const theirRun = () => run([DRIVER, app.dir], theirs);
    let a: Run;
    let b: Run;
    if (i % 2) {
      a = ourRun();
      b = theirRun();
    } else {
      b = theirRun();
      a = ourRun();
    }
    sum.ours.wall += a.wall;
    sum.ours.cpu += a.cpu;
    sum.theirs.wall += b.wall;
    sum.theirs.cpu += b.cpu;
  });
  for (const k of ['ours', 'theirs'] as const) {
    perApp[k].wall.push(sum[k].wall);
    perApp[k].cpu.push(sum[k].cpu);
  }
  const all = run([BIN, 'audit', '--all', root, '--ndjson'], ours);
  const lint = run([DRIVER, ...apps.map((x) => x.dir)], theirs);
  oneProcess.ours.wall.push(all.wall);
  oneProcess.ours.cpu.push(all.cpu);
  oneProcess.theirs.wall.push(lint.wall);
  oneProcess.theirs.cpu.push(lint.cpu);
  ourFailing = all.stdout.trim().split('\n').map((l) => JSON.parse(l)).reduce((n, e) => n + (e.failing?.length ?? 0), 0);
  lintErrors = lint.stdout.trim().split('\n').map((l) => JSON.parse(l)).reduce((n, e) => n + e.errors, 0);
  console.log(
    `round ${round + 1}: per app (${picked.length}) ${fmt(sum.ours.wall)} ms (CPU ${fmt(sum.ours.cpu)}) vs ${fmt(sum.theirs.wall)} ms (CPU ${fmt(sum.theirs.cpu)}); ` +
      `one process ${fmt(all.wall)} ms (CPU ${fmt(all.cpu)}) vs ${fmt(lint.wall)} ms (CPU ${fmt(lint.cpu)})`,
  );
}
// The ratio is the median of each round's ratio: both tools of a round ran under the same load.
const row = (name: string, x: ReturnType<typeof totals>) => {
  const cell = (k: 'wall' | 'cpu') => {
    const ratio = median(x.ours[k].map((o, i) => x.theirs[k][i] / o));
    return `${fmt(median(x.ours[k])).padStart(8)} ${fmt(median(x.theirs[k])).padStart(9)} ${`${ratio.toFixed(1)}×`.padStart(7)}`;
  };
  console.log(`  ${name.padEnd(40)} ${cell('wall')}   ${cell('cpu')}`);
};
console.log(`\nmedians of ${rounds} rounds, ms; ratio: median of the rounds' ratios.   wall: ours  forge lint  ratio    CPU: ours  forge lint  ratio   (goal ≥ 10×)`);
row(`one process per app (sum of ${perAppCount} apps)`, perApp);
row(`one process for all ${apps.length} apps`, oneProcess);
console.log(`findings: scope-inspector ${ourFailing} failing (missing/invalid scopes, trigger needs included); @forge/lint ${lintErrors} errors`);
