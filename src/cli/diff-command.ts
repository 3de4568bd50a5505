import type { Report } from '../analysis/report-types';
import { auditApp, readUsageFiles } from '../audit/audit-app';
import { ScopeInspectorError } from '../errors';
import { checkOutputPath, writeOutputFile } from '../input-file';
import { readManifestFile } from '../manifest/read-manifest-file';
import { buildReleaseDiff, manifestChanges, readManifestFacts, renderReleaseMarkdown, renderReleaseSarif, renderReleaseText, type ReleaseDiff } from '../release';
import { repoOf } from '../release/io/git';
import { loadBase } from '../release/io/load-base';
import { styler, type CliIo } from './output';

/** Options of `scope-inspector diff`. */
export interface DiffCommandOptions {
  base?: string;
  format: string;
  failOn: string;
  usage?: string[];
  output?: string;
  write?: string[];
}

const FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;
type Format = (typeof FORMATS)[number];
const FAIL_ON = { approval: 'required', unclear: 'unclear' } as const;

function parseFormat(value: string, flag: string): Format {
  if (!FORMATS.includes(value as Format)) throw new ScopeInspectorError('USAGE', `${flag}: unknown format "${value}" (choose from ${FORMATS.join(', ')})`);
  return value as Format;
}

function parseFailOn(value: string): (keyof typeof FAIL_ON)[] {
  const items = value.split(',').map((s) => s.trim()).filter((s) => s && s !== 'none');
  const bad = items.filter((s) => !(s in FAIL_ON));
  if (bad.length) throw new ScopeInspectorError('USAGE', `--fail-on: unknown ${bad.join(', ')} (choose from ${Object.keys(FAIL_ON).join(', ')}, none)`);
  return items as (keyof typeof FAIL_ON)[];
}

/** Returns the app directory's path inside its git repository ('' outside one, or without git): SARIF URIs are repository-relative. */
function repoPrefix(dir: string): string {
  try {
    return repoOf(dir)?.prefix ?? '';
  } catch {
    return '';
  }
}

function render(diff: ReleaseDiff, format: Format, io: CliIo, version: string, uriPrefix: string): string {
  if (format === 'json') return JSON.stringify(diff, null, 2) + '\n';
  if (format === 'markdown') return renderReleaseMarkdown(diff);
  if (format === 'sarif') return JSON.stringify(renderReleaseSarif(diff, version, uriPrefix), null, 2) + '\n';
  return renderReleaseText(diff, styler(io.color));
}

/**
 * Runs `diff [--base REF|FILE] DIR`: compares the app's manifest with the base and classifies every
 * change by Atlassian's rules for Forge versions. Returns 0, or 1 when `--fail-on` selects a change;
 * throws ScopeInspectorError (exit 2) on bad refs, files or manifests.
 */
export async function runDiff(io: CliIo, dir: string, options: DiffCommandOptions, version: string): Promise<number> {
  const format = parseFormat(options.format, '--format');
  const failOn = parseFailOn(options.failOn);
  const extra = (options.write ?? []).map((spec) => {
    const [fmt, ...file] = spec.split('=');
    if (!file.length || !file.join('=')) throw new ScopeInspectorError('USAGE', `--write ${spec}: expected FORMAT=FILE, e.g. markdown=comment.md`);
    return { format: parseFormat(fmt, '--write'), file: file.join('=') };
  });
  // Where results go is checked before any work (a missing folder fails at once, in one line).
  if (options.output) checkOutputPath(options.output, 'release diff');
  for (const { file } of extra) checkOutputPath(file, 'release diff');
  const head = readManifestFacts(readManifestFile(dir), 'manifest.yml');
  const base = loadBase(dir, options.base);
  // Usage exports matter only for removed scopes, but a bad file is bad input whatever the change.
  readUsageFiles(options.usage ?? []);
  const progress = (message: string) => io.color && io.err(styler(true).dim(message));

  // Audits (a scan of the code) are needed only for the evidence of scope changes.
  const changes = manifestChanges(base.declared, head.declared);
  const removed = changes.filter((c) => c.kind === 'scope-removed').map((c) => c.before!);
  let headReport: Report | undefined;
  let baseReport: Report | undefined;
  if (changes.some((c) => c.kind === 'scope-added' || c.kind === 'scope-removed')) {
    progress('auditing this version…');
    headReport = (await auditApp(dir, { usageFiles: options.usage, alsoDeclared: removed })).report;
    if (base.code && changes.some((c) => c.kind === 'scope-added')) {
      progress(`auditing the base (${base.base.label})…`);
      const copy = base.code();
      try {
        baseReport = (await auditApp(copy.dir)).report;
      } finally {
        copy.dispose();
      }
    }
  }
  const diff = buildReleaseDiff({
    base: base.base,
    baseDeclared: base.declared,
    head,
    ...(headReport ? { headReport } : {}),
    ...(baseReport ? { baseReport } : {}),
    ...(base.codeMissing ? { baseCodeMissing: base.codeMissing } : {}),
  });

  const uriPrefix = repoPrefix(dir);
  if (options.output) writeOutputFile(options.output, render(diff, format, { ...io, color: false }, version, uriPrefix), 'release diff');
  else io.out(render(diff, format, io, version, uriPrefix));
  for (const { format: f, file } of extra) writeOutputFile(file, render(diff, f, { ...io, color: false }, version, uriPrefix), 'release diff');

  const failing = diff.changes.filter((c) => failOn.some((f) => FAIL_ON[f] === c.approval));
  if (failing.length) io.err(`${failing.length} change(s) fail the release guard (--fail-on ${failOn.join(',')})`);
  return failing.length ? 1 : 0;
}
