import { readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { ManifestInfo } from '../manifest/types';
import { oversize } from './file-guard';
import { SOURCE_EXTENSIONS, takeSource, type SourceFile } from './find-files';
import type { PathAliases } from './path-aliases';
import { resolveModule } from './resolve-module';
import type { FileSummary } from './summary-types';
import type { Side, SkippedFile } from './types';

/** Extensions a Forge function handler may have (as `@forge/manifest` resolves them). */
const HANDLER_EXTENSIONS = ['.tsx', '.jsx', '.ts', '.js', '.cjs', '.mjs'];
const NOT_APP_CODE = /(^|\/)(node_modules|\.git|coverage|__tests__|__mocks__)\//;
const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/;
/** Most files reached outside the scanned folders (a guard against following a whole monorepo). */
const MAX_REACHED = 2000;

/** A file the app runs that the folder walk may not cover: a function handler or a UI Kit resource file. */
export interface EntryFile {
  file: string;
  side: Side;
}

/**
 * Returns the entry files the manifest names: each function handler (`index.run` → `src/index.ts`,
 * or under `app.package.path` when the app bundles itself) and each resource that is a file.
 */
export function entryFiles(appDir: string, manifest: Pick<ManifestInfo, 'functions' | 'resources' | 'app'>): EntryFile[] {
  const out: EntryFile[] = [];
  const dir = (manifest.app.packagePath ?? 'src').replace(/^\.\//, '').replace(/\/$/, '');
  for (const f of manifest.functions) {
    const m = /^(.+)\.[^./]+$/.exec(f.handler);
    if (!m) continue;
    const base = posix.normalize(posix.join(dir, m[1]));
    const file = HANDLER_EXTENSIONS.map((e) => base + e).find((p) => isFile(appDir, p));
    if (file) out.push({ file, side: 'backend' });
  }
  for (const r of manifest.resources) {
    const file = posix.normalize(r.path.replace(/^\.\//, ''));
    if (SOURCE_EXTENSIONS.includes(posix.extname(file)) && isFile(appDir, file)) out.push({ file, side: 'frontend' });
  }
  return out;
}

function isFile(appDir: string, rel: string): boolean {
  if (rel.startsWith('..') || posix.isAbsolute(rel)) return false;
  try { return statSync(join(appDir, rel)).isFile(); } catch { return false; }
}

/**
 * Scans the files outside the scanned folders that the app reaches: entry files, then every app
 * module they (and the scanned files) import, transitively, with the importer's side. Skipped
 * files (minified, unreadable) are listed like the folder walk lists them. Files the walk already
 * listed as skipped (`walkSkipped`: a vendored bundle, a second path to a linked file) are not
 * reached again: they would be listed twice, or scanned a second time under another name.
 */
export function reachOutside(appDir: string, known: Map<string, FileSummary>, entries: readonly EntryFile[], aliases: PathAliases | undefined, scan: (f: SourceFile) => FileSummary, walkSkipped: readonly SkippedFile[] = []): { files: SourceFile[]; summaries: FileSummary[]; skipped: SkippedFile[] } {
  const out = { files: [] as SourceFile[], summaries: [] as FileSummary[], skipped: [] as SkippedFile[] };
  const seen = new Set([...known.keys(), ...walkSkipped.map((s) => s.file)]);
  const onDisk = { has: (p: string): boolean => !NOT_APP_CODE.test(`${p}/`) && SOURCE_EXTENSIONS.concat(['.mts', '.cts']).includes(posix.extname(p)) && !/\.d\.[cm]?ts$/.test(p) && !TEST_FILE.test(p) && isFile(appDir, p) };
  const queue: EntryFile[] = entries.filter((e) => !seen.has(e.file));
  const enqueueImports = (s: FileSummary): void => {
    for (const spec of s.imports) {
      if (resolveModule(s.file, spec, seen, aliases)) continue;
      const file = resolveModule(s.file, spec, onDisk, aliases);
      if (file && !seen.has(file)) queue.push({ file, side: s.side });
    }
  };
  for (const s of known.values()) enqueueImports(s);
  while (queue.length > 0 && out.files.length + out.skipped.length < MAX_REACHED) {
    const { file, side } = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    let text: string;
    try {
      // Checked before reading, as for the files the folder walk lists.
      const tooLarge = oversize(statSync(join(appDir, file)).size);
      if (tooLarge) { out.skipped.push({ file, reason: tooLarge, blocksRemoval: true }); continue; }
      text = readFileSync(join(appDir, file), 'utf8');
    } catch (error) {
      out.skipped.push({ file, reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? String(error)})`, blocksRemoval: true });
      continue;
    }
    const taken = takeSource(file, side, text);
    if ('skipped' in taken) { out.skipped.push(taken.skipped); continue; }
    const source = taken.source;
    const summary = scan(source);
    out.files.push(source);
    out.summaries.push(summary);
    enqueueImports(summary);
  }
  return out;
}
