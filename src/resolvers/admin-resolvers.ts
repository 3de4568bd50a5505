import { renderEndpointsCsv, renderScopesCsv } from '../report/csv';
import { renderMarkdown } from '../report/markdown';
import { readUsage, resetUsage } from '../store';
import { DEFAULT_WINDOW, type ExportUsageResult, type GetEndpointsResult, type GetReportResult, type ResetUsageResult } from './contract';
import { requireAdmin, type AccessContext } from './access';
import { queryEndpoints } from './endpoint-query';
import { endpointsFor, planTexts, reportFor } from './report-service';
import { staticAnalysis } from './static-analysis';
import { endpointsInput, exportInput, reportInput, resetInput } from './validate-input';

/** A resolver request as `@forge/resolver` passes it. */
export interface ResolverRequest {
  payload?: unknown;
  context?: AccessContext & Record<string, unknown>;
}

/** How many runtime calls to unknown paths, and rows kept apart, `getReport` carries (the busiest). */
const UNKNOWN_SHOWN = 100;

/** `getReport` (admins only): one snapshot of the report (endpoints included) for a window (default 90 days), and the plan. */
export async function getReport(request: ResolverRequest): Promise<GetReportResult> {
  const { window = DEFAULT_WINDOW } = reportInput(request.payload);
  await requireAdmin(request.context, 'the report');
  const bundle = staticAnalysis();
  const usage = await readUsage();
  const full = reportFor(bundle, usage, window);
  // Unknown shapes and rows kept apart are capped to the busiest (sorted by calls).
  const report = { ...full, unknownRuntime: full.unknownRuntime.slice(0, UNKNOWN_SHOWN), excludedRuntime: full.excludedRuntime.slice(0, UNKNOWN_SHOWN) };
  return {
    ok: true,
    report,
    endpointCount: full.endpoints.length,
    unknownRuntimeCount: full.unknownRuntime.length,
    excludedRuntimeCount: full.excludedRuntime.length,
    ...planTexts(bundle, full),
    deployedVersion: bundle.version,
    canAdminister: true,
    generatedAt: new Date().toISOString(),
  };
}

/** `getEndpoints` (admins only): one filtered, sorted page of endpoints. */
export async function getEndpoints(request: ResolverRequest): Promise<GetEndpointsResult> {
  const input = endpointsInput(request.payload);
  await requireAdmin(request.context, 'the endpoint list');
  return queryEndpoints(endpointsFor(staticAnalysis(), await readUsage(), input.window), input);
}

/** `exportUsage` (admins only): the usage export (JSON), the endpoints (CSV) or the scope justification (Markdown). */
export async function exportUsage(request: ResolverRequest): Promise<ExportUsageResult> {
  const { format, window } = exportInput(request.payload);
  await requireAdmin(request.context, 'exporting usage');
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
  await requireAdmin(request.context, 'resetting usage');
  return { ok: true, deletedKeys: await resetUsage() };
}
