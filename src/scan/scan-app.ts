import { parseManifest } from '../manifest/parse-manifest';
import { readManifestFile } from '../manifest/read-manifest-file';
import { findSourceFiles, type SourceFile } from './find-files';
import { linkSummaries } from './link';
import { readPathAliases, type PathAliases } from './path-aliases';
import { normalizePattern } from './link-finalize';
import { forgeDependentImports } from './forge-dependent-packages';
import { catalogMatcher, matchFindings, memoMatcher, METHODS, sortByLocation, type PatternMatcher } from './match-findings';
import type { Family } from '../catalog/types';
import { scanSource } from './scan-source';
import { assetEgress } from './egress';
import { entryFiles, reachOutside, type EntryFile } from './reach-files';
import type { ManifestInfo } from '../manifest/types';
import type { FileSummary } from './summary-types';
import type { ScanResult, SkippedFile } from './types';

/** Options of a scan. */
export interface ScanOptions {
  /** Catalog matching; the built-in catalog by default. */
  matcher?: PatternMatcher;
  /** Resource folders to scan besides `src/` and `static/` (read from `manifest.yml` when omitted). */
  resourcePaths?: string[];
  /** Import aliases (tsconfig/jsconfig `paths`, `baseUrl`); read from the app's config when omitted. */
  pathAliases?: PathAliases;
  /** Function handler and resource files outside the scanned folders (read from `manifest.yml` when omitted). */
  entryFiles?: EntryFile[];
}

/** Returns the options with the app's own path aliases filled in (from its tsconfig/jsconfig). */
export function withAppAliases(appDir: string, options: ScanOptions): ScanOptions {
  return options.pathAliases ? options : { ...options, pathAliases: readPathAliases(appDir) };
}

/** Links per-file summaries across files and matches them to the catalog; `assets` (Custom UI CSS/HTML) add egress only. */
export function resultFromSummaries(files: readonly SourceFile[], summaries: readonly FileSummary[], options: ScanOptions = {}, assets: readonly SourceFile[] = []): ScanResult {
  // One answer per family, method and pattern for the segment check and the matching alike.
  const matcher = memoMatcher(options.matcher ?? catalogMatcher);
  // Asked once per call whose `route` segments come from a helper's parameters.
  const resolves = (family: Family, method: string | undefined, pattern: string): boolean => {
    const p = normalizePattern(pattern);
    return method === undefined ? METHODS.some((m) => !!matcher.matchPattern(family, m, p).operation) : !!matcher.matchPattern(family, method, p).operation;
  };
  const linked = linkSummaries(summaries, options.pathAliases, resolves);
  // A minified bundle that references Forge is scanned and flagged: its calls cannot all be told.
  for (const f of files) if (f.bundle) linked.unresolved.push(f.bundle);
  const { calls, unresolved } = matchFindings(linked, matcher);
  // Files too large, too deep or that the scanner could not analyse are listed as skipped instead.
  const notAnalysed = new Set(summaries.filter((s) => s.skipped !== undefined).map((s) => s.file));
  return {
    files: {
      scanned: files.map((f) => f.file).filter((f) => !notAnalysed.has(f)),
      skipped: summaries.flatMap((s) => (s.skipped === undefined ? [] : [{ file: s.file, reason: s.skipped, blocksRemoval: true }])),
    },
    calls,
    unresolved,
    forgeApiNeeds: summaries.flatMap((s) => s.needs),
    parseErrors: summaries.flatMap((s) => s.parseErrors),
    egress: sortByLocation([...linked.egress, ...assets.flatMap((a) => assetEgress(a.file, a.text, a.side))]),
  };
}

/** Scans in-memory source files (the pure core of `scanApp`): parses each once, then links and matches. */
export function scanFiles(files: readonly SourceFile[], options: ScanOptions = {}, assets: readonly SourceFile[] = []): ScanResult {
  return resultFromSummaries(files, files.map((f) => scanSource(f.file, f.text, f.side)), options, assets);
}

/** Joins the files skipped when listing and when scanning, in path order. */
export function mergeSkipped(listed: readonly SkippedFile[], scanned: readonly SkippedFile[]): SkippedFile[] {
  return [...listed, ...scanned].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** An app's files: the folder walk's source files, skipped files and Custom UI assets, plus the entry files the manifest names. */
export interface AppFiles extends ReturnType<typeof findSourceFiles> {
  entries: EntryFile[];
}

/** Lists and reads an app's source files; resource folders and entry files come from `manifest.yml` unless given. */
export function findAppFiles(appDir: string, options: ScanOptions = {}): AppFiles {
  let manifest: ManifestInfo | undefined;
  // An audit has parsed it already and passes what the scan needs from it.
  if (!options.resourcePaths || !options.entryFiles) {
    try {
      manifest = parseManifest(readManifestFile(appDir));
    } catch {
      // The manifest's own errors are reported by the manifest reader; scanning goes on without it.
      manifest = undefined;
    }
  }
  const found = findSourceFiles(appDir, options.resourcePaths ?? manifest?.resources.map((r) => r.path) ?? []);
  return { ...found, entries: options.entryFiles ?? (manifest ? entryFiles(appDir, manifest) : []) };
}

/**
 * Adds what the app reaches outside the scanned folders (handlers under `app.package.path`, shared
 * code in `../lib`) to the scanned files, summaries and skipped files.
 */
export function addReachedFiles(appDir: string, found: AppFiles, summaries: FileSummary[], options: ScanOptions): { files: SourceFile[]; summaries: FileSummary[] } {
  const known = new Map(summaries.map((s) => [s.file, s]));
  const reached = reachOutside(appDir, known, found.entries, options.pathAliases, (f) => scanSource(f.file, f.text, f.side), found.skipped);
  found.skipped.push(...reached.skipped);
  const files = [...found.files, ...reached.files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { files, summaries: [...summaries, ...reached.summaries] };
}

/** Finds and scans an app's source files on the calling thread. */
export function scanApp(appDir: string, options: ScanOptions = {}): ScanResult {
  const found = findAppFiles(appDir, options);
  const opts = withAppAliases(appDir, options);
  const all = addReachedFiles(appDir, found, found.files.map((f) => scanSource(f.file, f.text, f.side)), opts);
  const result = resultFromSummaries(all.files, all.summaries, opts, found.assets);
  return withAppFacts(appDir, found, all.summaries, result);
}

/** Adds what only the app's folder tells to a scan result: files skipped when listing, links followed, installed packages that can call Forge APIs. */
export function withAppFacts(appDir: string, found: Pick<AppFiles, 'skipped' | 'symlinks'>, summaries: readonly FileSummary[], result: ScanResult): ScanResult {
  result.files.skipped = mergeSkipped(found.skipped, result.files.skipped);
  result.files.symlinks = found.symlinks;
  result.unresolved = sortByLocation([...result.unresolved, ...forgeDependentImports(appDir, summaries)]);
  return result;
}
