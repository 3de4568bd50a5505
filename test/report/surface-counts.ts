import type { Report, ScopeVerdict } from '../../src/analysis/report-types';
import { VERDICTS } from '../../src/report/verdict-summary';
import { parseCsv } from '../e2e/downloads';

/** Every count each rendered surface shows, read back from its text. */
export interface SurfaceCounts {
  verdicts: Record<ScopeVerdict, number>;
  /** Runtime calls per scope, where the surface shows them (scopes with calls only). */
  scopeCalls: Record<string, number>;
  /** Runtime calls per endpoint key. */
  endpointCalls?: Record<string, number>;
}

const zero = () => Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<ScopeVerdict, number>;
/** Reads `<verdict><sep><n>` pairs from a line (only verdict names). */
const verdictNumbers = (line: string, sep: string) => Object.fromEntries([...line.matchAll(new RegExp(`(?<![\\w-])(${VERDICTS.join('|')})${sep}(\\d+)`, 'g'))].map((m) => [m[1], Number(m[2])]));

/** Counts read from the CLI text. */
export function fromText(text: string): SurfaceCounts {
  const lines = text.split('\n');
  const verdicts = { ...zero(), ...verdictNumbers(lines[1], ' ') };
  const scopeCalls: Record<string, number> = {};
  for (const m of text.matchAll(/^ {2}(\S+) \[[a-z-]+\] {2}(\d+) calls/gm)) scopeCalls[m[1]] = Number(m[2]);
  const endpointCalls: Record<string, number> = {};
  for (const m of text.matchAll(/^ {2}([A-Z]+ \S+) {2}\[\w+\] (\d+) calls, seen on/gm)) endpointCalls[m[1]] = Number(m[2]);
  return { verdicts, scopeCalls, endpointCalls };
}

/** Counts read from the Markdown justification. */
export function fromMarkdown(md: string): SurfaceCounts {
  const header = md.split('\n').find((l) => l.startsWith('Declared: '))!;
  const verdicts = { ...zero(), ...verdictNumbers(header, ': ') };
  const scopeCalls: Record<string, number> = {};
  for (const m of md.matchAll(/^\| `(\S+)` \| [a-z-]+ \|.*runtime: (\d+) calls/gm)) scopeCalls[m[1]] = Number(m[2]);
  return { verdicts, scopeCalls };
}

/** Counts read from the SARIF log: its verdict summary, checked against its own results. */
export function fromSarif(sarif: any): SurfaceCounts {
  const run = sarif.runs[0];
  const results = (rule: string) => run.results.filter((r: any) => r.ruleId === rule);
  const missing = new Set(results('missing-scope').flatMap((r: any) => r.properties.scopes)).size;
  const missingIfCalled = new Set(results('missing-if-called-scope').flatMap((r: any) => r.properties.scopes)).size;
  expect(run.properties.verdicts).toMatchObject({ unused: results('unused-scope').length, unverifiable: results('unverifiable-scope').length, 'not-granted': results('not-granted-scope').length, missing, 'missing-if-called': missingIfCalled });
  return { verdicts: { ...zero(), ...run.properties.verdicts }, scopeCalls: {} };
}

/** Counts read from the scopes CSV and the endpoints CSV. */
export function fromCsv(scopesCsv: string, endpointsCsv: string): SurfaceCounts {
  const [head, ...rows] = parseCsv(scopesCsv);
  const col = (name: string) => head.indexOf(name);
  const verdicts = zero();
  const scopeCalls: Record<string, number> = {};
  for (const r of rows.filter((x) => x[col('type')] === 'scope')) {
    verdicts[r[col('verdict')] as ScopeVerdict]++;
    if (Number(r[col('calls')]) > 0) scopeCalls[r[col('name')]] = Number(r[col('calls')]);
  }
  const [eHead, ...eRows] = parseCsv(endpointsCsv);
  const endpointCalls: Record<string, number> = {};
  for (const r of eRows) if (Number(r[eHead.indexOf('calls')]) > 0) endpointCalls[`${r[eHead.indexOf('method')]} ${r[eHead.indexOf('template')]}`] = Number(r[eHead.indexOf('calls')]);
  return { verdicts, scopeCalls, endpointCalls };
}

/** Counts read from the JSON report. */
export function fromJson(json: string): SurfaceCounts {
  const report = JSON.parse(json) as Report;
  const verdicts = zero();
  for (const d of report.scopes.details) verdicts[d.verdict]++;
  const endpointCalls = Object.fromEntries(report.endpoints.filter((e) => e.runtime?.calls).map((e) => [e.key, e.runtime!.calls]));
  return { verdicts, scopeCalls: Object.fromEntries(report.scopes.details.filter((d) => d.calls > 0).map((d) => [d.scope, d.calls])), endpointCalls };
}

/** Asserts that every surface shows the same counts as the JSON (the scope calls each surface shows are a subset of them). */
export function expectAgreement(json: SurfaceCounts, others: Record<string, SurfaceCounts>): void {
  for (const [name, counts] of Object.entries(others)) {
    expect({ surface: name, verdicts: counts.verdicts }).toEqual({ surface: name, verdicts: json.verdicts });
    for (const [scope, calls] of Object.entries(counts.scopeCalls)) expect({ surface: name, scope, calls }).toEqual({ surface: name, scope, calls: json.scopeCalls[scope] });
    if (counts.endpointCalls) expect({ surface: name, endpointCalls: counts.endpointCalls }).toEqual({ surface: name, endpointCalls: json.endpointCalls });
  }
}
