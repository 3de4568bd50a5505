/**
 * End to end against the real `forge lint` permission check: the same generated apps (realistic
 * shapes, 1–200 files, bench/generate-apps.ts) through `scope-inspector audit` and through
 * @forge/lint's PermissionLinter (bench/forge-lint/driver.js), offline on ../shared/openapi via
 * its USE_LOCAL_SWAGGER / LOCAL_*_SWAGGER variables. Two ways, side by side in one run:
 *   1. one process per app, as a CI loop runs it: `scope-inspector audit DIR` vs `driver.js DIR`;
 *   2. one process for all: `scope-inspector audit --all ROOT` vs `driver.js DIR...`.
 * Each round runs both tools in turn; medians over the rounds. Needs `npm run build` and, once,
 * `npm ci --prefix bench/forge-lint --ignore-scripts` (see bench/forge-lint/package.json).
 *
 *   npx tsx bench/forge-lint.ts [--apps 43] [--rounds 3]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateApps } from './generate-apps';
import { fmt, median } from './stats';

const arg = (name: string) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : undefined);
const count = arg('--apps') ?? 43;
const rounds = arg('--rounds') ?? 3;
const BIN = join(__dirname, '../bin/scope-inspector.js');
const DRIVER = join(__dirname, 'forge-lint/driver.js');
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

function wall(args: string[], ok: (status: number | null) => boolean): { ms: number; stdout: string } {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!ok(r.status)) throw new Error(`${args.slice(0, 3).join(' ')}… exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  return { ms, stdout: r.stdout };
}
// Findings exit 1 for us; the driver exits 0 unless it fails.
const ours = (s: number | null) => s === 0 || s === 1;
const theirs = (s: number | null) => s === 0;

const root = mkdtempSync(join(tmpdir(), 'si-bench-apps-'));
const apps = generateApps(root, count);
const files = apps.reduce((n, a) => n + a.files, 0);
const lines = apps.reduce((n, a) => n + a.lines, 0);
console.log(`${apps.length} generated apps in ${root}: ${fmt(files)} source files (1–200 per app), ${fmt(lines)} lines; ` + `${apps.filter((a) => a.language === 'ts').length} TypeScript (with tsconfig.json), ${apps.filter((a) => a.ui !== 'none').length} with UI Kit or Custom UI`);

const perApp = { ours: [] as number[], theirs: [] as number[] };
const oneProcess = { ours: [] as number[], theirs: [] as number[] };
let lintErrors = 0;
let ourFindings = 0;
for (let round = 0; round < rounds; round++) {
  let a = 0;
  let b = 0;
  for (const app of apps) {
    a += wall([BIN, 'audit', app.dir, '--format', 'json'], ours).ms;
    b += wall([DRIVER, app.dir], theirs).ms;
  }
  perApp.ours.push(a);
  perApp.theirs.push(b);
  const all = wall([BIN, 'audit', '--all', root, '--ndjson'], ours);
  const lint = wall([DRIVER, ...apps.map((x) => x.dir)], theirs);
  oneProcess.ours.push(all.ms);
  oneProcess.theirs.push(lint.ms);
  ourFindings = all.stdout.trim().split('\n').map((l) => JSON.parse(l)).reduce((n, e) => n + (e.failing?.length ?? 0), 0);
  lintErrors = lint.stdout.trim().split('\n').map((l) => JSON.parse(l)).reduce((n, e) => n + e.errors, 0);
  console.log(`round ${round + 1}: per app ${fmt(a)} ms vs ${fmt(b)} ms; one process ${fmt(all.ms)} ms vs ${fmt(lint.ms)} ms`);
}
const row = (name: string, x: { ours: number[]; theirs: number[] }) => {
  const o = median(x.ours);
  const t = median(x.theirs);
  console.log(`  ${name.padEnd(34)} ${fmt(o).padStart(9)} ms ${fmt(t).padStart(11)} ms ${`${(t / o).toFixed(1)}×`.padStart(8)}`);
};
console.log(`\nwall time for all ${apps.length} apps, medians of ${rounds} rounds:      scope-inspector   forge lint   ratio (goal ≥ 10×)`);
row('one process per app (sum)', perApp);
row('one process for all apps', oneProcess);
console.log(`findings: scope-inspector ${ourFindings} failing (missing/invalid scopes, trigger needs included); @forge/lint ${lintErrors} errors`);
