import { createTwoFilesPatch } from 'diff';
import { auditApp, type AuditResult } from '../audit/audit-app';
import { baselineOf, failingFindings, FAIL_ON_VALUES, parseBaseline, type FailOn } from '../audit/baseline';
import { ScopeInspectorError } from '../errors';
import { checkOutputPath, readInputFile, writeOutputFile, type InputKind } from '../input-file';
import { rewriteScopes } from '../fix/rewrite-scopes';
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
  output?: string;
}

const FORMATS = ['text', 'json', 'markdown', 'sarif'];
/** Baselines list findings by name: a few kilobytes; far below this for any app. */
const BASELINE: InputKind = { what: 'baseline', maxBytes: 64 * 1024 * 1024, code: 'USAGE' };

function parseFailOn(value: string): FailOn[] {
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = items.filter((s) => !FAIL_ON_VALUES.includes(s as FailOn) && s !== 'none');
  if (bad.length) throw new ScopeInspectorError('USAGE', `--fail-on: unknown ${bad.join(', ')} (choose from ${FAIL_ON_VALUES.join(', ')}, none)`);
  return items.filter((s) => s !== 'none') as FailOn[];
}

function render(result: AuditResult, format: string, io: CliIo, version: string): string {
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
  if (!FORMATS.includes(options.format)) throw new ScopeInspectorError('USAGE', `--format: unknown "${options.format}" (choose from ${FORMATS.join(', ')})`);
  const failOn = parseFailOn(options.failOn);
  // Where results go is checked before any work: a typo in a path fails at once, not after the scan.
  if (options.output) checkOutputPath(options.output, 'report');
  if (options.writeBaseline) checkOutputPath(options.writeBaseline, 'baseline');
  const baseline = options.baseline ? parseBaseline(readInputFile(options.baseline, BASELINE), options.baseline) : undefined;
  const progress = io.color ? (message: string) => io.err(styler(true).dim(message)) : undefined;
  let result = await auditApp(dir, { usageFiles: options.usage, onProgress: progress });

  if (options.fix || options.dryRun) {
    const { report, manifestPath, manifestText } = result;
    const remove = options.removeUnused ? scopesToRemove(report, Boolean(options.force)) : [];
    const updated = rewriteScopes(manifestText, { add: report.scopes.missingScopes, remove }, report.manifest);
    if (updated === manifestText) io.err('manifest.yml: nothing to change');
    // Written before the diff is shown as "fixed": a manifest that cannot be written reports only that.
    else if (!options.dryRun) writeOutputFile(manifestPath, updated, 'manifest');
    if (updated !== manifestText) io.out(createTwoFilesPatch(report.manifest, report.manifest, manifestText, updated, 'current', options.dryRun ? 'proposed' : 'fixed'));
    if (options.dryRun || updated === manifestText) return failingFindings(report, failOn, baseline).length ? 1 : 0;
    result = await auditApp(dir, { usageFiles: options.usage });
  }

  const rendered = render(result, options.format, io, version);
  if (options.output) writeOutputFile(options.output, rendered, 'report');
  else if (!options.fix) io.out(rendered);
  if (options.writeBaseline) {
    const declared = readManifestFacts(result.manifestText, result.report.manifest).declared;
    writeOutputFile(options.writeBaseline, JSON.stringify(baselineOf(result.report, declared), null, 2) + '\n', 'baseline');
    io.err(`wrote baseline ${options.writeBaseline}`);
  }
  const failing = failingFindings(result.report, failOn, baseline);
  if (failing.length && options.format === 'text' && !options.output) io.err(styler(io.color).red(`${failing.length} finding(s) fail the audit (--fail-on ${failOn.join(',')})`));
  return failing.length ? 1 : 0;
}
