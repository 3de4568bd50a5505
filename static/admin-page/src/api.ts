import { invoke } from '@forge/bridge';
import type {
  ExportUsageInput,
  ExportUsageResult,
  GetReportResult,
  ReportWindow,
  ResetUsageResult,
  ResolverError,
} from '../../../src/resolvers/contract';

/** A known resolver failure (`{ ok: false, code, message }`) surfaced as an error the page can show. */
export class ResolverFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ResolverFailure';
  }
}

function isFailure(value: unknown): value is ResolverError {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;
}

/** Returns the resolver's answer, throwing `ResolverFailure` for `{ ok: false }` answers. */
async function call<T>(name: string, payload?: object): Promise<T> {
  const result = await invoke<unknown>(name, payload as Record<string, unknown> | undefined);
  if (isFailure(result)) throw new ResolverFailure(result.code, result.message);
  if (typeof result !== 'object' || result === null) throw new ResolverFailure('BAD_ANSWER', `${name}: unexpected answer from the resolver`);
  return result as T;
}

/** Returns one snapshot of the report for a window (the resolver computes every count for it). */
export const getReport = (window: ReportWindow): Promise<GetReportResult> => call<GetReportResult>('getReport', { window });

/** Returns a usage export file (admin only); the CSV and Markdown reports count `window`. */
export const exportUsage = (format: ExportUsageInput['format'], window: ReportWindow): Promise<ExportUsageResult> =>
  call<ExportUsageResult>('exportUsage', format === 'json' ? { format } : { format, window });

/** Deletes the recorded usage (admin only). */
export const resetUsage = (): Promise<ResetUsageResult> => call<ResetUsageResult>('resetUsage', { confirm: true });

/** Returns a message for any error, prefixed with its code when the resolver gave one. */
export function describeError(error: unknown): { code?: string; message: string } {
  if (error instanceof ResolverFailure) return { code: error.code, message: error.message };
  return { message: error instanceof Error ? error.message : String(error) };
}
