/**
 * Prints how well the scanner does on the realistic sample apps (test/fixtures/realistic):
 * product call sites found and resolved to the right operation, links attributed, request
 * surfaces and egress reported, false product calls and false egress. `--scanner <dir>` scores
 * another checkout's scanner (e.g. `--scanner ../main/src/scan` for the "before" figures);
 * `--apps a,b` scores only those apps (e.g. the held-out ones); `--misses` lists each miss.
 *
 *   npx tsx scripts/measure-realistic.ts [--scanner dir] [--apps a,b] [--misses]
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pct, readTruth, scoreApp, total } from '../test/helpers/realistic-score';

const arg = (name: string): string | undefined => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const scannerDir = resolve(arg('--scanner') ?? join(__dirname, '../src/scan'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { scanApp } = require(scannerDir) as { scanApp: (dir: string) => Parameters<typeof scoreApp>[2] };

const root = join(__dirname, '../test/fixtures/realistic');
const only = arg('--apps')?.split(',');
const scores = readdirSync(root).sort().filter((app) => !only || only.includes(app)).map((app) => scoreApp(app, readTruth(join(root, app)), scanApp(join(root, app))));
console.log(`scanner: ${scannerDir}\n`);
console.log('| app | sites | found | resolved | links attributed | surfaces | egress | false product calls | false egress |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const s of scores) console.log(`| ${s.app} | ${s.sites} | ${s.found} | ${s.resolved} | ${s.linksAttributed}/${s.links} | ${s.surfacesFound}/${s.surfaces} | ${s.egressFound}/${s.egress} | ${s.falseProductCalls.length} | ${s.falseEgress.length} |`);
const t = total(scores);
console.log(`| **total** | ${t.sites} | ${t.found} (${pct(t.found, t.sites)}) | ${t.resolved} (${pct(t.resolved, t.sites)}) | ${t.linksAttributed}/${t.links} | ${t.surfacesFound}/${t.surfaces} | ${t.egressFound}/${t.egress} | ${t.falseProductCalls} | ${t.falseEgress} |`);
if (process.argv.includes('--misses')) {
  for (const s of scores) for (const m of [...s.misses, ...s.falseProductCalls.map((f) => `false product call ${f}`), ...s.falseEgress.map((f) => `false egress ${f}`)]) console.log(`${s.app}: ${m}`);
}
