import { join, relative, resolve, sep } from 'node:path';
import { baselineKey, EMPTY_BASELINE, parseBaselineSet, type BaselineSet } from '../audit/baseline-set';
import { findApps } from '../audit/find-apps';
import { ScopeInspectorError } from '../errors';
import { readInputFile, writeOutputFile, type InputKind } from '../input-file';
import { auditDir, auditSettings, baselineFor, render, type AuditCommandOptions } from './audit-command';
import { jsonEntry, renderSarifMany, renderSummaryMarkdown, renderSummaryText, tally, type AppOutcome } from './audit-many-output';
import { styler, type CliIo } from './output';

/** Options of `scope-inspector audit DIR... | --all [ROOT...]`. */
export interface AuditManyOptions extends AuditCommandOptions {
  /** Search the directories for every Forge manifest.yml (skipping dependencies, build output, fixtures). */
  all?: boolean;
  /** One JSON entry per line instead of one array. */
  ndjson?: boolean;
}

/** Above this many apps, a terminal gets a progress line on standard error. */
const PROGRESS_ABOVE = 3;

/** Returns true when a run covers several apps (its output is the multi-app form), false for the single-app form. */
export function isMultiAppRun(dirs: readonly string[], options: AuditManyOptions): boolean {
  return Boolean(options.all || options.ndjson || dirs.length > 1);
}

const label = (dir: string) => relative(process.cwd(), resolve(dir)).split(sep).join('/') || '.';

/** Baseline sets hold one baseline per app: still kilobytes each. */
const BASELINE_SET: InputKind = { what: 'baseline', maxBytes: 64 * 1024 * 1024, code: 'USAGE' };

function readBaselineSet(file: string): BaselineSet {
  return parseBaselineSet(readInputFile(file, BASELINE_SET), file);
}

/** Returns an error message that names its app: app-relative file names get the app's path, other messages the app as a prefix. */
function inApp(app: string, dir: string, message: string): string {
  if (app === '.' || message.startsWith(`${app}/`) || message.includes(join(dir, 'manifest.yml'))) return message;
  return message.startsWith('manifest.yml') ? `${app}/${message}` : `${app}: ${message}`;
}

/** Lists the apps of a run: found below the roots with --all, else the directories given (each once). */
function appsOf(dirs: readonly string[], options: AuditManyOptions, io: CliIo): string[] {
  if (!options.all) return [...new Map(dirs.map((d) => [resolve(d), d])).values()];
  const roots = dirs.length ? dirs : ['.'];
  const found = findApps(roots);
  for (const s of found.skipped) io.err(styler(false).dim(`skipped ${s.path}: ${s.reason}`));
  if (!found.apps.length) throw new ScopeInspectorError('USAGE', `no Forge app (manifest.yml) below ${roots.join(', ')}`);
  return found.apps;
}

/**
 * Runs `audit` over several apps: one report per app plus a summary, the exit code the worst of
 * them (2 > 1 > 0). An app with bad input gets 2 and its error; the others are still audited.
 * Options that cannot mean one thing for several apps (--usage) are refused (exit 2).
 */
export async function runAuditMany(io: CliIo, dirs: readonly string[], options: AuditManyOptions, version: string): Promise<number> {
  if (options.usage?.length) {
    throw new ScopeInspectorError('USAGE', '--usage: usage exports belong to one app; audit each app with its own exports (audit DIR --usage FILE...)');
  }
  if (options.ndjson && !['text', 'json'].includes(options.format)) throw new ScopeInspectorError('USAGE', `--ndjson prints JSON lines; it cannot be combined with --format ${options.format}`);
  const format = options.ndjson ? 'json' : options.format;
  const settings = auditSettings(io, { ...options, format, baseline: undefined });
  const set = options.baseline ? readBaselineSet(options.baseline) : undefined;
  const apps = appsOf(dirs, options, io);

  const showProgress = apps.length > PROGRESS_ABOVE && io.progress ? io.progress : undefined;
  const outcomes: AppOutcome[] = [];
  for (const [i, dir] of apps.entries()) {
    const app = label(dir);
    const manifest = app === '.' ? 'manifest.yml' : `${app}/manifest.yml`;
    showProgress?.(`[${i + 1}/${apps.length}] ${app}`);
    const baseline = set ? (set.apps[baselineKey(options.baseline!, dir)] ?? EMPTY_BASELINE) : undefined;
    try {
      const audit = await auditDir(io, dir, options, { failOn: settings.failOn, baseline, patchName: manifest });
      outcomes.push({ app, manifest, exitCode: audit.failing.length ? 1 : 0, audit });
    } catch (error) {
      // One app's bad input must not hide the others' results.
      const known = error instanceof ScopeInspectorError;
      const message = inApp(app, dir, known ? error.message : `internal error: ${(error as Error)?.stack ?? error}`);
      io.err(`scope-inspector: ${message}`);
      outcomes.push({ app, manifest, exitCode: 2, error: { code: known ? error.code : 'INTERNAL', message } });
    }
  }
  showProgress?.('');

  const fixing = options.fix || options.dryRun;
  const color = io.color && !options.output;
  if (!fixing || options.output) {
    const text = renderMany(outcomes, format, { ...io, color }, version, Boolean(options.ndjson));
    if (options.output) writeOutputFile(options.output, text, 'report');
    else io.out(text);
  }
  // With --fix / --dry-run, standard output is the patch; the summary goes to standard error.
  if (fixing || options.output || format !== 'text') io.err(renderSummaryText(outcomes, false));
  if (options.writeBaseline) {
    const file = options.writeBaseline;
    const audited = outcomes.filter((o) => o.audit);
    const out: BaselineSet = { format: 'scope-inspector-baselines', version: 1, apps: Object.fromEntries(audited.map((o) => [baselineKey(file, o.app), baselineFor(o.audit!.result)])) };
    writeOutputFile(file, JSON.stringify(out, null, 2) + '\n', 'baselines');
    io.err(`wrote baselines of ${audited.length} apps to ${file}`);
  }
  const code = Math.max(...outcomes.map((o) => o.exitCode));
  if (code && format === 'text' && !options.output) io.err(styler(io.color).red(`${tally(outcomes)} (--fail-on ${settings.failOn.join(',') || 'none'})`));
  return code;
}

/** Returns the whole run in one format: reports one after another and the summary, a JSON array, NDJSON, or one SARIF log. */
function renderMany(outcomes: readonly AppOutcome[], format: string, io: CliIo, version: string, ndjson: boolean): string {
  if (format === 'json') {
    const entries = outcomes.map(jsonEntry);
    return ndjson ? entries.map((e) => JSON.stringify(e)).join('\n') + '\n' : JSON.stringify(entries, null, 2) + '\n';
  }
  if (format === 'sarif') return JSON.stringify(renderSarifMany(outcomes, version), null, 2) + '\n';
  // Text and Markdown name each app's manifest by its path from here, so locations read as APP/manifest.yml:LINE.
  const reports = outcomes.map((o) => {
    if (!o.audit) return format === 'markdown' ? `# ${o.manifest}\n\nNot audited: ${o.error?.message}\n` : `${styler(io.color).red(`${o.manifest}: not audited`)}\n  ${o.error?.message}\n`;
    const result = o.audit.result;
    return render({ ...result, report: { ...result.report, manifest: o.manifest } }, format, io, version);
  });
  if (format === 'markdown') return [renderSummaryMarkdown(outcomes), ...reports].join('\n---\n\n');
  return [...reports, renderSummaryText(outcomes, io.color)].join('\n');
}
