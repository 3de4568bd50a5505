/**
 * Loads the bundled CLI (dist/cli/main.js) through V8's code cache: the bytecode of every
 * function the previous run of the same command compiled, so a start skips parsing and compiling
 * them (about 40 ms of CPU for `audit`, docs/benchmarks.md "CLI start"). Node 22 has this built
 * in (`module.enableCompileCache`); Node 20, which this package supports, does not, and the
 * `v8-compile-cache` package only caches what is compiled before a file runs (measured: no gain).
 *
 * Safe by construction: V8 rejects data from another V8 version or flags, the file name carries
 * a hash of the bundle (its build id, written by scripts/build-cli.ts; V8 itself checks only the
 * source length, and runs stale code for a same-length edit), files are written whole (a
 * temporary file renamed), only in a directory that this user owns and nobody else can write,
 * and any failure just means compiling as usual. NODE_DISABLE_COMPILE_CACHE (Node's own switch)
 * turns it off.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** The first line scripts/build-cli.ts gives the bundle: the hash of the rest, which keys its cache. */
const BUILD_ID = /^\/\/ build ([0-9a-f]{40})\n/;

/** Returns the key of a file's cache: its build id, else a hash of its bytes (node:crypto loaded only then). */
function cacheKey(source: Buffer): string {
  const id = BUILD_ID.exec(source.toString('latin1', 0, 50));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (id ? id[1] : (require('node:crypto') as typeof import('node:crypto')).createHash('sha1').update(source).digest('hex')).slice(0, 16);
}

/** Returns where code caches go: $XDG_CACHE_HOME (or ~/.cache, %LOCALAPPDATA%)/scope-inspector; undefined when turned off. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  const base = env.XDG_CACHE_HOME || (process.platform === 'win32' ? env.LOCALAPPDATA : undefined) || join(homedir(), '.cache');
  return join(base, 'scope-inspector');
}

/** True when `dir` exists (or was just made) as this user's and nobody else can write to it. */
function trusted(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = statSync(dir);
    if (!st.isDirectory()) return false;
    if (process.platform === 'win32') return true;
    return st.uid === process.getuid?.() && (st.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/** A module run from the code cache, and how to refresh the cache once the run is over. */
export interface CachedModule<T> {
  exports: T;
  /** Whether V8 used cached bytecode for this run. */
  cacheUsed: boolean;
  /** Writes the cache when none was used (every function this run compiled); never throws. */
  save(): void;
}

/**
 * Runs the CommonJS file `file` (as `require` would) with V8's code cache for `variant` (each
 * command compiles different functions: one cache per command) kept in `dir`.
 */
export function requireWithCodeCache<T>(file: string, variant: string, dir: string | undefined = cacheDir()): CachedModule<T> {
  const source = readFileSync(file);
  const key = cacheKey(source);
  const prefix = `cli-${key}-`;
  const usable = dir !== undefined && /^[\w.-]+$/.test(variant) && trusted(dir);
  const cacheFile = usable ? join(dir, `${prefix}${process.version}-${process.arch}-${variant}.bin`) : undefined;
  let cached: Buffer | undefined;
  try {
    if (cacheFile) cached = readFileSync(cacheFile);
  } catch {
    cached = undefined; // first run of this build and command
  }
  const script = new Script(wrap(source.toString('utf8')), { filename: file, cachedData: cached });
  const cacheUsed = cached !== undefined && !script.cachedDataRejected;
  const mod = { exports: {} as T, filename: file, id: file, loaded: false };
  const fn = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  fn.call(mod.exports, mod.exports, createRequire(file), mod, file, dirname(file));
  mod.loaded = true;
  return {
    exports: mod.exports,
    cacheUsed,
    save() {
      if (!cacheFile || cacheUsed) return;
      try {
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        renameSync(tmp, cacheFile);
        // Caches of other builds are dead weight: a rebuild or upgrade replaces them.
        for (const name of readdirSync(dir!)) if (name.startsWith('cli-') && !name.startsWith(prefix)) unlinkSync(join(dir!, name));
      } catch {
        // A cache that cannot be written only costs the next run its compile time.
      }
    },
  };
}
