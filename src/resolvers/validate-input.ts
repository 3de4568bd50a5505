import { MAX_WINDOW_DAYS, windowDaysOf } from '../analysis/usage-window';
import type { ExportUsageInput, GetEndpointsInput, GetReportInput, ReportWindow } from './contract';
import { invalidInput } from './known-error';

const PRODUCTS = ['jira', 'jira-software', 'jira-service-management', 'confluence', 'bitbucket'];

function object(payload: unknown): Record<string, unknown> {
  if (payload === undefined || payload === null) return {};
  if (typeof payload !== 'object' || Array.isArray(payload)) invalidInput('payload', 'an object');
  return payload as Record<string, unknown>;
}

function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !allowed.includes(value as T)) invalidInput(field, `one of ${allowed.join(', ')}`);
  return value as T;
}

function integer(value: unknown, field: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) invalidInput(field, `an integer from ${min} to ${max}`);
  return value;
}

function windowOf(value: unknown): ReportWindow | undefined {
  if (value === undefined) return undefined;
  const days = windowDaysOf(value);
  if (days === undefined || typeof value === 'string' && value !== 'all') invalidInput('window', `a whole number of days from 1 to ${MAX_WINDOW_DAYS}, or "all"`);
  return days ?? 'all';
}

/** Returns validated `getReport` input. */
export function reportInput(payload: unknown): GetReportInput {
  const window = windowOf(object(payload).window);
  return window === undefined ? {} : { window };
}

/** Returns validated `getEndpoints` input with defaults filled in. */
export function endpointsInput(payload: unknown): Required<Pick<GetEndpointsInput, 'offset' | 'limit'>> & GetEndpointsInput {
  const p = object(payload);
  const text = p.text;
  if (text !== undefined && (typeof text !== 'string' || text.length > 200)) invalidInput('text', 'a string of at most 200 characters');
  return {
    offset: integer(p.offset, 'offset', 0, 1_000_000, 0),
    limit: integer(p.limit, 'limit', 1, 200, 50),
    text: text as string | undefined,
    product: oneOf(p.product, 'product', PRODUCTS as GetEndpointsInput['product'][] & string[]) as GetEndpointsInput['product'],
    evidence: oneOf(p.evidence, 'evidence', ['static', 'runtime', 'both'] as const),
    status: oneOf(p.status, 'status', ['missing', 'mismatch', 'ok'] as const),
    sort: oneOf(p.sort, 'sort', ['calls', 'template', 'lastSeen'] as const),
    direction: oneOf(p.direction, 'direction', ['asc', 'desc'] as const),
    window: windowOf(p.window),
  };
}

/** Returns validated `exportUsage` input. */
export function exportInput(payload: unknown): ExportUsageInput {
  const format = oneOf(object(payload).format, 'format', ['json', 'csv', 'scopes-csv', 'markdown'] as const);
  if (!format) invalidInput('format', 'one of json, csv, scopes-csv, markdown');
  const window = windowOf(object(payload).window);
  return window === undefined ? { format } : { format, window };
}

/** Throws unless `resetUsage` was confirmed explicitly. */
export function resetInput(payload: unknown): void {
  if (object(payload).confirm !== true) invalidInput('confirm', 'true (reset deletes all recorded usage)');
}
