/**
 * Exact counts: concurrent invocations keep separate tallies, each writes exactly one shard,
 * and on-demand compaction yields exact aggregates. Real @forge/api and @forge/kvs via the sandbox.
 */
import api, { route } from '@forge/api';
import { flushUsage, instrument, withUsageRecording } from '../../src/recorder';
import { readUsage } from '../../src/store';
import type { Sandbox } from '../../local/sandbox';
import { countKvsRequests, recorderSandbox } from './helpers/sandbox-kit';

const recorded = instrument(api);
let sandbox: Sandbox;
let counter: ReturnType<typeof countKvsRequests>;
beforeEach(() => {
  sandbox = recorderSandbox();
  counter = countKvsRequests();
});
afterEach(() => {
  counter.restore();
  sandbox.close();
});

// Four endpoints per invocation, in a mix that differs by invocation index.
function plan(invocation: number, calls: number): Array<'issue' | 'myself' | 'search' | 'unknown'> {
  const kinds = ['issue', 'myself', 'search', 'unknown'] as const;
  return Array.from({ length: calls }, (_, i) => kinds[(i * 7 + invocation) % 4]);
}

async function call(kind: 'issue' | 'myself' | 'search' | 'unknown', i: number): Promise<void> {
  if (kind === 'issue') await recorded.asApp().requestJira(route`/rest/api/3/issue/${`PRJ-${i}`}`);
  else if (kind === 'myself') await recorded.asUser().requestJira(route`/rest/api/3/myself`);
  else if (kind === 'search') await recorded.requestJira(route`/rest/api/3/search/jql?jql=${`key = PRJ-${i}`}`);
  else await recorded.asApp().requestJira(route`/rest/api/3/nothing/${`x${i}`}`);
}

describe('exact counts', () => {
  it('keeps 50 concurrent invocations × 100 calls exact, one KVS write each', async () => {
    const invocations = 50;
    const calls = 100;
    const handler = withUsageRecording(async (n: number) => {
      const kinds = plan(n, calls);
      // Interleave with the other invocations on purpose.
      for (let i = 0; i < kinds.length; i += 10) await Promise.all(kinds.slice(i, i + 10).map((k, j) => call(k, i + j)));
      return n;
    });
    const results = await Promise.all(Array.from({ length: invocations }, (_, n) => sandbox.run(() => handler(n), { moduleKey: `m-${n % 3}` })));
    expect(results).toEqual(Array.from({ length: invocations }, (_, n) => n));
    expect(counter.perInvocation.size).toBe(invocations);
    expect([...counter.perInvocation.values()].every((n) => n === 1)).toBe(true);

    const expected = { issue: 0, myself: 0, search: 0, unknown: 0 };
    for (let n = 0; n < invocations; n++) for (const k of plan(n, calls)) expected[k]++;
    const usage = await sandbox.run(() => readUsage());
    const by = (template: string) => usage.endpoints.filter((e) => e.template === template);
    expect(by('/rest/api/3/issue/{issueIdOrKey}')).toMatchObject([{ principal: 'app', calls: expected.issue, status: { '2xx': expected.issue } }]);
    expect(by('/rest/api/3/myself')).toMatchObject([{ principal: 'user', calls: expected.myself }]);
    expect(by('/rest/api/3/search/jql')).toMatchObject([{ principal: 'none', calls: expected.search }]);
    const unknown = usage.endpoints.filter((e) => !e.known);
    expect(unknown).toMatchObject([{ template: '/rest/api/3/{}/{}', calls: expected.unknown, status: { '4xx': expected.unknown } }]);
    expect(usage.endpoints.reduce((a, e) => a + e.calls, 0)).toBe(invocations * calls);
    expect(usage.endpoints[0].moduleKeys).toEqual(['m-0', 'm-1', 'm-2']);
    expect(usage.endpoints[0].appVersions).toEqual(['2.1.0']);
    expect(usage.grantedScopes).toMatchObject([{ appVersion: '2.1.0', scopes: ['read:jira-user', 'read:jira-work', 'storage:app'] }]);
  });

  it('makes no KVS request for an invocation without product calls', async () => {
    const handler = withUsageRecording(async () => 'nothing');
    expect(await sandbox.run(handler)).toBe('nothing');
    expect(counter.total()).toBe(0);
  });

  it('counts the gateway scope-mismatch 401 separately', async () => {
    const handler = withUsageRecording(async () => {
      await recorded.asApp().requestJira(route`/rest/api/3/issue/ABC-1`, { method: 'PUT', body: '{}' });
      await recorded.asApp().requestJira(route`/rest/api/3/issue/ABC-1`, { method: 'PUT', body: '{}' });
    });
    await sandbox.run(handler);
    const usage = await sandbox.run(() => readUsage());
    expect(usage.endpoints).toMatchObject([{ method: 'PUT', calls: 2, status: { '4xx': 2 }, scopeMismatch401: 2 }]);
  });

  it('records calls made outside a wrapped handler once flushUsage() is called', async () => {
    await sandbox.run(async () => {
      await recorded.asApp().requestConfluence(route`/wiki/api/v2/pages/${'12345'}`);
      await flushUsage();
    });
    const usage = await sandbox.run(() => readUsage());
    expect(usage.endpoints).toMatchObject([{ family: 'requestConfluence', template: '/wiki/api/v2/pages/{id}', calls: 1 }]);
  });

  it('records each call once when handlers are nested', async () => {
    const inner = withUsageRecording(async () => recorded.asApp().requestJira(route`/rest/api/3/myself`));
    const outer = withUsageRecording(async () => {
      await inner();
      await inner();
    });
    await sandbox.run(outer);
    expect(counter.total()).toBe(1);
    const usage = await sandbox.run(() => readUsage());
    expect(usage.endpoints[0].calls).toBe(2);
  });
});
