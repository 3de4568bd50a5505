import { additionFor, getOperation, operations as allOperations, operationsAuthorizedBy, scopeInfo } from '../catalog';
import type { AnalysisInput } from './analysis-input';
import { mergeUsage } from './merge-usage';
import { leastPrivilegePlan, type Need } from './plan';
import { endpointReports } from './endpoints';
import { REPORT_FORMAT_VERSION, type OtherNeed, type Report, type UnresolvedReport } from './report-types';
import { scopeEvidenceOf } from './scope-evidence';
import { classifyScopes } from './scope-status';
import { installationReports } from './installations';

/** Returns the report for an app: a pure function of the scan, the manifest and usage data. */
export function analyze(input: AnalysisInput): Report {
  const declaredNames = input.declared.map((s) => s.name);
  const declared = new Set(declaredNames);
  const usage = mergeUsage(input.usage ?? []);

  const endpoints = endpointReports(input, usage, declared);
  const ops = endpoints.map((e) => getOperation(e.key)!);
  const staticEndpoints = endpoints.filter((e) => e.calls.length > 0);

  const scopeNeeds = [...input.manifestNeeds, ...(input.scan?.forgeApiNeeds ?? [])];
  const otherNeeds: OtherNeed[] = scopeNeeds.map((n) => {
    const missing = additionFor(n.alternatives, declared);
    const authorized = missing.length === 0;
    return { file: n.file, line: n.line, column: n.column, source: n.source, reason: n.reason, alternatives: n.alternatives.map((a) => [...a]), authorized, missing };
  });

  const needs: Need[] = [
    ...ops.filter((op) => !op.undocumented).map((op) => ({ id: op.key, alternatives: op.alternatives.map((a) => a.scopes) })),
    ...otherNeeds.map((n) => ({ id: n.reason, alternatives: n.alternatives })),
  ];
  const unresolved: UnresolvedReport[] = [
    ...(input.scan?.unresolved ?? []).map((u) => ({
      file: u.file,
      line: u.line,
      column: u.column,
      kind: u.kind,
      ...(u.family ? { family: u.family } : {}),
      reason: u.reason,
      ...(u.pattern ? { pattern: u.pattern } : {}),
      candidates: [...u.candidates],
      side: u.side,
      principal: u.principal,
    })),
    // A call whose path matched no catalog operation is never dropped: it is reported with the
    // matcher's reason and what it probably meant (a Confluence path without /wiki, say).
    ...(input.scan?.calls ?? [])
      .filter((c) => !c.operationKey)
      .map((c) => ({
        file: c.file,
        line: c.line,
        column: c.column,
        kind: 'path' as const,
        family: c.family,
        reason: `${c.method} ${c.pattern}: ${c.noMatch?.reason ?? 'matches no operation in the catalog'}`,
        pattern: c.pattern,
        candidates: [...(c.noMatch?.suggestions ?? [])],
        side: c.side,
        principal: c.principal,
      })),
  ];
  const installations = installationReports(input.usage ?? [], declaredNames, needs);
  const grantedEverywhere = installations.length ? new Set(installations.map((i) => i.granted).reduce((a, b) => a.filter((s) => b.includes(s)))) : undefined;
  const classified = classifyScopes({ declared: input.declared, invalid: input.invalid, needs, endpoints, otherNeeds, unresolved, unknownRuntime: usage.unknown, grantedEverywhere });
  const scopes = { ...classified, duplicates: (input.duplicates ?? []).map((d) => ({ ...d, first: { ...d.first } })) };
  const catalogOps = allOperations();
  const planned = leastPrivilegePlan(needs, catalogOps);
  const keptForUnresolved = scopes.unused.filter((u) => u.status === 'unused-unless-unresolved').map((u) => u.name);
  const planScopes = [...new Set([...planned.scopes, ...keptForUnresolved])].sort();
  const planCost = operationsAuthorizedBy(planScopes, catalogOps).length;
  const validDeclared = declaredNames.filter((s) => scopeInfo(s)?.valid !== false);

  return {
    format: 'scope-inspector-report',
    version: REPORT_FORMAT_VERSION,
    manifest: input.manifestFile,
    endpoints,
    unresolved,
    unknownRuntime: usage.unknown,
    otherNeeds,
    scopes,
    scopeEvidence: scopeEvidenceOf(scopes, endpoints),
    plan: {
      scopes: planScopes,
      keptForUnresolved,
      authorizedOperations: planCost,
      search: planned.search,
      combinationsTried: planned.combinationsTried,
      add: planScopes.filter((s) => !declared.has(s)),
      remove: [...declared].filter((s) => !planScopes.includes(s)).sort(),
    },
    blastRadius: { declared: operationsAuthorizedBy(validDeclared, catalogOps).length, plan: planCost },
    runtime: {
      sites: usage.sites,
      window: usage.window,
      installations,
      droppedCalls: usage.droppedCalls,
      staticExercised: input.usage?.length && staticEndpoints.length ? staticEndpoints.filter((e) => e.runtime).length / staticEndpoints.length : null,
    },
  };
}

