import { stringify } from 'csv-stringify/sync';
import type { Report } from '../analysis/report-types';
import { callSiteText } from './call-facts';
import { egressByVerdict, egressEvidence, egressUnresolvedText } from './egress-summary';

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
 * evidence, modules and reasons), one per egress host and kind (`failures`: calls the platform
 * refused) and per call whose host is unknown, then one row per file not scanned as such (with why).
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
  // Egress, the second axis: one row per host and kind (named as the text report and the baseline name it), then the calls whose host is unknown.
  const egress = report.egress
    ? [
        ...egressByVerdict(report.egress).map((d) => ['egress', `${d.kind} ${d.domain}`, d.verdict, String(d.calls), String(d.refused), '', '', String(d.sites), '', egressEvidence(d, report.manifest)]),
        ...report.egress.unresolved.map((u) => ['egress', u.kind, 'unresolved', '', '', '', '', '', '', egressUnresolvedText(u)]),
      ]
    : [];
  const files = [
    ...report.files.skipped.map((f) => ['file', f.file, f.blocksRemoval ? 'blocks removal' : 'not scanned', '', '', '', '', '', '', f.reason]),
    ...report.files.symlinks.map((l) => ['file', l.file, 'symbolic link', '', '', '', '', '', '', `followed to ${l.target}`]),
  ];
  return stringify([header, ...[...scopes, ...egress, ...files].map((r) => r.map(neutralizeCell))]);
}
