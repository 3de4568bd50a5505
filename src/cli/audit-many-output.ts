import { renderSarif } from '../report/sarif';
import type { AppAudit } from './audit-command';
import { styler } from './output';

/** One app's outcome in a run over several apps: its audit, or the input error that stopped it (exit 2). */
export interface AppOutcome {
  /** The app directory relative to the working directory, with `/` (`.` for the working directory). */
  app: string;
  /** `app/manifest.yml`: how reports of several apps name each manifest. */
  manifest: string;
  exitCode: 0 | 1 | 2;
  audit?: AppAudit;
  error?: { code: string; message: string };
}

/** Returns the JSON (and NDJSON line) entry of one app: where it is, its exit code, the failing findings and its report, or its error. */
export function jsonEntry(o: AppOutcome): object {
  const base = { app: o.app, manifest: o.manifest, exitCode: o.exitCode };
  if (!o.audit) return { ...base, error: o.error };
  return { ...base, failing: o.audit.failing, report: o.audit.result.report };
}

const COLUMNS = ['app', 'files', 'endpoints', 'missing', 'unused', 'unverifiable', 'invalid', 'unresolved', 'result'] as const;

function summaryRows(outcomes: readonly AppOutcome[]): string[][] {
  return outcomes.map((o) => {
    if (!o.audit) return [o.app, ...COLUMNS.slice(1, -1).map(() => '-'), `error (${o.error?.code})`];
    const { report } = o.audit.result;
    const failing = o.audit.failing.length;
    return [
      o.app,
      String(report.files.scanned),
      String(report.endpoints.length),
      String(report.scopes.missingScopes.length),
      String(report.scopes.unused.length),
      String(report.scopes.unverifiable.length),
      String(report.scopes.invalid.length),
      String(report.unresolved.length),
      failing ? `fails (${failing})` : 'ok',
    ];
  });
}

/** Returns the one-line tally of a run: how many apps pass, fail and could not be audited. */
export function tally(outcomes: readonly AppOutcome[]): string {
  const count = (code: number) => outcomes.filter((o) => o.exitCode === code).length;
  return `${outcomes.length} apps: ${count(0)} pass, ${count(1)} fail the audit, ${count(2)} could not be audited`;
}

/** Returns the summary table of a run as aligned text columns, coloured when asked. */
export function renderSummaryText(outcomes: readonly AppOutcome[], color: boolean): string {
  const s = styler(color);
  const rows = [[...COLUMNS], ...summaryRows(outcomes)];
  const widths = COLUMNS.map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 || c === r.length - 1 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd();
  const body = rows.slice(1).map((r, i) => {
    const text = line(r);
    return outcomes[i].exitCode === 2 ? s.red(text) : outcomes[i].exitCode === 1 ? s.yellow(text) : text;
  });
  return [s.bold(`Summary: ${tally(outcomes)}`), s.dim(line(rows[0])), ...body].join('\n') + '\n';
}

/** Returns the summary table of a run as a Markdown table. */
export function renderSummaryMarkdown(outcomes: readonly AppOutcome[]): string {
  const rows = summaryRows(outcomes).map((r) => `| \`${r[0]}\` | ${r.slice(1).join(' | ')} |`);
  return [`# Scope Inspector — ${tally(outcomes)}`, '', `| ${COLUMNS.join(' | ')} |`, `|${COLUMNS.map((_, i) => (i === 0 || i === COLUMNS.length - 1 ? '---' : '---:')).join('|')}|`, ...rows, ''].join('\n');
}

interface SarifRun {
  results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
  [key: string]: unknown;
}

/**
 * Returns one SARIF log with one run per app. Each run gets its own category
 * (`automationDetails.id` `scope-inspector/APP/`: code scanning no longer merges runs of one tool
 * and category from one upload) and URIs relative to the working directory (APP/src/...), not to
 * the app. An app that could not be audited is a run without results whose invocation failed.
 */
export function renderSarifMany(outcomes: readonly AppOutcome[], version: string): object {
  const rendered = outcomes.map((o) => (o.audit ? (renderSarif(o.audit.result.report, version) as { $schema: string; version: string; runs: SarifRun[] }) : undefined));
  const first = rendered.find((log) => log !== undefined);
  // A run needs the tool's description even when its app could not be audited.
  const tool = first?.runs[0].tool ?? { driver: { name: 'scope-inspector', version } };
  const runs = outcomes.map((o, i) => {
    const prefix = o.app === '.' ? '' : `${o.app}/`;
    const automationDetails = { id: `scope-inspector/${prefix}` };
    const run = rendered[i]?.runs[0];
    if (!run) {
      return { tool, automationDetails, invocations: [{ executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: o.error?.message ?? 'not audited' } }] }], results: [] };
    }
    for (const r of run.results) for (const l of r.locations) l.physicalLocation.artifactLocation.uri = prefix + l.physicalLocation.artifactLocation.uri;
    return { ...run, automationDetails, invocations: [{ executionSuccessful: true }] };
  });
  return { $schema: first?.$schema ?? 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs };
}
