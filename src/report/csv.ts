import { stringify } from 'csv-stringify/sync';
import type { Report } from '../analysis/report-types';
import { callSiteText } from './call-facts';

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
    e.calls.map(callSiteText).join('; '),
  ]);
  const header = ['method', 'template', 'product', 'operationId', 'evidence', 'calls', '2xx', '4xx', '5xx', 'scopeMismatch401', 'firstSeen', 'lastSeen', 'authorized', 'missing', 'locations'];
  return stringify([header, ...rows.map((r) => r.map(neutralizeCell))]);
}

/**
 * Returns the scope verdicts as CSV: one row per declared or needed scope (its verdict, runtime
 * evidence, modules and reasons), then one row per file not scanned as such (with why).
 */
export function renderScopesCsv(report: Report): string {
  const header = ['type', 'name', 'verdict', 'calls', 'failures', 'firstSeen', 'lastSeen', 'sites', 'modules', 'reasons'];
  const scopes = report.scopes.details.map((d) => [
    'scope',
    d.scope,
    d.verdict,
    String(d.calls),
    String(d.failures),
    d.firstSeen ?? '',
    d.lastSeen ?? '',
    String(d.sites),
    d.modules.map((m) => m.key).join(' '),
    d.reasons.map((r) => r.text).join('; '),
  ]);
  const files = [
    ...report.files.skipped.map((f) => ['file', f.file, f.blocksRemoval ? 'blocks removal' : 'not scanned', '', '', '', '', '', '', f.reason]),
    ...report.files.symlinks.map((l) => ['file', l.file, 'symbolic link', '', '', '', '', '', '', `followed to ${l.target}`]),
  ];
  return stringify([header, ...[...scopes, ...files].map((r) => r.map(neutralizeCell))]);
}
