import { stringify } from 'csv-stringify/sync';
import type { Report } from '../analysis/report-types';

/**
 * Neutralises spreadsheet formula injection: a cell starting with `=`, `+`, `-`, `@`, tab or
 * carriage return is prefixed with `'` so spreadsheets show it as text (OWASP's advice).
 */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Returns the report's endpoints as CSV (one row per endpoint, header first). */
export function renderEndpointsCsv(report: Report): string {
  const rows = report.endpoints.map((e) => [
    e.method,
    e.template,
    e.product,
    e.operationId,
    e.evidence,
    String(e.runtime?.calls ?? 0),
    String(e.runtime?.status['2xx'] ?? 0),
    String(e.runtime?.status['4xx'] ?? 0),
    String(e.runtime?.status['5xx'] ?? 0),
    String(e.runtime?.scopeMismatch401 ?? 0),
    e.runtime?.firstSeen ?? '',
    e.runtime?.lastSeen ?? '',
    e.authorized ? 'yes' : 'no',
    e.missing.join(' '),
    e.calls.map((c) => `${c.file}:${c.line}`).join(' '),
  ]);
  const header = ['method', 'template', 'product', 'operationId', 'evidence', 'calls', '2xx', '4xx', '5xx', 'scopeMismatch401', 'firstSeen', 'lastSeen', 'authorized', 'missing', 'locations'];
  return stringify([header, ...rows.map((r) => r.map(neutralizeCell))]);
}
