import { closeSync, constants, fstatSync, openSync, readFileSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { ScopeInspectorError } from './errors';

const PROBLEMS: Record<string, string> = {
  ENOENT: 'does not exist',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a part of the path is not a directory',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
};

/** Returns an OS error as words for people (`permission denied`), with its code when it has none. */
export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  return (code && PROBLEMS[code]) ?? (code ? `${code}: ${(error as Error).message}` : String(error));
}

function kindOf(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return 'is a directory, not a file';
  if (stats.isFIFO()) return 'is a named pipe (FIFO), not a regular file';
  if (stats.isSocket()) return 'is a socket, not a regular file';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'is a device, not a regular file';
  return 'is not a regular file';
}

const mib = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;

/** What a user-named input file is, for messages (`the manifest`) and limits. */
export interface InputKind {
  what: string;
  maxBytes: number;
  /** ScopeInspectorError code of every failure. */
  code: string;
}

/**
 * Reads a text file a user named (a manifest, a baseline, a usage export). Opened without blocking
 * and checked on the open descriptor, so a FIFO or a device is refused instead of hanging the
 * process, and a file swapped in between the check and the read cannot get past. Throws
 * ScopeInspectorError with one line: `path: cannot read the <what>: <problem>` (the OS error as `cause`).
 */
export function readInputFile(path: string, kind: InputKind): string {
  return readInputBytes(path, kind).toString('utf8');
}

/** Reads a file a user named as bytes, with `readInputFile`'s checks and errors (a file whose exact bytes matter, such as one init will restore). */
export function readInputBytes(path: string, kind: InputKind): Buffer {
  const fail = (problem: string, cause?: unknown) => new ScopeInspectorError(kind.code, `${path}: cannot read the ${kind.what}: ${problem}`, { cause });
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw fail(describeIoError(error), error);
  }
  try {
    const stats = fstatSync(fd);
    const notFile = kindOf(stats);
    if (notFile) throw fail(notFile);
    if (stats.size > kind.maxBytes) throw fail(`larger than ${mib(kind.maxBytes)} (${stats.size.toLocaleString('en-US')} bytes)`);
    return readFileSync(fd);
  } catch (error) {
    if (error instanceof ScopeInspectorError) throw error;
    throw fail(describeIoError(error), error);
  } finally {
    closeSync(fd);
  }
}

/**
 * Throws ScopeInspectorError `OUTPUT_PATH` unless `path` can be written as a file: its directory
 * exists, and it is not itself a directory. Checked before any work, so a typo fails at once.
 */
export function checkOutputPath(path: string, what: string): void {
  const dir = dirname(path);
  let stats: Stats | undefined;
  try {
    stats = statSync(dir);
  } catch (error) {
    throw new ScopeInspectorError('OUTPUT_PATH', `${path}: cannot write the ${what}: the directory ${dir} ${describeIoError(error)}`, { cause: error });
  }
  if (!stats.isDirectory()) throw new ScopeInspectorError('OUTPUT_PATH', `${path}: cannot write the ${what}: ${dir} is not a directory`);
  try {
    if (statSync(path).isDirectory()) throw new ScopeInspectorError('OUTPUT_PATH', `${path}: cannot write the ${what}: it is a directory`);
  } catch (error) {
    if (error instanceof ScopeInspectorError) throw error;
    // Not there yet: it will be created.
  }
}

/** Writes a file a user named; throws ScopeInspectorError `OUTPUT_WRITE` with one line naming the path and the problem. */
export function writeOutputFile(path: string, text: string, what: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw new ScopeInspectorError('OUTPUT_WRITE', `${path}: cannot write the ${what} (${describeIoError(error)})`, { cause: error });
  }
}
