import { join } from 'node:path';
import { readInputBytes, type InputKind } from '../input-file';

/** What init reads of an app: its manifest, package.json, sources and the files it would replace; all far below this. */
const APP_FILE: InputKind = { what: 'file', maxBytes: 32 * 1024 * 1024, code: 'INIT_UNREADABLE' };

/**
 * Returns the bytes of an app file (`file` relative to `appDir`), or undefined when there is none.
 * Read without blocking: a named pipe or a device in its place is refused with the path and what
 * it is (a plain read would hang init), like a folder or a file it may not read.
 */
export function readAppFile(appDir: string, file: string): Buffer | undefined {
  try {
    return readInputBytes(join(appDir, file), APP_FILE);
  } catch (error) {
    if (((error as Error).cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Returns an app file's text; throws (naming it) when it is missing or cannot be read. */
export function readAppText(appDir: string, file: string): string {
  return readInputBytes(join(appDir, file), APP_FILE).toString('utf8');
}
