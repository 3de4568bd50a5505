/**
 * Catalog load time per part, each sample a fresh Node process on the compiled dist/
 * (`npm run build` first): require the catalog, answer one question (which loads and decodes
 * the part it needs and builds its route tree). Also `operations()` (every part) and the plan
 * input of a Jira app. Cases alternate, so load drifts hit all alike. With `--before DIR`
 * (an earlier checkout, built) the same cases run on it too, interleaved.
 *
 *   npx tsx bench/catalog-parts.ts [--runs 15] [--before /tmp/si-before]
 */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fmt, median } from './stats';

const CASES: Record<string, string> = {
  'Jira platform: match GET /rest/api/3/myself': `c.match('requestJira', 'GET', '/rest/api/3/myself')`,
  'rest of Jira: match GET /rest/agile/1.0/board/1': `c.match('requestJira', 'GET', '/rest/agile/1.0/board/1')`,
  'Confluence: match GET /wiki/api/v2/pages/1': `c.match('requestConfluence', 'GET', '/wiki/api/v2/pages/1')`,
  'Bitbucket: match GET /2.0/user': `c.match('requestBitbucket', 'GET', '/2.0/user')`,
  'scopeInfo(read:jira-work)': `c.scopeInfo('read:jira-work')`,
  'every part: operations()': `c.operations()`,
  // Before operationsForScopes existed, the plan counted over every operation.
  'plan input of a Jira app (read:jira-work)': `c.operationsAuthorizedBy(['read:jira-work'], c.operationsForScopes ? c.operationsForScopes(['read:jira-work']) : c.operations())`,
};

// Why Jira is two parts: the same first match with both Jira modules decoded into one part
// (this checkout only; an earlier one has no parts).
const NOW_ONLY: Record<string, string> = {
  'Jira as one part: match GET /rest/api/3/myself': `
    const generated = (p) => require(${JSON.stringify(join(__dirname, '../dist/src/catalog/generated'))} + '/catalog-' + p).partOperations;
    const whole = c.decodeCatalog(require(${JSON.stringify(join(__dirname, '../dist/src/catalog/generated/catalog-index'))}).catalogIndex, () => [...generated('jira-platform'), ...generated('jira')]);
    c.match('requestJira', 'GET', '/rest/api/3/myself', c.buildRouteIndex(whole))`,
};

// Wall time and the process's own CPU time (user + system), which machine load inflates less.
const probe = (catalog: string, body: string) => `
const t0 = process.hrtime.bigint();
const u0 = process.cpuUsage();
const c = require(${JSON.stringify(catalog)});
${body};
const u = process.cpuUsage(u0);
console.log(JSON.stringify([Number(process.hrtime.bigint() - t0) / 1e6, (u.user + u.system) / 1000]));
`;

const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const runs = Number(arg('--runs')) || 15;
const roots: Record<string, string> = { now: join(__dirname, '..') };
if (arg('--before')) roots.before = resolve(arg('--before')!);
const samples = new Map<string, [number, number][]>();
for (let i = 0; i < runs; i++) {
  for (const [name, body] of Object.entries({ ...CASES, ...NOW_ONLY })) {
    for (const [label, root] of Object.entries(roots)) {
      if (label !== 'now' && name in NOW_ONLY) continue;
      const key = `${name}|${label}`;
      const ms = JSON.parse(execFileSync(process.execPath, ['-e', probe(join(root, 'dist/src/catalog'), body)], { encoding: 'utf8' }));
      samples.set(key, [...(samples.get(key) ?? []), ms]);
    }
  }
}
console.log(`catalog load (compiled dist/, ${runs} fresh processes per case, interleaved, medians of wall | CPU; require + decode + route tree + answer):`);
console.log(`  ${'case'.padEnd(48)} ${Object.keys(roots).map((l) => l.padStart(20)).join('')}`);
for (const name of [...Object.keys(CASES), ...Object.keys(NOW_ONLY)]) {
  const cells = Object.keys(roots).map((label) => {
    const values = samples.get(`${name}|${label}`);
    if (!values) return '—'.padStart(20);
    return `${fmt(median(values.map((v) => v[0])), 1)} | ${fmt(median(values.map((v) => v[1])), 1)} ms`.padStart(20);
  });
  console.log(`  ${name.padEnd(48)} ${cells.join('')}`);
}
