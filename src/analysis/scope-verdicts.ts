import type { InvalidScope } from '../manifest/invalid-scopes';
import type { DeclaredScope } from '../manifest/types';
import { whatMayNeed, type BlockerInput } from './blockers';
import type { EndpointReport, InstallationReport, RuntimeEvidence } from './report-types';
import type { ReasonKind, ScopeDetail, ScopeModule, ScopeReason, ScopeVerdict } from './verdict-types';

/** A need as the verdicts see it: an operation (with its endpoint) or a trigger, module, remote or platform feature. */
export interface VerdictNeed {
  /** Operation key, or the other need's reason. */
  id: string;
  kind: Exclude<ReasonKind, 'not-granted' | 'blocked'>;
  alternatives: readonly (readonly string[])[];
  /** Where: call sites, manifest lines. */
  at: string[];
  endpoint?: EndpointReport;
  /** Runtime evidence of a need that is not a catalog operation (a surface whose scopes Atlassian documents). */
  runtime?: RuntimeEvidence;
  event?: string;
  module?: string;
  feature?: string;
  /** An operation only candidate calls may make: how each of them selects it (`src/a.ts:3: one of 6 entries of ENDPOINTS[…] (key unknown)`). */
  candidateOf?: string[];
}

/** Everything a verdict depends on, already computed by `analyze`. */
export interface VerdictInput {
  declared: readonly DeclaredScope[];
  invalid: readonly InvalidScope[];
  needs: readonly VerdictNeed[];
  installations: readonly InstallationReport[];
  /** Installations whose usage shows a call of an operation. */
  sitesOf: (operationKey: string) => ReadonlySet<string>;
  /** The manifest's modules, for their titles. */
  modules: readonly ScopeModule[];
  blockers: BlockerInput;
}

/** A scope's needs: met ones it serves (declared), or unmet ones it would serve (missing). */
interface Serving {
  met: VerdictNeed[];
  unmet: VerdictNeed[];
}

/** Returns the scopes of an alternative that is fully declared, else the smallest addition that meets the need. */
function additionFor(need: VerdictNeed, declared: ReadonlySet<string>): string[] {
  if (need.endpoint) return need.endpoint.missing;
  let best: string[] | undefined;
  for (const alt of need.alternatives) {
    const add = alt.filter((s) => !declared.has(s));
    if (!best || add.length < best.length) best = add;
  }
  return best ?? [];
}

/** Returns true when every declared alternative meeting the need includes `scope`: without it, the need is unmet. */
function onlyMetWith(need: VerdictNeed, scope: string, declared: ReadonlySet<string>): boolean {
  return need.alternatives.filter((alt) => alt.length > 0 && alt.every((s) => declared.has(s))).every((alt) => alt.includes(scope));
}

/** Returns a need as a reason of `scope`; `declared` given for a declared scope (whose removal may break it). */
function reasonOf(need: VerdictNeed, scope: string, declared?: ReadonlySet<string>): ScopeReason {
  const runtime = need.endpoint?.runtime ?? need.runtime;
  const text = `${need.endpoint ? `${need.id}${need.endpoint.summary ? ` (${need.endpoint.summary})` : ''}` : need.id}${need.candidateOf ? `, a candidate: ${need.candidateOf.join('; ')}` : ''}`;
  const modules = need.module ? [need.module] : (runtime?.moduleKeys ?? []);
  return {
    kind: need.kind,
    text,
    at: need.at,
    ...(need.endpoint ? { operation: need.id } : {}),
    ...(need.event ? { event: need.event } : {}),
    ...(need.module ? { module: need.module } : {}),
    ...(need.feature ? { feature: need.feature } : {}),
    ...(runtime ? { calls: runtime.calls } : {}),
    ...(modules.length ? { modules: [...modules] } : {}),
    ...(declared ? { removalBreaks: onlyMetWith(need, scope, declared) } : {}),
    ...(need.candidateOf ? { candidate: true as const } : {}),
  };
}

/** Sums the runtime evidence of the operations among `needs`, each operation once. */
function runtimeOf(needs: readonly VerdictNeed[], sitesOf: VerdictInput['sitesOf']) {
  const seen = new Set<string>();
  const sites = new Set<string>();
  let calls = 0;
  let failures = 0;
  let firstSeen: string | null = null;
  let lastSeen: string | null = null;
  for (const need of needs) {
    const r = need.endpoint?.runtime ?? need.runtime;
    if (!r || seen.has(need.id)) continue;
    seen.add(need.id);
    calls += r.calls;
    failures += r.failures;
    if (firstSeen === null || r.firstSeen < firstSeen) firstSeen = r.firstSeen;
    if (lastSeen === null || r.lastSeen > lastSeen) lastSeen = r.lastSeen;
    for (const s of sitesOf(need.id)) sites.add(s);
  }
  return { calls, failures, successes: calls - failures, firstSeen, lastSeen, sites: sites.size };
}

