import type { EndpointReport, Report } from '../analysis/report-types';

/** A known failure, as every resolver returns it (unknown errors are rethrown). */
export interface ResolverError {
  ok: false;
  /** Stable code, e.g. `NOT_ADMIN`, `INVALID_INPUT`, `STORAGE_UNAVAILABLE`. */
  code: string;
  message: string;
}

/**
 * `getReport` answer (admins only): one snapshot of the whole report, endpoints included, so
 * every tab of the page renders the same data (the page pages endpoints locally; `getEndpoints`
 * pages live data for other clients).
 */
export interface GetReportResult {
  ok: true;
  report: Report;
  /** Total endpoints (static and runtime): `report.endpoints.length`. */
  endpointCount: number;
  /** Runtime calls to paths outside the catalog; `report.unknownRuntime` holds the busiest 100. */
  unknownRuntimeCount: number;
  /** Runtime rows kept apart from the evidence; `report.excludedRuntime` holds the busiest 100. */
  excludedRuntimeCount?: number;
  /** The recommended `permissions.scopes` block. */
  planYaml: string;
  /** Unified diff of the plan against today's manifest.yml. */
  planDiff: string;
  /** The manifest the app was deployed with (the static findings were built from it). */
  deployedVersion: string;
  /** Always true: the report answers site/product admins only (`NOT_ADMIN` otherwise); kept for pages that read it. */
  canAdminister: boolean;
  generatedAt: string;
}

/** Days of usage a report counts, up to today (UTC): 7, 30, 90… (1–366), or `all` that storage holds. */
export type ReportWindow = number | 'all';

/** `getReport` input: the window the report is computed for (default `DEFAULT_WINDOW`). */
export interface GetReportInput {
  window?: ReportWindow;
}

/** The window `getReport` computes when none is asked: 90 days, the period AWS IAM Access Analyzer's example and Google's IAM recommender use (docs/admin-page.md). */
export const DEFAULT_WINDOW = 90;

/** Filters and paging of `getEndpoints`. */
export interface GetEndpointsInput {
  /** Days of usage counted (default: all). */
  window?: ReportWindow;
  offset?: number;
  /** 1–200, default 50. */
  limit?: number;
  /** Case-insensitive substring of method, template, operationId or a scope. */
  text?: string;
  product?: EndpointReport['product'];
  evidence?: EndpointReport['evidence'];
  /** `missing`: not authorized by the declared scopes; `mismatch`: saw 401 scope mismatches at runtime. */
  status?: 'missing' | 'mismatch' | 'ok';
  sort?: 'calls' | 'template' | 'lastSeen';
  direction?: 'asc' | 'desc';
}

/** `getEndpoints` answer: one page. */
export interface GetEndpointsResult {
  ok: true;
  items: EndpointReport[];
  total: number;
  offset: number;
  limit: number;
}

/** `exportUsage` input. */
export interface ExportUsageInput {
  /** `json`: the usage export; `csv`: endpoints; `scopes-csv`: scope verdicts and files not scanned; `markdown`: the scope justification. */
  format: 'json' | 'csv' | 'scopes-csv' | 'markdown';
  /** For the CSV and Markdown reports: the window they count, as the page shows it (default: all). The JSON usage export is always whole. */
  window?: ReportWindow;
}

/** `exportUsage` answer: a file for the browser to download. */
export interface ExportUsageResult {
  ok: true;
  filename: string;
  mimeType: string;
  content: string;
}

/** `resetUsage` input: must confirm explicitly. */
export interface ResetUsageInput {
  confirm: true;
}

/** `resetUsage` answer. */
export interface ResetUsageResult {
  ok: true;
  deletedKeys: number;
}
