import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { oversize } from './file-guard';
import { LineIndex } from './line-index';
import { forgeReference, looksMinified } from './minified';
import type { Side, SkippedFile, UnresolvedFinding } from './types';

export { looksMinified } from './minified';

/** Extensions of the source files the scanner reads. */
export const SOURCE_EXTENSIONS = ['.js', '.jsx', '.ts', '.tsx', '.mjs', '.cjs'];
/** Custom UI stylesheets and HTML, read only for the external resources they load (egress). */
export const ASSET_EXTENSIONS = ['.css', '.scss', '.sass', '.less', '.html', '.htm'];
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
  /**
   * Set on a minified bundle that references Forge: it is scanned, and this finding (an
   * unrecognised request surface at the reference) keeps every scope from being proven unused.
   */
  bundle?: UnresolvedFinding;
}

/** A symbolic link the scanner followed: its path in the app and where it points. */
export interface FollowedLink {
  file: string;
  target: string;
}

/** What `findSourceFiles` found: files to scan, files not read (and why), symlinks followed, Custom UI assets. */
export interface FoundFiles {
  files: SourceFile[];
  skipped: SkippedFile[];
  symlinks: FollowedLink[];
  /** Frontend stylesheets and HTML (for the external resources they load). */
  assets: SourceFile[];
}

/** Options of `findSourceFiles`. */
export interface FindOptions {
  /** Reads a file as text; injectable so a read failure the OS would give can be tested as any user. */
  readFile?: (path: string) => string;
}

const toPosix = (p: string): string => p.split(sep).join(posix.sep);
const isSource = (name: string): boolean => SOURCE_EXTENSIONS.includes(posix.extname(name));
/** True when folder `outer` (a real path) contains `path`, or is it. */
function enclosing(outer: string, path: string): boolean {
  let real: string;
  try { real = realpathSync(path); } catch { return false; }
  const rel = relative(outer, real);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}
