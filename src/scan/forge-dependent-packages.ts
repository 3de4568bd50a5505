import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { FileSummary } from './summary-types';
import type { UnresolvedFinding } from './types';

/** The Forge packages through which a library can make requests on the app's behalf. */
const REQUEST_PACKAGES = ['@forge/api', '@forge/bridge'];

/**
 * Packages never reported: Scope Inspector's own kit (its requests are the inspector's, kept out of
 * the app's usage) and `@forge/*` packages (platform-features.ts knows each, or blocks on it).
 */
const OWN_PACKAGES = new Set(['forge-scope-inspector']);

const BUILTINS = new Set(builtinModules);

/** Returns the package a bare specifier names (`@scope/name/sub` → `@scope/name`), or undefined for a relative, absolute or built-in one. */
export function packageOf(specifier: string): string | undefined {
  if (/^[./]/.test(specifier) || specifier.startsWith('node:') || /^[a-z][a-z0-9+.-]*:/i.test(specifier)) return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  if (!name || BUILTINS.has(name) || (name.startsWith('@') && parts.length < 2)) return undefined;
  return name;
}

/** Returns the Forge request packages a package.json depends on (any kind of dependency). */
function forgeRequestDependencies(manifestFile: string): string[] {
  try {
    const pkg = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
    const kinds = ['dependencies', 'peerDependencies', 'optionalDependencies'].map((k) => pkg[k]).filter((d): d is Record<string, unknown> => d !== null && typeof d === 'object');
    return REQUEST_PACKAGES.filter((name) => kinds.some((d) => name in d));
  } catch {
    return []; // unreadable or not JSON: nothing to say about it
  }
}

/** Finds `node_modules/<name>/package.json` as Node resolves a package: from the file's folder up to the filesystem root. */
function installedManifest(fromDir: string, name: string): string | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Returns an unresolved finding (kind `api`) at the first import of each installed package that
 * depends on `@forge/api` or `@forge/bridge`: such a library (a REST client, a wrapper around
 * `requestJira`) can call Atlassian APIs on the app's behalf, and the scanner does not read
 * `node_modules`, so no scope may be proven unused while the app imports it. The packages are
 * those the files' summaries list (imports, requires, re-exports). Without `node_modules`
 * installed nothing can be told here.
 */
export function forgeDependentImports(appDir: string, summaries: readonly FileSummary[]): UnresolvedFinding[] {
  const verdicts = new Map<string, string[] | undefined>();
  const reported = new Set<string>();
  const findings: UnresolvedFinding[] = [];
  for (const summary of summaries) {
    const fromDir = dirname(resolve(appDir, summary.file));
    for (const { name, line, column } of summary.packages) {
      if (name.startsWith('@forge/') || OWN_PACKAGES.has(name) || reported.has(name)) continue;
      const key = `${fromDir}\0${name}`;
      if (!verdicts.has(key)) {
        const manifestFile = installedManifest(fromDir, name);
        verdicts.set(key, manifestFile ? forgeRequestDependencies(manifestFile) : undefined);
      }
      const via = verdicts.get(key);
      if (!via?.length) continue;
      reported.add(name);
      findings.push({
        file: summary.file,
        line,
        column,
        kind: 'api',
        reason: `${name} depends on ${via.join(' and ')}: it can call Atlassian APIs on the app's behalf, and the tool does not read installed packages`,
        candidates: [],
        side: summary.side,
        principal: 'default',
      });
    }
  }
  return findings;
}
