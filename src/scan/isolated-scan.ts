import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { skippedSummary } from './file-guard';
import type { FileSummary } from './summary-types';
import type { Side } from './types';

const CHILD_FILE = join(__dirname, `isolated-scan-child${extname(__filename)}`);
const IS_TS = extname(__filename) !== '.js';
/** Generous for a file of at most 2 MiB (about a second of work); a stuck child must not stall the audit. */
const TIMEOUT_MS = 60_000;

/** Node arguments that run the child entry: compiled JavaScript, or TypeScript through tsx's require hook. */
function childArgs(): string[] | undefined {
  if (!IS_TS) return [CHILD_FILE];
  try {
    const tsx = require.resolve('tsx/cjs');
    return ['-e', `require(${JSON.stringify(tsx)}); require(${JSON.stringify(CHILD_FILE)});`];
  } catch {
    return undefined;
  }
}

/**
 * Summarises one file in a child process, for files nested deeper than is safe to parse here: a
 * native stack overflow there ends only the child, and the file is reported skipped with why.
 * The summary comes back in V8's serialization (as from a worker thread), so it is the same data.
 */
export function scanIsolated(file: string, text: string, side: Side, levels: number): FileSummary {
  const deep = `nested about ${levels.toLocaleString('en-US')} levels deep`;
  const args = childArgs();
  if (!args) return skippedSummary(file, side, `${deep}: not parsed (too deep to parse in-process, and no isolated parser is available)`);
  const node = [process.execPath, '--max-old-space-size=1024', ...args];
  // A crash must not leave a core file behind: none is written (ulimit), and not in the user's folder (cwd).
  const [command, ...argv] = existsSync('/bin/sh') ? ['/bin/sh', '-c', 'ulimit -c 0 2>/dev/null; exec "$@"', 'sh', ...node] : node;
  const child = spawnSync(command, argv, {
    cwd: tmpdir(),
    input: JSON.stringify({ file, text, side }),
    maxBuffer: 256 * 1024 * 1024,
    timeout: TIMEOUT_MS,
    windowsHide: true,
  });
  if (child.status === 0) {
    try {
      // Required here: loading node:v8 costs every CLI start ~2.5 ms, and few files come this way.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return (require('node:v8') as typeof import('node:v8')).deserialize(child.stdout) as FileSummary;
    } catch {
      return skippedSummary(file, side, `${deep}: the isolated parser's answer could not be read`);
    }
  }
  const code = (child.error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ETIMEDOUT') return skippedSummary(file, side, `${deep}: parsing took longer than ${TIMEOUT_MS / 1000} s`);
  if (child.signal === 'SIGSEGV' || child.signal === 'SIGBUS') return skippedSummary(file, side, `${deep}: too deep to parse (the parser overflowed its stack)`);
  if (/heap out of memory|Reached heap limit/.test(String(child.stderr))) return skippedSummary(file, side, `${deep}: parsing ran out of memory`);
  const how = child.signal ? `signal ${child.signal}` : code ?? `exit code ${child.status}`;
  return skippedSummary(file, side, `${deep}: the isolated parser failed (${how})`);
}
