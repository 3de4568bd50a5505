/**
 * `npm start [-- --fresh] [-- --port N]`: builds what is missing, starts the local Forge sandbox
 * with this app, seeds demo traffic on first start (or with --fresh), and prints the admin page URL.
 */
import './runtime/install-globals';
import { existsSync, mkdirSync, rmSync, statSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { startFromCli } from './cli';
import { DEMO_SITE, demoSiteOptions, seedDemoTraffic } from './seed';

const ROOT = resolve(__dirname, '..');
const KVS_FILE = join(ROOT, '.sandbox/kvs.sqlite');

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  if (!statSync(dir).isDirectory()) return statSync(dir).mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Runs a build script with tsx when its output is older than its sources. */
function buildIfStale(label: string, script: string, sources: string[], output: string): void {
  if (!existsSync(join(ROOT, script))) return;
  const stale = !existsSync(output) || Math.max(...sources.map(newestMtime)) > newestMtime(output);
  if (!stale) return;
  console.log(`building ${label}…`);
  execFileSync(process.execPath, [require.resolve('tsx/cli'), join(ROOT, script)], { cwd: ROOT, stdio: 'inherit' });
}

async function main(argv: string[]): Promise<void> {
  const fresh = argv.includes('--fresh');
  const rest = argv.filter((a) => a !== '--fresh');
  buildIfStale('static analysis of this app', 'scripts/build-static-analysis.ts', [join(ROOT, 'src'), join(ROOT, 'manifest.yml')], join(ROOT, 'src/generated/static-analysis.json'));
  // The page also bundles the core's renderers' helpers (verdict words, labels, confidence).
  buildIfStale('admin page', 'scripts/build-admin-page.ts', [join(ROOT, 'static/admin-page/src'), join(ROOT, 'src/report'), join(ROOT, 'src/analysis')], join(ROOT, 'static/admin-page/build'));
  buildIfStale('issue panel and byline item', 'scripts/build-features-ui.ts', [join(ROOT, 'static/features/src')], join(ROOT, 'static/features/build'));
  if (fresh) rmSync(KVS_FILE, { force: true });
  const firstRun = !existsSync(KVS_FILE);
  mkdirSync(join(ROOT, '.sandbox'), { recursive: true });
  const manifest = join(ROOT, 'manifest.yml');
  const site = demoSiteOptions(manifest);
  const running = await startFromCli(['--manifest', manifest, '--kvs', KVS_FILE, '--app-version', site.appVersion!, '--scopes', site.grantedScopes!.join(','), ...rest]);
  if (firstRun) {
    const seeded = await seedDemoTraffic(running.sandbox);
    console.log(
      `Seeded demo traffic from a site still on ${DEMO_SITE.appVersion}: ${seeded.issuesCreated} issues created, ` +
        `${seeded.panelViews} issue-panel views; the site never granted ${DEMO_SITE.notGranted}, so stamping issue properties gets 401s.`,
    );
  } else {
    console.log('Using the usage recorded in .sandbox/ (npm start -- --fresh starts clean).');
  }
  const admin = running.host.modules.find((m) => m.key === 'admin-page');
  console.log(`\nAdmin page: ${admin?.url ?? running.host.url}`);
  const stop = () => void running.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((error: Error) => {
  console.error(`npm start: ${error.message}`);
  process.exit(1);
});
