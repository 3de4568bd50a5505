import { getOperation, isAuthorized, missingScopes } from '../catalog';
import type { Operation } from '../catalog/types';
import type { CallFinding } from '../scan/types';
import type { AnalysisInput } from './analysis-input';
import { mergeUsage, type MergedUsage } from './merge-usage';
import type { CallSite, EndpointReport } from './report-types';
import { windowUsage } from './usage-window';

/** Returns a call finding as the report lists a call site. */
export function callSiteOf(call: CallFinding): CallSite {
  return {
    file: call.file,
    line: call.line,
    column: call.column,
    side: call.side,
    principal: call.principal,
    ...(call.via ? { via: call.via } : {}),
    ...(call.pathForm ? { pathForm: call.pathForm } : {}),
    ...(call.candidateOf ? { candidateOf: call.candidateOf } : {}),
  };
}

/**
 * Returns every operation the app calls, statically or at runtime, with its call sites, runtime
 * evidence and whether the declared scopes authorize it; sorted by key.
 */
export function endpointReports(input: Pick<AnalysisInput, 'scan'>, usage: MergedUsage, declared: ReadonlySet<string>): EndpointReport[] {
  const staticCalls = new Map<Operation, CallSite[]>();
  for (const call of input.scan?.calls ?? []) {
    const op = call.operationKey ? getOperation(call.operationKey) : undefined;
    if (!op) continue;
    const sites = staticCalls.get(op) ?? [];
    sites.push(callSiteOf(call));
    staticCalls.set(op, sites);
  }
  const ops = [...new Set([...staticCalls.keys(), ...usage.byOperation.keys()])].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return ops.map((op) => {
    const calls = staticCalls.get(op) ?? [];
    const runtime = usage.byOperation.get(op);
    return {
      key: op.key,
      product: op.product,
      family: op.family,
      method: op.method,
      template: op.template,
      operationId: op.operationId,
      summary: op.summary,
      docUrl: op.docUrl,
      alternatives: op.alternatives.map((a) => ({ kind: a.kind, scopes: [...a.scopes], source: a.source })),
      undocumented: op.undocumented,
      deprecated: op.deprecated,
      ...(op.removed ? { removed: op.removed } : {}),
      ...(op.partial ? { partial: op.partial } : {}),
      ...(op.forgePathUnverified ? { forgePathUnverified: true } : {}),
      calls,
      ...(runtime ? { runtime } : {}),
      evidence: calls.length && runtime ? 'both' : calls.length ? 'static' : 'runtime',
      // Only candidate calls and never observed: the app may call it; runtime evidence makes it certain.
      ...(!runtime && calls.length > 0 && calls.every((c) => c.candidateOf) ? { candidate: true as const } : {}),
      authorized: isAuthorized(op, declared),
      missing: missingScopes(op, declared),
    };
  });
}

/** Returns only the report's endpoints (for the input's window): what a paged endpoint table needs, without the plan search. */
export function analyzeEndpoints(input: AnalysisInput): EndpointReport[] {
  const usage = windowUsage(input.usage ?? [], input.window).usage;
  return endpointReports(input, mergeUsage(usage), new Set(input.declared.map((s) => s.name)));
}
