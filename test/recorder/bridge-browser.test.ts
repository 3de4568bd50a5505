/**
 * instrumentBridge in real Chromium with the real @forge/bridge, served by the sandbox's
 * Custom UI host: the page's calls reach the kit's resolver and are stored as bridge usage.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { Sandbox } from '../../local/sandbox';
import type { CustomUiHost } from '../../local/ui/custom-ui-host';
import { readUsage } from '../../src/store';
import { chromiumAvailable } from '../helpers/chromium';
import { startFixturePage, type FixturePage } from '../helpers/fixture-page';

const available = chromiumAvailable("the recorder's Custom UI test");
const appDir = join(__dirname, 'fixtures', 'bridge-app');
let harness: FixturePage;
let sandbox: Sandbox;
let host: CustomUiHost;
let browser: Browser;

(available ? describe : describe.skip)('instrumentBridge in real Chromium', () => {
  beforeAll(async () => {
    harness = await startFixturePage(appDir);
    ({ sandbox, host, browser } = harness);
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
  });

  it('records the page calls as bridge usage without changing what the page sees', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(host.modules[0].url);
      const result = JSON.parse((await page.locator('#result').textContent({ timeout: 15_000 }))!);
      expect(errors).toEqual([]);
      expect(result).toEqual({
        issue: { status: 200, bodyRead: true },
        myself: 200,
        write: 401,
        unknown: 404,
        remote: { status: 200, arrived: 'backend' },
        graph: { data: { graphStore: null } },
        flushed: true,
      });
    } finally {
      await page.close();
    }
    const usage = await sandbox.run(() => readUsage());
    const rows = usage.endpoints.map((e) => [e.principal, e.method, e.template, e.calls, e.status['2xx'], e.status['4xx']]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['bridge', 'GET', '/rest/api/3/issue/{issueIdOrKey}', 1, 1, 0],
        ['bridge', 'GET', '/rest/api/3/myself', 1, 1, 0],
        ['bridge', 'PUT', '/rest/api/3/issue/{issueIdOrKey}', 1, 0, 1],
      ]),
    );
    expect(rows).toHaveLength(3);
    // A path the app's static analysis does not know is kept apart, never evidence.
    expect(usage.excluded).toMatchObject([{ principal: 'bridge', reason: 'unverified-bridge', template: '/rest/api/3/{}/{}', calls: 1 }]);
    // The bridge's other surfaces: the remote the static analysis knows is evidence, the Teamwork Graph query it does not know is kept apart.
    expect(usage.surfaces).toMatchObject([{ surface: 'requestRemote', principal: 'bridge', target: 'backend', path: '/api/items/{}', calls: 1, status: { '2xx': 1 } }]);
    expect(usage.excludedSurfaces).toMatchObject([{ surface: 'requestTeamworkGraph', graphql: { type: 'query', operation: 'Q', fields: ['graphStore'] }, reason: 'unverified-bridge' }]);
    expect(JSON.stringify(usage)).not.toContain('PAGE-7');
    expect(JSON.stringify(usage)).not.toContain('t-1');
    expect(usage.endpoints.find((e) => e.method === 'PUT')?.scopeMismatch401).toBe(1); // the gateway's 401, seen from the page
  }, 60_000);
});
