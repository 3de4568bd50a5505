import { renderEndpointsCsv, renderScopesCsv } from '../report/csv';
import { renderMarkdown } from '../report/markdown';
import { readUsage, resetUsage } from '../store';
import { ScopeInspectorError } from '../errors';
import { DEFAULT_WINDOW, type ExportUsageResult, type GetEndpointsResult, type GetReportResult, type ResetUsageResult } from './contract';
import { callerIsAdmin, type AdminCheckContext } from './admin-check';
import { queryEndpoints } from './endpoint-query';
import { endpointsFor, planTexts, reportFor } from './report-service';
import { staticAnalysis } from './static-analysis';
import { endpointsInput, exportInput, reportInput, resetInput } from './validate-input';

/** A resolver request as `@forge/resolver` passes it. */
export interface ResolverRequest {
  payload?: unknown;
  context?: AdminCheckContext & Record<string, unknown>;
}

/** How many runtime calls to unknown paths `getReport` carries (the busiest). */
const UNKNOWN_SHOWN = 100;

async function requireAdmin(request: ResolverRequest): Promise<void> {
  if (!(await callerIsAdmin(request.context))) throw new ScopeInspectorError('NOT_ADMIN', 'only a site or product admin can export or reset usage data');
}

/** `getReport`: one snapshot of the report (endpoints included) for a window (default 90 days), the plan and whether the caller may administer. */
export async function getReport(request: ResolverRequest): Promise<GetReportResult> {
  const { window = DEFAULT_WINDOW } = reportInput(request.payload);
  const bundle = staticAnalysis();
  // The admin check's own call is recorded as the inspector's, apart from the app's usage.
  const [usage, canAdminister] = await Promise.all([readUsage(), callerIsAdmin(request.context)]);
  const full = reportFor(bundle, usage, window);
  // Unknown shapes are capped to the busiest (sorted by calls).
  const report = { ...full, unknownRuntime: full.unknownRuntime.slice(0, UNKNOWN_SHOWN) };
  return {
    ok: true,
    report,
    endpointCount: full.endpoints.length,
    unknownRuntimeCount: full.unknownRuntime.length,
    ...planTexts(bundle, full),
    deployedVersion: bundle.version,
    canAdminister,
    generatedAt: new Date().toISOString(),
  };
}

/** `getEndpoints`: one filtered, sorted page of endpoints. */
export async function getEndpoints(request: ResolverRequest): Promise<GetEndpointsResult> {
  const input = endpointsInput(request.payload);
  return queryEndpoints(endpointsFor(staticAnalysis(), await readUsage(), input.window), input);
}

/** `exportUsage` (admins only): the usage export (JSON), the endpoints (CSV) or the scope justification (Markdown). */
export async function exportUsage(request: ResolverRequest): Promise<ExportUsageResult> {
  const { format, window } = exportInput(request.payload);
  await requireAdmin(request);
  const usage = await readUsage();
  const day = usage.generatedAt.slice(0, 10);
  if (format === 'json') return { ok: true, filename: `scope-usage-${day}.json`, mimeType: 'application/json', content: JSON.stringify(usage, null, 2) };
  const report = reportFor(staticAnalysis(), usage, window);
  if (format === 'csv') return { ok: true, filename: `scope-endpoints-${day}.csv`, mimeType: 'text/csv', content: renderEndpointsCsv(report) };
  if (format === 'scopes-csv') return { ok: true, filename: `scope-verdicts-${day}.csv`, mimeType: 'text/csv', content: renderScopesCsv(report) };
  return { ok: true, filename: `scope-justification-${day}.md`, mimeType: 'text/markdown', content: renderMarkdown(report) };
}

/** `resetUsage` (admins only, confirmed): deletes all recorded usage. */
export async function resetUsageData(request: ResolverRequest): Promise<ResetUsageResult> {
  resetInput(request.payload);
  await requireAdmin(request);
  return { ok: true, deletedKeys: await resetUsage() };
}
