/**
 * The invalid-scope check (`invalidScopes`: each declared name not in @forge/manifest's list,
 * with the scope it most likely meant), side by side in one run with the algorithm it replaced
 * (kept below as the peer), for manifests of 1 to 16,000 invalid names and of all valid names.
 *
 *   npx tsx bench/invalid-scopes.ts [--runs 5]
 */
import { invalidScopes, loadForgeKnowledge, type ManifestInfo } from '../src/manifest';
import { fmt, median, seeded } from './stats';

/** The replaced suggestion: per call, a fresh Set and array of the valid names, their parts re-sorted, and an edit distance to every one. */
function suggestBefore(invalid: string, validList: Iterable<string>): string | undefined {
  const COMMON: Record<string, string> = { 'read:jira-issue': 'read:jira-work', 'write:jira-issue': 'write:jira-work', 'read:confluence-page': 'read:confluence-content.all', 'storage:apps': 'storage:app', 'app:storage': 'storage:app' };
  const distance = (a: string, b: string, max: number): number => {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const cur = [i];
      let rowMin = i;
      for (let j = 1; j <= b.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > max) return max + 1;
      prev = cur;
    }
    return prev[b.length];
  };
  const valid = [...validList];
  const set = new Set(valid);
  const known = COMMON[invalid.trim().toLowerCase()];
  if (known && set.has(known)) return known;
  const folded = invalid.trim().toLowerCase().replace(/[_\s]+/g, '-');
  const same = valid.find((v) => v.toLowerCase() === folded);
  if (same) return same;
  const parts = folded.split(':').sort().join(':');
  const swapped = valid.find((v) => v.split(':').sort().join(':') === parts);
  if (swapped) return swapped;
  const max = Math.max(2, Math.floor(folded.length / 5));
  let best: string | undefined;
  let bestD = max + 1;
  for (const v of valid) {
    const d = distance(folded, v, Math.min(max, bestD));
    if (d < bestD || (d === bestD && best !== undefined && v < best)) { best = v; bestD = d; }
  }
  return bestD <= max ? best : undefined;
}

function invalidBefore(manifest: ManifestInfo, valid: ReadonlySet<string>) {
  return manifest.scopes.filter((s) => !valid.has(s.name)).map((s) => ({ name: s.name, suggestion: suggestBefore(s.name, valid) }));
}

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const valid = loadForgeKnowledge().validScopes;
const validNames = [...valid];
const random = seeded(42);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz:-.';
/** Invalid names as manifests hold them: typos of real names (an edit or two), and names that are nothing like one. */
function invalidName(i: number): string {
  const base = pick(validNames);
  if (i % 3 === 2) return Array.from({ length: 8 + Math.floor(random() * 30) }, () => pick([...ALPHABET])).join('');
  let name = base;
  for (let e = 0; e <= i % 2; e++) {
    const at = Math.floor(random() * name.length);
    name = name.slice(0, at) + pick([...ALPHABET]) + name.slice(at + 1);
  }
  return valid.has(name) ? `${name}x` : name;
}
const manifestOf = (names: string[]): ManifestInfo => ({
  file: 'manifest.yml', app: {}, scopesAt: { line: 1, column: 1 }, modules: [], functions: [], triggerEvents: [], scheduledTriggers: [], resources: [], remotes: [],
  scopes: names.map((name, i) => ({ name, line: i + 5, column: 7 })),
} as ManifestInfo);

const time = (fn: () => unknown): number => {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

console.log(`invalid-scope check, ${valid.size} valid scopes known, medians of ${runs} runs (ms):`);
console.log('| manifest | before | now | before ÷ now | now per invalid name |');
console.log('|---|---:|---:|---:|---:|');
const cases: [string, string[]][] = [
  ['all valid scopes', validNames],
  ['1 invalid', [invalidName(0)]],
  ['100 invalid', Array.from({ length: 100 }, (_, i) => invalidName(i))],
  ['1,000 invalid', Array.from({ length: 1000 }, (_, i) => invalidName(i))],
  ['16,000 invalid', Array.from({ length: 16000 }, (_, i) => invalidName(i))],
];
for (const [label, names] of cases) {
  const manifest = manifestOf(names);
  // The index is built once per valid list and kept: a fresh copy of the set makes each run pay for it.
  const fresh = () => new Set(valid);
  const before: number[] = [];
  const now: number[] = [];
  const beforeRuns = names.length > 1000 ? 1 : runs; // the old algorithm takes seconds here
  for (let r = 0; r < Math.max(runs, beforeRuns); r++) {
    if (r < beforeRuns) { const v = fresh(); before.push(time(() => invalidBefore(manifest, v))); }
    const v = fresh();
    now.push(time(() => invalidScopes(manifest, v)));
  }
  const invalidCount = names.filter((n) => !valid.has(n)).length;
  const b = median(before);
  const n = median(now);
  console.log(`| ${label} | ${fmt(b, 1)} | ${fmt(n, 1)} | ${fmt(b / n, 0)}× | ${invalidCount ? `${fmt((n / invalidCount) * 1000, 1)} µs` : '—'} |`);
}
// Same suggestions as before, name for name (ties broken the same way).
const sample = Array.from({ length: 2000 }, (_, i) => invalidName(i));
const differ = sample.filter((name) => invalidBefore(manifestOf([name]), valid)[0]?.suggestion !== invalidScopes(manifestOf([name]), valid)[0]?.suggestion);
console.log(`suggestions that differ from before on ${fmt(sample.length)} names: ${differ.length}${differ.length ? ` (${differ.slice(0, 5).join(', ')})` : ''}`);
