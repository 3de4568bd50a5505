import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ScopeInspectorError } from '../errors';
import { readInputFile, type InputKind } from '../input-file';

const SNIFFED: InputKind = { what: 'manifest', maxBytes: 1024 * 1024, code: 'MANIFEST_UNREADABLE' };

/**
 * Folders `audit --all` never searches: dependencies, build output, version control, and test
 * fixtures and mocks (their manifests describe fake apps, not ones anyone deploys). Folders whose
 * name starts with a dot (.git, .forge, .next, .turbo, caches) are skipped too.
 */
const SKIP_DIRS: Readonly<Record<string, string>> = {
  node_modules: 'dependencies',
  bower_components: 'dependencies',
  dist: 'build output',
  build: 'build output',
  out: 'build output',
  coverage: 'test coverage output',
  fixtures: 'test fixtures',
  __fixtures__: 'test fixtures',
  __tests__: 'tests',
  __mocks__: 'test mocks',
};

/** A Forge manifest names the app or its modules at the top level; other tools' manifest.yml files (Cloud Foundry's `applications:`) do not. */
const FORGE_MANIFEST = /^(app|modules)\s*:/m;

/** Apps found below one or more roots, and the manifest.yml files passed over with the reason. */
export interface FoundApps {
  /** App directories (each holding a manifest.yml), in path order. */
  apps: string[];
  skipped: { path: string; reason: string }[];
}

/**
 * Returns every directory below `roots` (the roots included) that holds a Forge `manifest.yml`,
 * skipping the folders listed in SKIP_DIRS and dot-folders, and not following symbolic links.
 * Throws ScopeInspectorError when a root is not a directory.
 */
export function findApps(roots: readonly string[]): FoundApps {
  const apps = new Set<string>();
  const skipped: FoundApps['skipped'] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      skipped.push({ path: dir, reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? error})` });
      return;
    }
    const manifest = entries.find((e) => e.isFile() && e.name === 'manifest.yml');
    if (manifest) {
      const path = join(dir, manifest.name);
      if (isForgeManifest(path)) apps.add(dir);
      else skipped.push({ path, reason: 'not a Forge manifest (no top-level app or modules key)' });
    }
    for (const e of entries) {
      if (!e.isDirectory() || e.name.startsWith('.') || SKIP_DIRS[e.name]) continue;
      walk(join(dir, e.name));
    }
  };
  for (const root of roots) {
    let isDir = false;
    try {
      isDir = statSync(root).isDirectory();
    } catch {
      // reported below
    }
    if (!isDir) throw new ScopeInspectorError('USAGE', `${root}: not a directory (audit --all searches a directory for manifest.yml files)`);
    walk(root);
  }
  return { apps: [...apps].sort(), skipped };
}

function isForgeManifest(path: string): boolean {
  try {
    // Opened without blocking: a manifest.yml that is a FIFO must not stall the search.
    return FORGE_MANIFEST.test(readInputFile(path, SNIFFED));
  } catch {
    // Unreadable: let the audit say so, naming the file.
    return true;
  }
}
