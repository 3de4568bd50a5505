import type { EndpointReport, Report } from '../analysis/report-types';

/** A known failure, as every resolver returns it (unknown errors are rethrown). */
export interface ResolverError {
  ok: false;
  /** Stable code, e.g. `NOT_ADMIN`, `INVALID_INPUT`, `STORAGE_UNAVAILABLE`. */
  code: string;
  message: string;
}

/** `getReport` answer (admins only): the report without its endpoint list (page it with `getEndpoints`). */
export interface GetReportResult {
  ok: true;
  report: Omit<Report, 'endpoints'> & { endpoints: [] };
  /** Total endpoints (static and runtime). */
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

/** Filters and paging of `getEndpoints`. */
export interface GetEndpointsInput {
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
  format: 'json' | 'csv' | 'markdown';
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
