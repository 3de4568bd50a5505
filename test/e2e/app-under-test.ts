import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createSandbox, type Sandbox } from '../../local/sandbox';
import type { SandboxOptions } from '../../local/sandbox-options';
import { startCustomUiHost, type CustomUiHost } from '../../local/ui/custom-ui-host';
import { seedFixtureUsage } from './fixture-app/seed';

/** The repository root (the real app's folder). */
export const REPO_ROOT = resolve(__dirname, '..', '..');
const FIXTURE_DIR = join(__dirname, 'fixture-app');

/** What the e2e test uses of local/seed.ts. */
interface RealSeed {
  seedDemoTraffic(sandbox: Sandbox): Promise<unknown>;
  demoSiteOptions(manifestPath: string): Pick<SandboxOptions, 'appVersion' | 'grantedScopes'>;
}

/** A running app with its admin page served by the sandbox's Custom UI host. */
export interface AppUnderTest {
  kind: 'real' | 'fixture';
  sandbox: Sandbox;
  host: CustomUiHost;
  /** URL of the jira:adminPage module. */
  adminUrl: string;
  /** URL of the confluence:globalSettings module, when the manifest has one. */
  confluenceUrl?: string;
  close(): Promise<void>;
}

/**
 * Returns which app to test: the real one (repo-root manifest.yml serving the admin page, and
 * local/seed.ts) once it exists, else the contract-shaped fixture; `E2E_APP=fixture|real` forces one.
 */
export function chooseApp(): 'real' | 'fixture' {
  const forced = process.env.E2E_APP;
  if (forced === 'real' || forced === 'fixture') return forced;
  const manifest = join(REPO_ROOT, 'manifest.yml');
  const ready = existsSync(manifest) && /admin-page/.test(readFileSync(manifest, 'utf8')) && existsSync(join(REPO_ROOT, 'local', 'seed.ts'));
  return ready ? 'real' : 'fixture';
}

/** Starts the sandbox with the chosen app, seeds its demo traffic and serves its Custom UI. */
export async function startApp(kind = chooseApp()): Promise<AppUnderTest> {
  // Required lazily: local/seed.ts belongs to the real app and may be absent while the fixture runs.
  const seed = kind === 'real' ? (require(join(REPO_ROOT, 'local', 'seed')) as RealSeed) : undefined;
  const sandbox = createSandbox({
    appDir: kind === 'real' ? REPO_ROOT : FIXTURE_DIR,
    kvs: ':memory:',
    // The real demo site runs an older version that has not granted one declared scope.
    ...seed?.demoSiteOptions(join(REPO_ROOT, 'manifest.yml')),
  });
  try {
    if (seed) {
      await seed.seedDemoTraffic(sandbox);
    } else {
      await seedFixtureUsage(sandbox);
    }
    const host = await startCustomUiHost(sandbox);
    const admin = host.modules.find((m) => m.type === 'jira:adminPage');
    if (!admin) throw new Error(`${kind} app: no jira:adminPage module with a resource`);
    return {
      kind,
      sandbox,
      host,
      adminUrl: admin.url,
      confluenceUrl: host.modules.find((m) => m.type === 'confluence:globalSettings')?.url,
      close: async () => {
        await host.close();
        sandbox.close();
      },
    };
  } catch (error) {
    sandbox.close();
    throw error;
  }
}
