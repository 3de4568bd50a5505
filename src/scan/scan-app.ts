import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseManifest } from '../manifest/parse-manifest';
import { findSourceFiles, type SourceFile } from './find-files';
import { linkSummaries } from './link';
import { readPathAliases, type PathAliases } from './path-aliases';
import { catalogMatcher, matchFindings, type PatternMatcher } from './match-findings';
import { scanSource } from './scan-source';
import type { FileSummary } from './summary-types';
import type { ScanResult } from './types';

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
  const linked = linkSummaries(summaries, options.pathAliases);
  // A minified bundle that references Forge is scanned and flagged: its calls cannot all be told.
  for (const f of files) if (f.bundle) linked.unresolved.push(f.bundle);
  const { calls, unresolved } = matchFindings(linked, options.matcher ?? catalogMatcher);
  return {
    files: { scanned: files.map((f) => f.file), skipped: [] },
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

/** Lists and reads an app's source files; resource folders come from `manifest.yml` unless given. */
export function findAppFiles(appDir: string, options: ScanOptions = {}): ReturnType<typeof findSourceFiles> {
  let resourcePaths = options.resourcePaths;
  if (!resourcePaths) {
    const manifestPath = join(appDir, 'manifest.yml');
    try {
      resourcePaths = existsSync(manifestPath) ? parseManifest(readFileSync(manifestPath, 'utf8')).resources.map((r) => r.path) : [];
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
  result.files.skipped = found.skipped;
  result.files.symlinks = found.symlinks;
  return result;
}