/** Returns the modules that rely on a scope: those its needs come from, and those whose invocations called its operations. */
function modulesOf(needs: readonly VerdictNeed[], known: readonly ScopeModule[]): ScopeModule[] {
  const keys = new Set<string>();
  for (const n of needs) {
    if (n.module) keys.add(n.module);
    for (const k of (n.endpoint?.runtime ?? n.runtime)?.moduleKeys ?? []) keys.add(k);
  }
  return [...keys].sort().map((key) => known.find((m) => m.key === key) ?? { key });
}

/** Installations (with grant data) that have not granted a scope, as reasons. */
function notGrantedReasons(scope: string, installations: readonly InstallationReport[], served: readonly VerdictNeed[]): ScopeReason[] {
  const mismatches = served.reduce((sum, n) => sum + ((n.endpoint?.runtime ?? n.runtime)?.scopeMismatch401 ?? 0), 0);
  return installations
    .filter((i) => i.appVersion !== undefined && !i.granted.includes(scope))
    .map((i) => ({
      kind: 'not-granted' as const,
      text: `installation ${i.installation}${i.appVersion ? ` (app version ${i.appVersion})` : ''} has not granted it${mismatches ? `; calls refused: ${mismatches} (401 "scope does not match")` : ''}`,
      at: [],
    }));
}

/**
 * Returns the evidence model: one detail per declared or needed scope, sorted by name, with its
 * verdict (docs/analysis.md, "Scope verdicts"), reasons, modules and runtime evidence.
 */
export function scopeDetails(input: VerdictInput): ScopeDetail[] {
  const declared = new Set(input.declared.map((d) => d.name));
  const serving = new Map<string, Serving>();
  const of = (scope: string): Serving => {
    let s = serving.get(scope);
    if (!s) serving.set(scope, (s = { met: [], unmet: [] }));
    return s;
  };
  for (const d of input.declared) of(d.name);
  for (const need of input.needs) {
    const metAlternatives = need.alternatives.filter((alt) => alt.length > 0 && alt.every((s) => declared.has(s)));
    if (metAlternatives.length) {
      for (const s of new Set(metAlternatives.flat())) of(s).met.push(need);
    } else if (need.alternatives.length) {
      for (const s of additionFor(need, declared)) of(s).unmet.push(need);
    }
  }
  const invalid = new Map(input.invalid.map((i) => [i.name, i]));
  const details: ScopeDetail[] = [];
  for (const [scope, { met, unmet }] of serving) {
    const needs = declared.has(scope) ? met : unmet;
    let verdict: ScopeVerdict;
    let reasons = needs.map((n) => reasonOf(n, scope, declared.has(scope) ? declared : undefined));
    const runtime = runtimeOf(needs, input.sitesOf);
    const bad = invalid.get(scope);
    if (bad) {
      verdict = 'unverifiable';
      reasons = [{ kind: 'blocked', text: `not a scope @forge/manifest knows${bad.suggestion ? ` (did you mean ${bad.suggestion}?)` : ''}: a typo, or newer than the tool's list`, at: [] }];
    } else if (!declared.has(scope)) {
      // Needed only by operations the code may or may not select: reported as such, not as a definite need.
      verdict = unmet.every((n) => n.candidateOf) ? 'missing-if-called' : 'missing';
    } else if (met.length) {
      const refused = notGrantedReasons(scope, input.installations, met);
      if (refused.length) {
        verdict = 'not-granted';
        reasons = [...refused, ...reasons];
      } else if (runtime.successes > 0) verdict = 'in-use';
      else if (met.some((n) => n.kind !== 'operation')) verdict = 'platform';
      else verdict = 'code-only';
    } else {
      const blockers = whatMayNeed(scope, input.blockers);
      verdict = blockers.length ? 'unverifiable' : 'unused';
      reasons = blockers.map((text) => ({ kind: 'blocked' as const, text, at: [] }));
    }
    const { successes: _successes, ...evidence } = runtime;
    details.push({ scope, verdict, reasons, modules: modulesOf(needs, input.modules), ...evidence });
  }
  return details.sort((a, b) => (a.scope < b.scope ? -1 : a.scope > b.scope ? 1 : 0));
}
