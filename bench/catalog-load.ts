/**
 * Catalog load time and memory, each sample in a fresh Node process (so nothing is cached):
 * require the module, decode the catalog, build the route trees, answer one match.
 *
 *   npx tsx bench/catalog-load.ts [--runs 9]
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fmt, median } from './stats';

const probe = `
const v8 = require('node:v8');
global.gc(); const heap0 = process.memoryUsage().heapUsed;
const t0 = process.hrtime.bigint();
const catalog = require(${JSON.stringify(join(__dirname, '../dist/src/catalog'))});
catalog.routeIndex();
catalog.match('requestJira', 'GET', '/rest/api/3/myself');
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
global.gc(); const heap = (process.memoryUsage().heapUsed - heap0) / 1048576;
console.log(JSON.stringify({ ms, heap, ops: catalog.operations().length }));
`;

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 9;
const samples = Array.from({ length: runs }, () => JSON.parse(execFileSync(process.execPath, ['--expose-gc', '-e', probe], { encoding: 'utf8' })));
console.log(`catalog load (compiled dist/, ${samples[0].ops} operations, ${runs} fresh processes, medians):`);
console.log(`  load + decode + route trees + first match: ${fmt(median(samples.map((s) => s.ms)), 1)} ms (goal < 20 ms)`);
console.log(`  retained heap after GC: ${fmt(median(samples.map((s) => s.heap)), 2)} MB (goal < 10 MB)`);
