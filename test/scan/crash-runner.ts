/**
 * Runs in its own process (test/scan/file-guard.test.ts spawns it): scans an app whose files would
 * crash the native parser, on this thread, on worker threads and through the CLI, and prints what
 * each reported. A crash ends this process, not the test runner.
 */
import { main } from '../../src/cli/main';
import { scanApp, scanAppParallel } from '../../src/scan';

async function run(dir: string, quick: boolean): Promise<void> {
  const files = (r: Awaited<ReturnType<typeof scanAppParallel>>) => ({ scanned: r.files.scanned, skipped: r.files.skipped, calls: r.calls.map((c) => `${c.file} ${c.operationKey}`) });
  const sync = files(scanApp(dir));
  // `--quick` (the fuzz suite): no second pass on worker threads.
  const parallel = quick ? undefined : files(await scanAppParallel(dir, { workers: 2, minFilesForWorkers: 0 }));
  let err = '';
  const code = await main(['node', 'scope-inspector', 'audit', dir, '--format', 'json'], { out: () => undefined, err: (t) => { err += t; }, readStdin: async () => '', color: false });
  process.stdout.write(JSON.stringify({ sync, parallel, cli: { code, err } }));
}

void run(process.argv[2], process.argv[3] === '--quick');
