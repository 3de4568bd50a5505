import { activityOf } from './activity';
import { duplicateScopes } from '../manifest/invalid-scopes';
import { additionFor, operationsAuthorizedBy, operationsForScopes, scopeInfo } from '../catalog';
import type { AnalysisInput } from './analysis-input';
import { describeReplacements, replaceClassicScopes } from './granular-replacement';
import { installationReports } from './installations';
import { mergeUsage } from './merge-usage';
import { leastPrivilegePlan, type Need } from './plan';
import { planCost } from './plan-cost';
import { endpointReports } from './endpoints';
import { excludedRuntime } from './excluded-runtime';
import { candidateCalls } from './candidate-calls';
import { REPORT_FORMAT_VERSION, type CandidateCall, type EndpointReport, type OtherNeed, type Report, type UnresolvedReport } from './report-types';
import { scopeLists } from './scope-lists';
import { scopeDetails, type VerdictNeed } from './scope-verdicts';
import { describeSurface, mergeSurfaces, surfaceKey } from './runtime-surfaces';
import { egressReport } from './egress';
import { windowUsage } from './usage-window';

const KIND_OF_SOURCE = { trigger: 'trigger', module: 'module', remote: 'remote', 'forge-api': 'platform' } as const;

/** Returns the unresolved findings of a scan, plus calls whose path matched no catalog operation (never dropped). */
function unresolvedOf(input: AnalysisInput): UnresolvedReport[] {
  return [
    ...(input.scan?.unresolved ?? []).map((u) => ({
      file: u.file,
      line: u.line,
      column: u.column,
      kind: u.kind,
      ...(u.family ? { family: u.family } : {}),
      reason: u.reason,
      ...(u.pattern ? { pattern: u.pattern } : {}),
      ...(u.method ? { method: u.method } : {}),
      candidates: [...u.candidates],
      side: u.side,
      principal: u.principal,
      ...(u.via ? { via: u.via.map((v) => ({ ...v })) } : {}),
      ...(u.surface ? { surface: u.surface } : {}),
      ...(u.graphql ? { graphql: { ...u.graphql, fields: [...u.graphql.fields] } } : {}),
      ...(u.remote ? { remote: u.remote } : {}),
      ...(u.link ? { link: { field: u.link.field, returnedBy: [...u.link.returnedBy] } } : {}),
    })),
    // Reported with the matcher's reason and what it probably meant (a Confluence path without /wiki, say).
    ...(input.scan?.calls ?? [])
      .filter((c) => !c.operationKey)
      .map((c) => ({
        file: c.file,
        line: c.line,
        column: c.column,
        kind: 'path' as const,
        family: c.family,
        reason: noMatchReason(c.method, c.pattern, c.noMatch?.reason),
        pattern: c.pattern,
        method: c.method,
        ...(c.noMatch?.code ? { code: c.noMatch.code } : {}),
        candidates: [...(c.noMatch?.suggestions ?? [])],
        side: c.side,
        principal: c.principal,
        ...(c.via ? { via: c.via.map((v) => ({ ...v })) } : {}),
      })),
  ];
}

/**
 * Returns why a call matched no operation, naming the call once: the matcher's reasons already
 * start with `[GET] /path:`, which used to follow `GET /path:` ("GET /x: [GET] /x: …").
 */
function noMatchReason(method: string, pattern: string, reason: string | undefined): string {
  if (reason === undefined) return `${method} ${pattern}: matches no operation in the catalog`;
  return reason.startsWith(`[${method}] `) ? `${method} ${reason.slice(method.length + 3)}` : `${method} ${pattern}: ${reason}`;
}

/** Returns how each call site of a candidate endpoint selects it (`one of 6 entries of ENDPOINTS[…] (key unknown)`). */
function candidatesOf(e: EndpointReport, candidates: readonly CandidateCall[]): string[] {
  const sites = new Set(e.calls.map((c) => `${c.file}:${c.line}:${c.column}`));
  return [...new Set(candidates.filter((c) => sites.has(`${c.file}:${c.line}:${c.column}`)).map((c) => `${c.file}:${c.line}: ${c.text}`))];
}

