/**
 * getReport's computation over a large installation: 10,000 endpoints (every catalog operation
 * under three principals, plus redacted unknown shapes) seen on each of 90 days across 50 app versions. Measures
 * what the resolver does after reading storage: analysis, plan, plan diff and the JSON answer.
 *
 *   npx tsx bench/get-report.ts [--runs 15]
 */
import { join } from 'node:path';
import { operations } from '../src/catalog';
import { daysBetween } from '../src/analysis/usage-window';
import { planTexts, reportFor } from '../src/resolvers/report-service';
import type { UsageEndpoint, UsageExport } from '../src/usage/format';
import { buildStaticAnalysis } from '../scripts/build-static-analysis';
import { fmt, median } from './stats';

/** The 90 days the usage spans, ending on the bench's "today". */
const DAYS = daysBetween('2026-09-01', '2026-11-29');

function bigUsage(endpointCount: number, versions: number): UsageExport {
  const appVersions = Array.from({ length: versions }, (_, i) => `1.${i}.0`);
  const endpoints: UsageEndpoint[] = [];
  const principals = ['app', 'user', 'bridge'] as const;
  for (const op of operations()) {
    for (const principal of principals) {
      if (endpoints.length >= endpointCount) break;
      endpoints.push(row(op.family, op.method, op.template, op.key, principal, appVersions));
    }
  }
  for (let i = 0; endpoints.length < endpointCount; i++) endpoints.push(row('requestJira', 'GET', `/rest/custom/${i}/{}`, undefined, 'app', appVersions));
  return {
    format: 'scope-inspector-usage',
    version: 1,
    generatedAt: '2026-11-29T12:00:00.000Z',
    installation: 'bench',
    window: { firstDay: '2026-09-01', lastDay: '2026-11-29', daysObserved: 90 },
    grantedScopes: appVersions.map((v) => ({ appVersion: v, scopes: ['read:jira-work', 'write:jira-work'], firstSeen: '2026-09-01', lastSeen: '2026-11-29' })),
    endpoints,
    droppedCalls: 0,
  };
}

function row(family: UsageEndpoint['family'], method: UsageEndpoint['method'], template: string, operationKey: string | undefined, principal: UsageEndpoint['principal'], appVersions: string[]): UsageEndpoint {
  return {
    family, method, template, operationKey, known: operationKey !== undefined, principal,
    calls: 900, status: { '2xx': 810, '3xx': 0, '4xx': 90, '5xx': 0, network: 0 }, scopeMismatch401: 90,
    firstSeen: DAYS[0], lastSeen: DAYS[DAYS.length - 1], daysSeen: 90, appVersions, environments: ['PRODUCTION'], moduleKeys: ['admin-page'],
    // Every day of the 90 with calls: the per-day counts the window and the charts read.
    daily: DAYS.map((day) => [day, 10, 9, 0, 1, 0, 0, 1]),
  };
}

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 15;
async function main() {
  const bundle = await buildStaticAnalysis(join(__dirname, '..'));
  const usage = bigUsage(10_000, 50);
  const samples: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const start = process.hrtime.bigint();
    // The same steps as getReport in src/resolvers/admin-resolvers.ts, without the storage read,
    // for its default window (90 days up to the usage's day): every per-day count is read.
    const full = reportFor(bundle, usage, 90);
    const texts = planTexts(bundle, full);
    const report = { ...full, unknownRuntime: full.unknownRuntime.slice(0, 100) };
    const answer = JSON.stringify({ ok: true, report, endpointCount: full.endpoints.length, unknownRuntimeCount: full.unknownRuntime.length, ...texts });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (i >= 2) samples.push(ms); // two warm-up runs
    if (i === 0) console.log(`usage: ${fmt(usage.endpoints.length)} endpoints × ${usage.grantedScopes.length} app versions; answer ${fmt(answer.length / 1024)} KiB`);
  }
  console.log(`getReport computation: median ${fmt(median(samples), 1)} ms over ${runs} runs (goal < 100 ms), min ${fmt(Math.min(...samples), 1)}, max ${fmt(Math.max(...samples), 1)}`);
}

main();
