/**
 * Scans this app's own source and manifest and writes src/generated/static-analysis.json,
 * which the resolvers bundle so the admin page can show static evidence next to runtime usage.
 *
 *   tsx scripts/build-static-analysis.ts [--check]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildStaticAnalysis as buildBundle } from '../src/audit/static-analysis-bundle';
import type { StaticAnalysis } from '../src/resolvers/static-analysis';

const ROOT = resolve(__dirname, '..');
const OUT = join(ROOT, 'src/generated/static-analysis.json');

/** Returns the static analysis of the app at `appDir`, as the resolvers bundle it. */
export function buildStaticAnalysis(appDir: string): Promise<StaticAnalysis> {
  // The generated file itself is never a source of calls.
  return buildBundle(appDir, '`npm run build:static-analysis` (scripts/build-static-analysis.ts)', 'src/generated/');
}

if (require.main === module) {
  buildStaticAnalysis(ROOT).then((analysis) => {
    const text = JSON.stringify(analysis, null, 1) + '\n';
    if (process.argv.includes('--check')) {
      const same = existsSync(OUT) && readFileSync(OUT, 'utf8') === text;
      console.log(same ? `${OUT}: up to date` : `${OUT}: stale — run npm run build:static-analysis`);
      process.exit(same ? 0 : 1);
    }
    mkdirSync(dirname(OUT), { recursive: true });
    writeFileSync(OUT, text);
    console.log(`wrote ${OUT}`);
  });
}
