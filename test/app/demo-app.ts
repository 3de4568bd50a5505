import { join } from 'node:path';
import { createSandbox, type Sandbox } from '../../local/sandbox';
import { demoSiteOptions, seedDemoTraffic } from '../../local/seed';
import { buildStaticAnalysis } from '../../scripts/build-static-analysis';

/** The repository root: this app's own folder. */
export const ROOT = join(__dirname, '../..');
/** Resolver options of a call from the Jira admin page by the sandbox's admin user. */
export const ADMIN = { context: { extension: { type: 'jira:adminPage' } } };

/** What a suite gets: a resolver call on the seeded demo site, and the static analysis the resolvers read. */
export interface DemoApp {
  call(key: string, payload?: unknown, opts?: object): Promise<any>;
  readonly analysis: Awaited<ReturnType<typeof buildStaticAnalysis>>;
}

/**
 * Registers beforeAll/afterAll running this app on the demo site with its demo traffic; the
 * suite mocks `src/resolvers/static-analysis` to return `analysis` (built for this checkout).
 */
export function useDemoApp(): DemoApp {
  let sandbox: Sandbox;
  let analysis: DemoApp['analysis'];
  beforeAll(async () => {
    analysis = await buildStaticAnalysis(ROOT);
    sandbox = createSandbox({ appDir: ROOT, ...demoSiteOptions(join(ROOT, 'manifest.yml')) });
    await seedDemoTraffic(sandbox);
  }, 60_000);
  afterAll(() => sandbox.close());
  return {
    call: (key, payload = {}, opts = ADMIN) => sandbox.invokeResolver('resolver', key, payload, opts) as Promise<any>,
    get analysis() {
      return analysis;
    },
  };
}
