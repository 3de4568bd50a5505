import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { ScopeInspectorError } from '../errors';
import type { InitChange } from './plan-init';
import { readAppFile, readAppText } from './read-app-file';

/** Where init keeps what `--undo` needs, relative to the app. */
export const RECORD_FILE = '.scope-inspector/init.json';

/** What init changed: each file's bytes before (null when init created it) and a hash of what init wrote. */
export interface UndoRecord {
  v: 1;
  kit: string;
  files: Record<string, { before: string | null; after: string }>;
  /** Folders init created, removed again on undo when empty. */
  dirs: string[];
}

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** Returns the app's undo record, or undefined when init has not run there. */
export function readRecord(appDir: string): UndoRecord | undefined {
  const file = join(appDir, RECORD_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const record = JSON.parse(readAppText(appDir, RECORD_FILE)) as UndoRecord;
    if (record.v !== 1 || typeof record.files !== 'object') throw new Error('unknown format');
    return record;
  } catch (error) {
    throw new ScopeInspectorError('INIT_RECORD_INVALID', `${file}: cannot read init's undo record (${(error as Error).message})`);
  }
}

/** Returns the folders (relative, deepest last) that do not exist yet on the way to `file`. */
function missingDirs(appDir: string, file: string): string[] {
  const out: string[] = [];
  for (let dir = posix.dirname(file); dir !== '.' && !existsSync(join(appDir, dir)); dir = posix.dirname(dir)) out.unshift(dir);
  return out;
}

/**
 * Writes the planned changes and the undo record (merged with an earlier one: a file keeps the
 * bytes it had before the first init).
 */
export function applyChanges(appDir: string, changes: readonly InitChange[], kit: string): void {
  const record: UndoRecord = readRecord(appDir) ?? { v: 1, kit, files: {}, dirs: [] };
  record.kit = kit;
  const dirs = new Set(record.dirs);
  for (const c of [...changes.map((c) => c.file), RECORD_FILE]) for (const d of missingDirs(appDir, c)) dirs.add(d);
  for (const c of changes) {
    const previous = record.files[c.file];
    const before = c.before === undefined ? null : Buffer.from(c.before).toString('base64');
    record.files[c.file] = { before: previous ? previous.before : before, after: sha256(c.after) };
    mkdirSync(dirname(join(appDir, c.file)), { recursive: true });
    writeFileSync(join(appDir, c.file), c.after);
  }
  record.dirs = [...dirs].sort();
  mkdirSync(dirname(join(appDir, RECORD_FILE)), { recursive: true });
  writeFileSync(join(appDir, RECORD_FILE), JSON.stringify(record, null, 1) + '\n');
}

/** Returns what undo would write: each file's current content and the content it gets back (undefined: deleted). */
export function planUndo(appDir: string, force = false): { file: string; current?: Buffer; restored?: Buffer }[] {
  const record = readRecord(appDir);
  if (!record) throw new ScopeInspectorError('INIT_NOT_INITIALISED', `${join(appDir, RECORD_FILE)}: not found; init has not run in ${appDir} (nothing to undo)`);
  const out: { file: string; current?: Buffer; restored?: Buffer }[] = [];
  const edited: string[] = [];
  for (const [file, entry] of Object.entries(record.files)) {
    const current = readAppFile(appDir, file);
    if (current === undefined ? entry.before !== null : sha256(current) !== entry.after) edited.push(file);
    out.push({ file, current, restored: entry.before === null ? undefined : Buffer.from(entry.before, 'base64') });
  }
  if (edited.length > 0 && !force) {
    throw new ScopeInspectorError(
      'INIT_UNDO_CONFLICT',
      `these files changed since init wrote them, and undo would lose those changes: ${edited.join(', ')} (nothing was changed; --force restores them anyway)`,
    );
  }
  return out;
}

/** Restores every file init changed, deletes the files and folders it created, and its record. */
export function applyUndo(appDir: string, force = false): { restored: number; removed: number; keptDirs: string[] } {
  const record = readRecord(appDir)!;
  const plan = planUndo(appDir, force);
  let restored = 0;
  let removed = 0;
  for (const { file, restored: bytes } of plan) {
    const abs = join(appDir, file);
    if (bytes === undefined) {
      if (existsSync(abs)) (rmSync(abs), removed++);
    } else {
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, bytes);
      restored++;
    }
  }
  rmSync(join(appDir, RECORD_FILE), { force: true });
  const keptDirs: string[] = [];
  for (const dir of [...record.dirs].sort((a, b) => b.length - a.length)) {
    const abs = join(appDir, dir);
    if (!existsSync(abs)) continue;
    if (readdirSync(abs).length === 0) rmdirSync(abs);
    else keptDirs.push(dir);
  }
  return { restored, removed, keptDirs };
}
