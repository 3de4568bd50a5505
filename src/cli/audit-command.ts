import { auditApp, type AuditResult } from '../audit/audit-app';
import { baselineOf, candidateScopes, failingFindings, FAIL_ON_VALUES, parseBaseline, type Baseline, type FailOn } from '../audit/baseline';
import { ScopeInspectorError } from '../errors';
import { checkOutputPath, readInputFile, writeOutputFile, type InputKind } from '../input-file';
import { rewriteScopes } from '../fix/rewrite-scopes';
import { MAX_WINDOW_DAYS, todayUtc, windowDaysOf, type UsageWindow } from '../analysis/usage-window';
import { scopeChangeCost } from '../release/approval-cost';
import { readManifestFacts } from '../release/manifest-facts';
import { renderMarkdown } from '../report/markdown';
import { renderSarif } from '../report/sarif';
import { renderText } from '../report/text';
import { styler, type CliIo } from './output';

/** Options of `scope-inspector audit`. */
export interface AuditCommandOptions {
  format: string;
  failOn: string;
  usage?: string[];
  baseline?: string;
  writeBaseline?: string;
  fix?: boolean;
  removeUnused?: boolean;
  dryRun?: boolean;
  /** With --remove-unused: also remove scopes whose verdict is `unverifiable`. */
  force?: boolean;
  /** With --fix / --dry-run: also add the scopes whose verdict is `missing-if-called` (only candidate calls may need them). */
  addCandidates?: boolean;
  output?: string;
  /** Days of usage to count, up to today (UTC), or `all`. */
  window?: string;
}

const FORMATS = ['text', 'json', 'markdown', 'sarif'];
/** Baselines list findings by name: a few kilobytes; far below this for any app. */
const BASELINE: InputKind = { what: 'baseline', maxBytes: 64 * 1024 * 1024, code: 'USAGE' };

/** Returns a unified diff of two versions of a file; the diff library is loaded only by --fix / --dry-run. */
function createTwoFilesPatch(oldName: string, newName: string, oldText: string, newText: string, oldHeader: string, newHeader: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('diff') as typeof import('diff')).createTwoFilesPatch(oldName, newName, oldText, newText, oldHeader, newHeader);
}

function parseFailOn(value: string): FailOn[] {
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = items.filter((s) => !FAIL_ON_VALUES.includes(s as FailOn) && s !== 'none');
  if (bad.length) throw new ScopeInspectorError('USAGE', `--fail-on: unknown ${bad.join(', ')} (choose from ${FAIL_ON_VALUES.join(', ')}, none)`);
  return items.filter((s) => s !== 'none') as FailOn[];
}

/** Returns one app's report in a format (text, json, markdown, sarif). */
export function render(result: AuditResult, format: string, io: CliIo, version: string): string {
  const { report } = result;
  if (format === 'json') return JSON.stringify(report, null, 2) + '\n';
  if (format === 'markdown') return renderMarkdown(report);
  if (format === 'sarif') return JSON.stringify(renderSarif(report, version), null, 2) + '\n';
  return renderText(report, { color: io.color });
}

/**
 * Returns the scopes `--remove-unused` removes: those whose verdict is `unused` (proven from a
 * complete view). Throws `REMOVAL_BLOCKED` (exit 2), naming each blocker, when a declared scope
 * is `unverifiable`, unless `force`, which removes those too.
 */
export function scopesToRemove(report: AuditResult['report'], force: boolean): string[] {
  const unused = report.scopes.unused.map((u) => u.name);
  const blocked = report.scopes.unverifiable;
  if (force) return [...unused, ...blocked.map((u) => u.name)];
  if (blocked.length === 0) return unused;
  const lines = blocked.map((u) => `  ${u.name}: ${u.because.join('; ')}`);
  throw new ScopeInspectorError(
    'REMOVAL_BLOCKED',
    `--remove-unused: ${blocked.length} declared scope(s) cannot be proven unused, so nothing was changed:\n${lines.join('\n')}\n` +
      'Make every file readable and resolve these calls, or remove them anyway with --force.',
  );
}

/** Runs `audit DIR`; returns 0 clean, 1 when selected findings remain, 2 on usage or input errors (thrown). */
export async function runAudit(io: CliIo, dir: string, options: AuditCommandOptions, version: string): Promise<number> {
  const settings = auditSettings(io, options);
  const { result, failing, done } = await auditDir(io, dir, options, settings);
  if (done) return failing.length ? 1 : 0;

  const rendered = render(result, options.format, io, version);
  if (options.output) writeOutputFile(options.output, rendered, 'report');
  else if (!options.fix) io.out(rendered);
  if (options.writeBaseline) {
    writeOutputFile(options.writeBaseline, JSON.stringify(baselineFor(result), null, 2) + '\n', 'baseline');
    io.err(`wrote baseline ${options.writeBaseline}`);
  }
  if (failing.length && options.format === 'text' && !options.output) io.err(styler(io.color).red(`${failing.length} finding(s) fail the audit (--fail-on ${settings.failOn.join(',')})`));
  return failing.length ? 1 : 0;
}