/** Returns the report for an app: a pure function of the scan, the manifest and usage data, for the window asked (default: all the usage holds). */
export function analyze(fullInput: AnalysisInput): Report {
  const window = fullInput.window ?? { days: null };
  const windowed = windowUsage(fullInput.usage ?? [], window);
  // Every count below is of the window: the usage itself is restricted before anything reads it.
  const input: AnalysisInput = { ...fullInput, usage: windowed.usage };
  const declaredNames = input.declared.map((s) => s.name);
  const declared = new Set(declaredNames);
  const usage = mergeUsage(input.usage ?? []);
  const surfaces = mergeSurfaces(input.usage ?? []);

  const endpoints = endpointReports(input, usage, declared);
  const candidates = candidateCalls(input.scan?.calls ?? []);
  const staticEndpoints = endpoints.filter((e) => e.calls.length > 0);
  const otherNeeds: OtherNeed[] = [...input.manifestNeeds, ...(input.scan?.forgeApiNeeds ?? [])].map((n) => {
    const missing = n.maybe ? [] : additionFor(n.alternatives, declared);
    return {
      file: n.file,
      line: n.line,
      column: n.column,
      source: n.source,
      reason: n.reason,
      ...(n.feature ? { feature: n.feature } : {}),
      ...(n.module ? { module: n.module } : {}),
      ...(n.event ? { event: n.event } : {}),
      ...(n.maybe ? { maybe: true } : {}),
      alternatives: n.alternatives.map((a) => [...a]),
      authorized: missing.length === 0,
      missing,
    };
  });
  const certain = otherNeeds.filter((n) => !n.maybe);

  const verdictNeeds: VerdictNeed[] = [
    ...endpoints
      .filter((e) => !e.undocumented)
      .map((e) => ({ id: e.key, kind: 'operation' as const, alternatives: e.alternatives.map((a) => a.scopes), at: [...new Set(e.calls.map((c) => `${c.file}:${c.line}`))], endpoint: e, ...(e.candidate ? { candidateOf: candidatesOf(e, candidates) } : {}) })),
    ...certain.map((n) => ({
      id: n.reason,
      kind: KIND_OF_SOURCE[n.source],
      alternatives: n.alternatives,
      at: [`${n.file}:${n.line}`],
      ...(n.event ? { event: n.event } : {}),
      ...(n.module ? { module: n.module } : {}),
      ...(n.feature ? { feature: n.feature } : {}),
    })),
    // Surface calls seen at runtime whose scopes Atlassian documents (Teamwork Graph) are needs like operations.
    ...surfaces.surfaces
      .filter((x) => x.scopes === 'documented' && x.alternatives)
      .map((x) => ({ id: describeSurface(x), kind: 'operation' as const, alternatives: x.alternatives!, at: [], runtime: x.runtime })),
  ];
  const surfaceSites = new Map(surfaces.surfaces.map((x) => [describeSurface(x), surfaces.sitesByKey.get(surfaceKey(x)) ?? new Set<string>()]));
  const needs: Need[] = verdictNeeds.map((n) => ({ id: n.id, alternatives: n.alternatives }));
  const unresolved = unresolvedOf(input);
  const installations = installationReports(input.usage ?? [], declaredNames, needs);
  const skipped = [
    ...(input.scan?.files.skipped ?? []),
    ...(input.scan?.parseErrors ?? []).map((e) => ({ file: e.file, reason: `could not be parsed (${e.line}:${e.col}: ${e.message})`, blocksRemoval: true })),
  ].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

  const details = scopeDetails({
    declared: input.declared,
    invalid: input.invalid,
    needs: verdictNeeds,
    installations,
    sitesOf: (key) => usage.sitesByOperation.get(key) ?? surfaceSites.get(key) ?? new Set(),
    modules: input.modules ?? [],
    blockers: {
      unresolved,
      endpoints,
      unknownRuntime: usage.unknown,
      skipped,
      maybeNeeds: otherNeeds.filter((n) => n.maybe),
      appScopes: new Set(otherNeeds.flatMap((n) => n.alternatives.flat())),
      runtimeSurfaces: surfaces.surfaces,
      tokenlessRemotes: new Set((input.egress?.remotes ?? []).filter((r) => r.appTokens === false).map((r) => r.key)),
    },
  });

  // Every scope the plan, its replacements and the blast radius can name comes from the needs or
  // the manifest: only the catalog parts whose operations name one are loaded, same counts as all.
  const catalogOps = operationsForScopes([...declaredNames, ...needs.flatMap((n) => n.alternatives.flat())]);
  const keptForUnresolved = details.filter((d) => d.verdict === 'unverifiable' && declared.has(d.scope)).map((d) => d.scope);
  const planned = leastPrivilegePlan(needs, catalogOps);
  const keep = new Set(keptForUnresolved);
  const planScopes = replaceClassicScopes([...new Set([...planned.scopes, ...keptForUnresolved])], needs, keep, catalogOps);
  const replacements = describeReplacements([...planned.scopes, ...declaredNames], planScopes, needs, catalogOps);
  const planAuthorized = operationsAuthorizedBy(planScopes, catalogOps).length;
  const validDeclared = declaredNames.filter((s) => scopeInfo(s)?.valid !== false);
  const authorizedToday = operationsAuthorizedBy(validDeclared, catalogOps).length;
  const planChanges = { scopes: planScopes, add: planScopes.filter((s) => !declared.has(s)), remove: [...declared].filter((s) => !planScopes.includes(s)).sort(), replacements };
  // A scope declared twice is one scope: listed once (at its first line), the repeats apart.
  const scopes = { ...scopeLists({ details, declared: input.declared, invalid: input.invalid, needs: verdictNeeds, replacements }), duplicates: duplicateScopes({ scopes: input.declared }) };

  return {
    format: 'scope-inspector-report',
    version: REPORT_FORMAT_VERSION,
    manifest: input.manifestFile,
    files: { scanned: input.scan?.files.scanned.length ?? 0, skipped, symlinks: [...(input.scan?.files.symlinks ?? [])] },
    endpoints,
    candidateCalls: candidates,
    unresolved,
    unknownRuntime: usage.unknown,
    excludedRuntime: excludedRuntime(input.usage ?? []),
    runtimeSurfaces: surfaces.surfaces,
    excludedRuntimeSurfaces: surfaces.excluded,
    ...(input.egress
      ? { egress: egressReport({ manifestFile: input.manifestFile, manifest: input.egress, scan: input.scan, skipped, runtimeSurfaces: surfaces.surfaces, sitesOf: (x) => surfaces.sitesByKey.get(surfaceKey(x)) ?? new Set() }) }
      : {}),
    otherNeeds,
    scopes,
    plan: {
      scopes: planScopes,
      keptForUnresolved,
      replacements,
      authorizedOperations: planAuthorized,
      search: planned.search,
      combinationsTried: planned.combinationsTried,
      add: planChanges.add,
      remove: planChanges.remove,
      cost: planCost(declaredNames, planChanges, authorizedToday, planAuthorized, scopes.missingScopes),
    },
    blastRadius: { declared: authorizedToday, plan: planAuthorized },
    activity: activityOf(windowed.usage, windowed.start, windowed.end, details),
    runtime: {
      sites: usage.sites,
      window: { ...usage.window, days: window.days, start: windowed.start, end: windowed.end, undated: windowed.undated },
      installations,
      droppedCalls: usage.droppedCalls,
      staticExercised: input.usage?.length && staticEndpoints.length ? staticEndpoints.filter((e) => e.runtime).length / staticEndpoints.length : null,
      own: [...usage.own, ...surfaces.own],
    },
  };
}

