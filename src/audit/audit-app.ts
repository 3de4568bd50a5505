import { join, relative } from 'node:path';
import { analyze } from '../analysis/analyze';
import { egressManifestOf } from '../analysis/egress-manifest';
import { readManifestFacts } from '../release/manifest-facts';
import type { Report } from '../analysis/report-types';
import type { UsageWindow } from '../analysis/usage-window';
import { ScopeInspectorError } from '../errors';
import { readInputFile, type InputKind } from '../input-file';
import { invalidScopes, loadForgeKnowledge, parseManifest, readManifestFile, scopeNeedsFromManifest, type ManifestInfo } from '../manifest';
import { scanAppParallel } from '../scan';
import type { ScanResult } from '../scan/types';
import type { UsageExport } from '../usage/format';
import { validateUsageExport } from '../usage/validate';

/** Options of an audit. */
export interface AuditOptions {
  /** Usage export files (JSON) from one or many installations. */
  usageFiles?: readonly string[];
  /** Reports progress on large trees (e.g. to a TTY). */
  onProgress?: (message: string) => void;
  /** Scopes to judge as if the manifest declared them too: the release guard's verdicts on the scopes a change removes. */
  alsoDeclared?: readonly string[];
  /** Count only the usage of this window (default: all the usage files hold). */
  window?: UsageWindow;
}

/** An audit's result: the report plus the inputs it was computed from. */
export interface AuditResult {
  report: Report;
  manifest: ManifestInfo;
  manifestPath: string;
  manifestText: string;
  scan: ScanResult;
}

/** Returns the manifest's modules and remotes as the verdicts name them (key, type, title). */
export function manifestModules(manifest: ManifestInfo): { key: string; type: string; title?: string }[] {
  return [
    ...manifest.modules.map((m) => ({ key: m.key, type: m.type, ...(m.title ? { title: m.title } : {}) })),
    ...manifest.remotes.map((r) => ({ key: r.key, type: 'remote' })),
  ];
}

/** Usage exports: one per installation, a line per endpoint and day; far below this even for busy apps. */
const USAGE_EXPORT: InputKind = { what: 'usage export', maxBytes: 256 * 1024 * 1024, code: 'USAGE_NOT_FOUND' };

/** Reads one usage export, naming the file in every error. */
export function readUsageFile(file: string): UsageExport {
  const text = readInputFile(file, USAGE_EXPORT);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ScopeInspectorError('INVALID_USAGE_EXPORT', `${file}: not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  try {
    return validateUsageExport(value);
  } catch (error) {
    throw new ScopeInspectorError('INVALID_USAGE_EXPORT', `${file}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Reads usage exports, one per installation. Two exports of one installation are refused: each
 * holds every day its site recorded, so joining both would count its calls twice.
 */
export function readUsageFiles(files: readonly string[]): UsageExport[] {
  const fileOf = new Map<string, string>();
  return files.map((file) => {
    const usage = readUsageFile(file);
    const earlier = fileOf.get(usage.installation);
    if (earlier !== undefined) throw new ScopeInspectorError('USAGE_SAME_INSTALLATION', `${file}: the same installation (${usage.installation}) as ${earlier}; give one usage export per site (the newest holds every day it recorded)`);
    fileOf.set(usage.installation, file);
    return usage;
  });
}

/**
 * Audits a Forge app directory: reads its manifest, scans its source (on worker threads for
 * large trees), reads usage exports, analyses.
 */
export async function auditApp(appDir: string, options: AuditOptions = {}): Promise<AuditResult> {
  const manifestPath = join(appDir, 'manifest.yml');
  const manifestText = readManifestFile(appDir);
  const manifestFile = relative(appDir, manifestPath) || 'manifest.yml';
  const manifest = parseManifest(manifestText, manifestFile);
  const knowledge = loadForgeKnowledge();
  const usage = readUsageFiles(options.usageFiles ?? []);
  options.onProgress?.('scanning source…');
  const scan = await scanAppParallel(appDir, { resourcePaths: manifest.resources.map((r) => r.path) });
  options.onProgress?.(`scanned ${scan.files.scanned.length} files`);
  const extra = (options.alsoDeclared ?? []).filter((name) => !manifest.scopes.some((s) => s.name === name));
  const report = analyze({
    manifestFile,
    declared: [...manifest.scopes, ...extra.map((name) => ({ name, ...manifest.scopesAt }))],
    invalid: invalidScopes(manifest, knowledge.validScopes),
    scan,
    manifestNeeds: scopeNeedsFromManifest(manifest, knowledge),
    modules: manifestModules(manifest),
    usage,
    ...(options.window ? { window: options.window } : {}),
    egress: egressManifestOf(readManifestFacts(manifestText, manifestFile), manifest),
  });
  return { report, manifest, manifestPath, manifestText, scan };
}