// ---- One app's audit, shared by `audit DIR` and `audit DIR... / --all` (audit-many.ts) ----

/** What every app of a run shares: the parsed --fail-on list, the baseline, where progress goes, how a patch names the manifest. */
export interface AuditSettings {
  failOn: FailOn[];
  baseline?: Baseline;
  progress?: (message: string) => void;
  /** The manifest's name in --fix / --dry-run diffs (default: the report's, `manifest.yml`). */
  patchName?: string;
  /** The usage window (--window), absent for all the usage files hold. */
  window?: UsageWindow;
}

/** One app's audit: its result, the findings that fail it, and `done` when --fix / --dry-run printed all there is to print. */
export interface AppAudit {
  result: AuditResult;
  failing: string[];
  done: boolean;
}

/** Checks --format and --fail-on and reads the --baseline file; throws ScopeInspectorError (exit 2) on bad values. */
export function auditSettings(io: CliIo, options: AuditCommandOptions): AuditSettings {
  if (!FORMATS.includes(options.format)) throw new ScopeInspectorError('USAGE', `--format: unknown "${options.format}" (choose from ${FORMATS.join(', ')})`);
  const failOn = parseFailOn(options.failOn);
  // Where results go is checked before any work: a typo in a path fails at once, not after the scan.
  if (options.output) checkOutputPath(options.output, 'report');
  if (options.writeBaseline) checkOutputPath(options.writeBaseline, 'baseline');
  const baseline = options.baseline ? parseBaseline(readInputFile(options.baseline, BASELINE), options.baseline) : undefined;
  const progress = io.color ? (message: string) => io.err(styler(true).dim(message)) : undefined;
  return { failOn, baseline, progress, ...(options.window !== undefined ? windowOption(options.window) : {}) };
}

/** Returns the --window setting: the last N days up to today (UTC); "all" counts what the files hold (no clock involved). */
function windowOption(value: string): { window?: UsageWindow } {
  const days = windowDaysOf(value);
  if (days === undefined) throw new ScopeInspectorError('USAGE', `--window: expected a number of days from 1 to ${MAX_WINDOW_DAYS} or "all", got "${value}"`);
  return days === null ? {} : { window: { days, endDay: todayUtc() } };
}

/** Returns the baseline file contents for an audit: its findings and its declared manifest. */
export function baselineFor(result: AuditResult): Baseline {
  return baselineOf(result.report, readManifestFacts(result.manifestText, result.report.manifest).declared);
}

/** Audits one app directory; with --fix / --dry-run prints the manifest diff to `io` (and --fix writes it, then audits again). */
export async function auditDir(io: CliIo, dir: string, options: AuditCommandOptions, settings: AuditSettings): Promise<AppAudit> {
  const { failOn, baseline, progress, window } = settings;
  let result = await auditApp(dir, { usageFiles: options.usage, onProgress: progress, window });

  if (options.fix || options.dryRun) {
    const { report, manifestPath, manifestText } = result;
    const remove = options.removeUnused ? scopesToRemove(report, Boolean(options.force)) : [];
    const add = [...report.scopes.missingScopes, ...(options.addCandidates ? candidateScopes(report) : [])];
    const updated = rewriteScopes(manifestText, { add, remove }, report.manifest);
    const name = settings.patchName ?? report.manifest;
    if (updated === manifestText) io.err(`${name}: nothing to change`);
    // Written before the diff is shown as "fixed": a manifest that cannot be written reports only that.
    else {
      if (!options.dryRun) writeOutputFile(manifestPath, updated, 'manifest');
      io.out(createTwoFilesPatch(name, name, manifestText, updated, 'current', options.dryRun ? 'proposed' : 'fixed'));
      // What deploying the edit costs the sites: the same pure rule the plan's cost uses.
      const before = report.scopes.declared.map((d) => d.name);
      const after = [...before.filter((n) => !remove.includes(n)), ...add.filter((n) => !before.includes(n))];
      io.err(`Deploying this: ${scopeChangeCost(before, after).summary}`);
    }
    if (options.dryRun || updated === manifestText) return { result, failing: failingFindings(report, failOn, baseline), done: true };
    result = await auditApp(dir, { usageFiles: options.usage, window });
  }
  return { result, failing: failingFindings(result.report, failOn, baseline), done: false };
}
