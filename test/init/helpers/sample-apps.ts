import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build } from 'esbuild';

/** The repository root. */
export const REPO = join(__dirname, '..', '..', '..');
/** The sample Forge apps init is verified on. */
export const SAMPLE_APPS_DIR = join(REPO, 'test', 'fixtures', 'init-apps');

/** Packages the sample apps resolve from the repository's node_modules (their own installs, in effect). */
const LINKED = ['@forge', '@swc'];
/** Package entry points of forge-scope-inspector and their source. */
const KIT_ENTRIES: Record<string, { source: string; platform: 'node' | 'browser' }> = {
  './recorder': { source: 'src/recorder/index.ts', platform: 'node' },
  './recorder/browser': { source: 'src/recorder/browser.ts', platform: 'browser' },
  './admin-page': { source: 'src/admin-page/index.ts', platform: 'node' },
};

/**
 * Returns a temporary workspace whose node_modules holds what the sample apps depend on: the
 * repository's @forge/* (and @swc for their jest), and forge-scope-inspector as an install of
 * this checkout would give it: its package entry points compiled to JavaScript from the current
 * source (with esbuild, so the tests exercise the code under test, not a stale dist/). Apps
 * copied under it resolve packages as if installed.
 */
export async function createWorkspace(): Promise<{ root: string; copy(app: string): string; remove(): void }> {
  const root = mkdtempSync(join(tmpdir(), 'init-apps-'));
  const modules = join(root, 'node_modules');
  mkdirSync(modules);
  for (const name of LINKED) symlinkSync(join(REPO, 'node_modules', name), join(modules, name), 'dir');
  const kit = join(modules, 'forge-scope-inspector');
  mkdirSync(kit);
  const exports: Record<string, string> = {};
  await Promise.all(
    Object.entries(KIT_ENTRIES).map(([entry, { source, platform }]) => {
      const file = `${entry.slice(2).replace(/\//g, '-')}.js`;
      exports[entry] = `./${file}`;
      return build({
        entryPoints: [join(REPO, source)],
        outfile: join(kit, file),
        bundle: true,
        platform,
        format: 'cjs',
        target: 'node20',
        // The app's own @forge/* packages, as npm would share them; this app's bundled analysis is not part of the kit.
        external: ['@forge/*', '../generated/*'],
        logLevel: 'silent',
      });
    }),
  );
  writeFileSync(join(kit, 'package.json'), JSON.stringify({ name: 'forge-scope-inspector', version: '0.0.0-checkout', exports }, null, 2));
  return {
    root,
    copy: (app: string) => {
      const dir = join(root, 'apps', app);
      cpSync(join(SAMPLE_APPS_DIR, app), dir, { recursive: true });
      return dir;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/**
 * Returns every file and folder of a tree (relative path → SHA-256 of its bytes; folders end
 * in `/`), for byte-for-byte comparisons that stay fast on megabyte files.
 */
export function snapshotTree(dir: string, skip: readonly string[] = ['node_modules']): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const abs = join(d, e.name);
      if (skip.includes(e.name)) continue;
      if (e.isDirectory()) {
        out.set(relative(dir, abs) + '/', '');
        walk(abs);
      } else out.set(relative(dir, abs), createHash('sha256').update(readFileSync(abs)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

/** Lists the sample apps (folders with a manifest.yml). */
export function sampleApps(): string[] {
  return readdirSync(SAMPLE_APPS_DIR).filter((d) => existsSync(join(SAMPLE_APPS_DIR, d, 'manifest.yml')) && statSync(join(SAMPLE_APPS_DIR, d)).isDirectory());
}
