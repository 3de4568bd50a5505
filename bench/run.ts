/**
 * Runs every benchmark in turn (each in its own process, so none warms another's caches):
 *   npm run bench
 * The figures and the commands are recorded in docs/benchmarks.md.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// catalog-parts, lookup-process and catalog-load run on the compiled dist/ (`npm run build` first).
const BENCHES = ['matcher.ts', 'catalog-load.ts', 'catalog-parts.ts', 'lookup-process.ts', 'audit.ts', 'nesting-estimate.ts', 'invalid-scopes.ts', 'recorder.ts', 'get-report.ts'];
for (const bench of BENCHES) {
  console.log(`\n== bench/${bench}`);
  execFileSync(process.execPath, [require.resolve('tsx/cli'), join(__dirname, bench)], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
