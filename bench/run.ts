/**
 * Runs every benchmark in turn (each in its own process, so none warms another's caches):
 *   npm run bench
 * The figures and the commands are recorded in docs/benchmarks.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

// catalog-parts, lookup-process, catalog-load, scan-threshold, scan-phases, cli-start and forge-lint run on the compiled dist/ (`npm run build` first).
// forge-lint.ts needs its peer installed apart (npm ci --prefix bench/forge-lint --ignore-scripts).
const PEER = existsSync(join(__dirname, 'forge-lint/node_modules/@forge/lint'));
const BENCHES = ['matcher.ts', 'catalog-load.ts', 'catalog-parts.ts', 'lookup-process.ts', 'audit.ts', 'scan-phases.ts', 'recorder.ts', 'get-report.ts', 'admin-page-load.ts', 'nesting-estimate.ts', 'invalid-scopes.ts', 'cli-start.ts', 'scan-threshold.ts', ...(PEER ? ['forge-lint.ts'] : [])];
if (!PEER) console.log('skipping bench/forge-lint.ts: run npm ci --prefix bench/forge-lint --ignore-scripts first');
for (const bench of BENCHES) {
  console.log(`\n== bench/${bench}`);
  execFileSync(process.execPath, [require.resolve('tsx/cli'), join(__dirname, bench)], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
