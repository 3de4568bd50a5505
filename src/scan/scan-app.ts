import { parseManifest } from '../manifest/parse-manifest';
import { readManifestFile } from '../manifest/read-manifest-file';
import { findSourceFiles, type SourceFile } from './find-files';
import { linkSummaries } from './link';
import { readPathAliases, type PathAliases } from './path-aliases';
import { catalogMatcher, matchFindings, type PatternMatcher } from './match-findings';
import { scanSource } from './scan-source';
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
}

/** Returns the options with the app's own path aliases filled in (from its tsconfig/jsconfig). */
export function withAppAliases(appDir: string, options: ScanOptions): ScanOptions {
  return options.pathAliases ? options : { ...options, pathAliases: readPathAliases(appDir) };
}

/** Links per-file summaries across files and matches them to the catalog. */
export function resultFromSummaries(files: readonly SourceFile[], summaries: readonly FileSummary[], options: ScanOptions = {}): ScanResult {
  const { calls, unresolved } = matchFindings(linkSummaries(summaries, options.pathAliases), options.matcher ?? catalogMatcher);
  return {
    files: {
      scanned: summaries.filter((s) => s.skipped === undefined).map((s) => s.file),
      skipped: summaries.flatMap((s) => (s.skipped === undefined ? [] : [{ file: s.file, reason: s.skipped, blocksRemoval: true }])),
    },
    calls,
    unresolved,
    forgeApiNeeds: summaries.flatMap((s) => s.needs),
    parseErrors: summaries.flatMap((s) => s.parseErrors),
  };
}

/** Scans in-memory source files (the pure core of `scanApp`): parses each once, then links and matches. */
export function scanFiles(files: readonly SourceFile[], options: ScanOptions = {}): ScanResult {
  return resultFromSummaries(files, files.map((f) => scanSource(f.file, f.text, f.side)), options);
}

/** Joins the files skipped when listing and when scanning, in path order. */
export function mergeSkipped(listed: readonly SkippedFile[], scanned: readonly SkippedFile[]): SkippedFile[] {
  return [...listed, ...scanned].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Lists and reads an app's source files; resource folders come from `manifest.yml` unless given. */
export function findAppFiles(appDir: string, options: ScanOptions = {}): ReturnType<typeof findSourceFiles> {
  let resourcePaths = options.resourcePaths;
  if (!resourcePaths) {
    try {
      resourcePaths = parseManifest(readManifestFile(appDir)).resources.map((r) => r.path);
    } catch {
      // The manifest's own errors are reported by the manifest reader; scanning goes on without resources.
      resourcePaths = [];
    }
  }
  return findSourceFiles(appDir, resourcePaths);
}

/** Finds and scans an app's source files on the calling thread. */
export function scanApp(appDir: string, options: ScanOptions = {}): ScanResult {
  const found = findAppFiles(appDir, options);
  const result = scanFiles(found.files, withAppAliases(appDir, options));
  result.files.skipped = mergeSkipped(found.skipped, result.files.skipped);
  result.files.symlinks = found.symlinks;
  return result;
}
