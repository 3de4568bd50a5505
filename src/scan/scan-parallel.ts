import { availableParallelism, loadavg } from 'node:os';
import { extname, join } from 'node:path';
import type { ResourceLimits, Worker } from 'node:worker_threads';
import type { SourceFile } from './find-files';
import { addReachedFiles, findAppFiles, resultFromSummaries, withAppAliases, withAppFacts, type ScanOptions } from './scan-app';
import { scanSource } from './scan-source';
import type { FileSummary } from './summary-types';
import type { ScanResult } from './types';

/** Options of a parallel scan. */
export interface ParallelScanOptions extends ScanOptions {
  /** Worker threads besides the main thread; default: one per spare core (cores not busy by the load average, less this thread's), at most 3. 0 scans in-thread. */
  workers?: number;
  /** Below this many files, scan in-thread; default: by size, below MIN_BYTES_FOR_WORKERS of source. */
  minFilesForWorkers?: number;
  /** Memory limits of each worker (default: a 64 MB young generation); a worker that exceeds them fails and its files are scanned on this thread. */
  workerResourceLimits?: ResourceLimits;
}

/**
 * Below this much source, starting a worker (it loads the parser and the scanner again) costs
 * more than the share of the scan it takes: ~1 MiB, about 200 files of 100 lines. Measured by
 * bench/scan-threshold.ts (docs/benchmarks.md, "Worker threads"): on a busy machine workers lose at
 * every size, which is why spare cores are counted too.
 */
export const MIN_BYTES_FOR_WORKERS = 1024 * 1024;

/** Returns how many workers can run on cores nothing else is using: cores less the 1-minute load average, less one for this thread, at most 3. */
function spareCores(): number {
  const cores = availableParallelism();
  // loadavg() is [0, 0, 0] where the platform has none (Windows): then every other core counts.
  return Math.max(0, Math.min(3, cores - 1, Math.floor(cores - loadavg()[0])));
}

const WORKER_FILE = join(__dirname, `scan-worker${extname(__filename)}`);

const IS_TS = extname(__filename) !== '.js';

/** True when a worker can load the scanner: compiled JavaScript, or TypeScript with `tsx` installed. */
export function workersAvailable(): boolean {
  if (!IS_TS) return true;
  try {
    require.resolve('tsx/cjs');
    return true;
  } catch {
    return false;
  }
}

/** Starts a worker on the scanner's own source; from TypeScript sources, through tsx's require hook. */
function startWorker(files: SourceFile[], limits: ResourceLimits = {}): Worker {
  // Required here: a small app (most audits) never starts a worker.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
  // A larger young generation: each AST dies right after its walk, so fewer objects get promoted.
  const options = { workerData: { files }, resourceLimits: { maxYoungGenerationSizeMb: 64, ...limits } };
  if (!IS_TS) return new Worker(WORKER_FILE, options);
  const code = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(WORKER_FILE)});`;
  return new Worker(code, { ...options, eval: true });
}

/** Splits files into `n` bins of similar total size (largest first, each to the lightest bin). */
function split(files: readonly SourceFile[], n: number): SourceFile[][] {
  const bins = Array.from({ length: n }, () => ({ size: 0, files: [] as SourceFile[] }));
  for (const f of [...files].sort((a, b) => b.text.length - a.text.length)) {
    const bin = bins.reduce((min, b) => (b.size < min.size ? b : min));
    bin.files.push(f);
    bin.size += f.text.length;
  }
  return bins.map((b) => b.files);
}

function runWorker(files: SourceFile[], limits?: ResourceLimits): Promise<FileSummary[]> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(files, limits);
    worker.once('message', (m: FileSummary[]) => { resolve(m); void worker.terminate(); });
    worker.once('error', reject);
    worker.once('exit', (code) => { if (code !== 0) reject(new Error(`scan worker exited with code ${code}`)); });
  });
}

/**
 * Scans files on several threads: parsing (and turning oxc's JSON into objects) is most of the
 * cost and each file is independent; linking across files then runs once on the summaries.
 */
export async function scanFilesParallel(files: readonly SourceFile[], options: ParallelScanOptions = {}): Promise<ScanResult> {
  return resultFromSummaries(files, await summariesParallel(files, options), options);
}

/** Summarises files on worker threads (or in-thread for small trees), in the files' order. */
async function summariesParallel(files: readonly SourceFile[], options: ParallelScanOptions): Promise<FileSummary[]> {
  const small = options.minFilesForWorkers === undefined ? files.reduce((n, f) => n + f.text.length, 0) < MIN_BYTES_FOR_WORKERS : files.length < options.minFilesForWorkers;
  const workers = small ? 0 : (options.workers ?? spareCores());
  if (workers < 1 || !workersAvailable()) {
    return files.map((f) => scanSource(f.file, f.text, f.side));
  }
  const [own, ...rest] = split(files, workers + 1);
  // A worker that fails (out of memory under its resource limits, say) leaves its files to this thread.
  const pending = rest.map((chunk) => runWorker(chunk, options.workerResourceLimits).catch(() => chunk.map((f) => scanSource(f.file, f.text, f.side))));
  // The main thread takes a share too instead of idling while the workers start.
  const mine = own.map((f) => scanSource(f.file, f.text, f.side));
  const byFile = new Map<string, FileSummary>();
  for (const s of [...mine, ...(await Promise.all(pending)).flat()]) byFile.set(s.file, s);
  return files.map((f) => byFile.get(f.file)!);
}

/** Finds and scans an app's source files on several threads (same result as `scanApp`). */
export async function scanAppParallel(appDir: string, options: ParallelScanOptions = {}): Promise<ScanResult> {
  const found = findAppFiles(appDir, options);
  const opts = withAppAliases(appDir, options);
  const all = addReachedFiles(appDir, found, await summariesParallel(found.files, opts), opts);
  return withAppFacts(appDir, found, all.summaries, resultFromSummaries(all.files, all.summaries, opts, found.assets));
}
