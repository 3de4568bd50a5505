import { join } from 'node:path';
import { ScopeInspectorError } from '../errors';
import { readInputFile, type InputKind } from '../input-file';

/** Real manifests are tens of kilobytes; a bigger file is not a manifest, and YAML parsing time grows with it. */
const MANIFEST: InputKind = { what: 'manifest', maxBytes: 1024 * 1024, code: 'MANIFEST_UNREADABLE' };

/**
 * Reads an app's `manifest.yml` (Node only). Throws ScopeInspectorError `MANIFEST_NOT_FOUND` when
 * there is none, `MANIFEST_UNREADABLE` naming the path and the problem (a directory, a FIFO, no
 * permission, too large) otherwise.
 */
export function readManifestFile(appDir: string): string {
  const path = join(appDir, 'manifest.yml');
  try {
    return readInputFile(path, MANIFEST);
  } catch (error) {
    const code = ((error as Error).cause as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ScopeInspectorError('MANIFEST_NOT_FOUND', `${path}: not found (is ${appDir} a Forge app directory?)`, { cause: error });
    throw error;
  }
}