/** Returns what a directory entry is when it is neither a file, a folder nor a link: a named pipe, a socket, a device. */
function specialKind(e: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string | undefined {
  if (e.isFIFO()) return 'a named pipe';
  if (e.isSocket()) return 'a socket';
  if (e.isCharacterDevice() || e.isBlockDevice()) return 'a device';
  return undefined;
}
const errorCode = (error: unknown): string => (error as NodeJS.ErrnoException)?.code ?? String(error);

/**
 * Lists the source files of an app: `src/**`, `static/**` and resource folders (their source,
 * not their build output), skipping dependencies, build output, minified bundles and type
 * declarations. Symbolic links are followed once (a file reached twice is scanned once, under
 * its own path when the app has it; a folder loop is not entered again); a link that cannot be
 * followed, and a file that cannot be read, are listed as blocking removal.
 */
export function findSourceFiles(appDir: string, resourcePaths: readonly string[] = [], options: FindOptions = {}): FoundFiles {
  const readFile = options.readFile ?? ((path: string) => readFileSync(path, 'utf8'));
  const skipped: SkippedFile[] = [];
  const symlinks: FollowedLink[] = [];
  const assets: SourceFile[] = [];
  // Every candidate file by real path, so a file reached through a link and directly is read once.
  const candidates = new Map<string, { rel: string; side: Side; linked: boolean }[]>();
  const seenDirs = new Set<string>();
  let appReal: string;
  try { appReal = realpathSync(appDir); } catch { appReal = appDir; }
  const shown = (real: string): string => {
    const rel = toPosix(relative(appReal, real));
    return rel.startsWith('..') ? rel : rel || '.';
  };

  const roots: { dir: string; side: Side }[] = [{ dir: 'src', side: 'backend' }, { dir: 'static', side: 'frontend' }];
  for (const r of resourcePaths) {
    // A resource usually points at build output (static/app/build): scan the folder it is built from.
    const parts = toPosix(r).replace(/^\.\//, '').replace(/\/$/, '').split('/');
    while (parts.length > 1 && SKIP_DIRS[parts[parts.length - 1]]) parts.pop();
    roots.push({ dir: parts.join('/'), side: 'frontend' });
  }

  const walk = (dir: string, side: Side, viaLink: boolean): void => {
    let real: string;
    try { real = realpathSync(join(appDir, dir)); } catch { return; }
    if (seenDirs.has(real)) {
      // Reached again (a second root, or a link back up the tree): its files are already listed.
      if (viaLink) skipped.push({ file: `${dir}/`, reason: `symbolic link to ${shown(real)}/, already scanned (not followed again)`, blocksRemoval: false });
      return;
    }
    seenDirs.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(join(appDir, dir), { withFileTypes: true });
    } catch (error) {
      skipped.push({ file: `${dir}/`, reason: `folder cannot be read (${errorCode(error)})`, blocksRemoval: true });
      return;
    }
    for (const e of entries) visitEntry(dir ? `${dir}/${e.name}` : e.name, e, side, viaLink);
  };

  const visitEntry = (rel: string, e: Dirent, side: Side, viaLink: boolean): void => {
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    let special = specialKind(e);
    let linked = viaLink;
    if (e.isSymbolicLink()) {
      let target: string;
      try {
        target = realpathSync(join(appDir, rel));
        const stat = statSync(target);
        isDir = stat.isDirectory();
        isFile = stat.isFile();
        special = specialKind(stat);
      } catch (error) {
        // Nothing can be said of what a broken link would have held.
        if (isSource(e.name) || posix.extname(e.name) === '') skipped.push({ file: rel, reason: `broken symbolic link (${errorCode(error)})`, blocksRemoval: true });
        return;
      }
      if (isDir && enclosing(target, join(appDir, rel, '..'))) {
        skipped.push({ file: `${rel}/`, reason: `symbolic link to an enclosing folder (${shown(target)}/): a loop, not followed`, blocksRemoval: false });
        return;
      }
      if ((isDir && !SKIP_DIRS[e.name]) || (isFile && isSource(e.name))) symlinks.push({ file: isDir ? `${rel}/` : rel, target: isDir ? `${shown(target)}/` : shown(target) });
      linked = true;
    }
    if (isDir) {
      if (SKIP_DIRS[e.name]) skipped.push({ file: `${rel}/`, reason: SKIP_DIRS[e.name], blocksRemoval: false });
      else walk(rel, side, linked);
      return;
    }
    if (isFile && side === 'frontend' && ASSET_EXTENSIONS.includes(posix.extname(e.name))) {
      try { assets.push({ file: rel, side, text: readFile(join(appDir, rel)) }); } catch { /* an unreadable stylesheet loads nothing that can be listed */ }
      return;
    }
    // A pipe, socket or device named like source: reading it could hang, and what it would give cannot be known.
    if (special && isSource(e.name)) return void skipped.push({ file: rel, reason: `not a regular file (${special}): not read`, blocksRemoval: true });
    if (!isFile || !isSource(e.name)) return;
    if (/\.d\.[cm]?ts$/.test(e.name)) return void skipped.push({ file: rel, reason: 'type declarations', blocksRemoval: false });
    if (TEST_FILE.test(e.name)) return void skipped.push({ file: rel, reason: 'test file (not deployed)', blocksRemoval: false });
    let real: string;
    try { real = realpathSync(join(appDir, rel)); } catch { real = join(appDir, rel); }
    const list = candidates.get(real) ?? [];
    if (!list.some((c) => c.rel === rel)) list.push({ rel, side, linked });
    candidates.set(real, list);
  };

  for (const r of roots) {
    if (r.dir === '' || r.dir.startsWith('..')) continue;
    const abs = join(appDir, r.dir);
    try { if (!statSync(abs).isDirectory()) continue; } catch { continue; }
    walk(toPosix(relative(appDir, abs)), r.side, false);
  }

  const files: SourceFile[] = [];
  for (const [real, list] of candidates) {
    // The app's own path for the file wins over a link to it; then the first in path order.
    const [primary, ...others] = [...list].sort((a, b) => Number(a.linked) - Number(b.linked) || (a.rel < b.rel ? -1 : 1));
    for (const o of others) skipped.push({ file: o.rel, reason: `same file as ${primary.rel} (a symbolic link), scanned once`, blocksRemoval: false });
    let text: string;
    try {
      // Checked before reading: a huge file is not even loaded.
      const tooLarge = oversize(statSync(real).size);
      if (tooLarge) { skipped.push({ file: primary.rel, reason: tooLarge, blocksRemoval: true }); continue; }
      text = readFile(real);
    } catch (error) {
      skipped.push({ file: primary.rel, reason: `unreadable (${errorCode(error)})`, blocksRemoval: true });
      continue;
    }
    const taken = takeSource(primary.rel, primary.side, text);
    if ('skipped' in taken) skipped.push(taken.skipped);
    else files.push(taken.source);
  }
  files.sort((a, b) => (a.file < b.file ? -1 : 1));
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  symlinks.sort((a, b) => (a.file < b.file ? -1 : 1));
  // A folder reached from two roots would be reported twice.
  assets.sort((a, b) => (a.file < b.file ? -1 : 1));
  return { files, skipped: skipped.filter((s, i) => i === 0 || s.file !== skipped[i - 1].file), symlinks, assets: assets.filter((a, i) => i === 0 || a.file !== assets[i - 1].file) };
}

/**
 * Returns how a read file is taken in: as source to scan, or skipped when it is a minified library
 * that never mentions Forge (nothing in it can need a scope). A minified bundle that references
 * Forge is scanned and carries a finding: a bundler's output hides what some of its calls request
 * (renamed values, inlined packages), so nothing it may call can be proven unneeded.
 */
export function takeSource(file: string, side: Side, text: string): { source: SourceFile } | { skipped: SkippedFile } {
  if (!looksMinified(file, text)) return { source: { file, side, text } };
  const ref = forgeReference(text);
  if (!ref) return { skipped: { file, reason: 'minified bundle without a Forge reference (a vendored library)', blocksRemoval: false } };
  const { line, column } = new LineIndex(text).at(ref.index);
  const bundle: UnresolvedFinding = {
    file, line, column, kind: 'api', candidates: [], side, principal: 'default',
    reason: `minified bundle referencing ${ref.what}: scanned, but a bundle's calls cannot all be told (renamed values, inlined packages); scan the source it is built from instead`,
  };
  return { source: { file, side, text, bundle } };
}
