import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { oversize } from './file-guard';
import type { Side, SkippedFile } from './types';

/** Extensions of the source files the scanner reads. */
export const SOURCE_EXTENSIONS = ['.js', '.jsx', '.ts', '.tsx', '.mjs', '.cjs'];
const SKIP_DIRS: Record<string, string> = {
  node_modules: 'dependencies (node_modules)',
  build: 'build output',
  dist: 'build output',
  out: 'build output',
  coverage: 'test coverage output',
  '.git': 'version control',
  // Tests and mocks are not deployed; their routes would count as calls the app makes.
  __tests__: 'tests (not deployed)',
  __mocks__: 'test mocks (not deployed)',
};
const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/;

/** A source file to scan, relative to the app directory (POSIX separators). */
export interface SourceFile {
  file: string;
  side: Side;
  text: string;
}

/** Returns true when a file looks minified: a bundler's output, not source anyone wrote. */
export function looksMinified(file: string, text: string): boolean {
  if (/\.min\.[cm]?js$/.test(file)) return true;
  // Source rarely has lines of thousands of characters; bundles nearly always do.
  const sample = text.slice(0, 20000);
  const lines = sample.split('\n');
  return sample.length > 2000 && sample.length / lines.length > 300;
}

const toPosix = (p: string): string => p.split(sep).join(posix.sep);

/**
 * Lists the source files of an app: `src/**`, `static/**` and resource folders (their source,
 * not their build output), skipping dependencies, build output, minified bundles and type declarations.
 */
export function findSourceFiles(appDir: string, resourcePaths: readonly string[] = []): { files: SourceFile[]; skipped: SkippedFile[] } {
  const files: SourceFile[] = [];
  const skipped: SkippedFile[] = [];
  const seen = new Set<string>();
  const roots: { dir: string; side: Side }[] = [{ dir: 'src', side: 'backend' }, { dir: 'static', side: 'frontend' }];
  for (const r of resourcePaths) {
    // A resource usually points at build output (static/app/build): scan the folder it is built from.
    const parts = toPosix(r).replace(/^\.\//, '').replace(/\/$/, '').split('/');
    while (parts.length > 1 && SKIP_DIRS[parts[parts.length - 1]]) parts.pop();
    roots.push({ dir: parts.join('/'), side: 'frontend' });
  }
  const walk = (dir: string, side: Side): void => {
    let entries;
    try { entries = readdirSync(join(appDir, dir), { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const rel = dir ? `${dir}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (SKIP_DIRS[e.name]) { skipped.push({ file: `${rel}/`, reason: SKIP_DIRS[e.name], blocksRemoval: false }); continue; }
        walk(rel, side);
        continue;
      }
      if (!e.isFile() || seen.has(rel)) continue;
      const ext = posix.extname(e.name);
      if (!SOURCE_EXTENSIONS.includes(ext)) continue;
      seen.add(rel);
      if (/\.d\.[cm]?ts$/.test(e.name)) { skipped.push({ file: rel, reason: 'type declarations', blocksRemoval: false }); continue; }
      if (TEST_FILE.test(e.name)) { skipped.push({ file: rel, reason: 'test file (not deployed)', blocksRemoval: false }); continue; }
      let text: string;
      try {
        // Checked before reading: a huge file is not even loaded.
        const tooLarge = oversize(statSync(join(appDir, rel)).size);
        if (tooLarge) { skipped.push({ file: rel, reason: tooLarge, blocksRemoval: true }); continue; }
        text = readFileSync(join(appDir, rel), 'utf8');
      } catch (error) {
        skipped.push({ file: rel, reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? String(error)})`, blocksRemoval: true });
        continue;
      }
      if (looksMinified(rel, text)) { skipped.push({ file: rel, reason: 'minified bundle', blocksRemoval: false }); continue; }
      files.push({ file: rel, side, text });
    }
  };
  for (const r of roots) {
    if (r.dir === '' || r.dir.startsWith('..')) continue;
    const abs = join(appDir, r.dir);
    try { if (!statSync(abs).isDirectory()) continue; } catch { continue; }
    walk(toPosix(relative(appDir, abs)), r.side);
  }
  files.sort((a, b) => (a.file < b.file ? -1 : 1));
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  // A folder reached from two roots would be reported twice.
  return { files, skipped: skipped.filter((s, i) => i === 0 || s.file !== skipped[i - 1].file) };
}
