import { kvs, ForgeKvsAPIError } from '@forge/kvs';
import { createSandbox, type Sandbox } from '../../local/sandbox';

let sandbox: Sandbox;
beforeEach(() => {
  sandbox = createSandbox({ manifest: { permissions: { scopes: ['storage:app'] } } });
});
afterEach(() => sandbox.close());

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e) => (e instanceof ForgeKvsAPIError ? `${e.responseDetails.status}:${e.code}` : `${e.name}:${e.message}`),
  );

describe('fault injection on KVS traffic', () => {
  it('answers 429 with Retry-After, then recovers after `times` faults', async () => {
    sandbox.faults.set({ target: 'kvs', retryAfterSeconds: 3, times: 1 });
    const fetchRaw = (globalThis as any).__forge_fetch__;
    const res: Response = await fetchRaw({ type: 'kvs' }, '/api/v1/get', { method: 'POST', body: '{"key":"a"}' });
    expect([res.status, res.headers.get('retry-after'), (await res.json()).code]).toEqual([429, '3', 'RATE_LIMIT_EXCEEDED']);
    expect(await outcome(kvs.set('a', 1))).toBe('ok');
  });

  it.each([
    [{ status: 500 }, '500:INTERNAL_SERVER_ERROR'],
    [{ status: 503 }, '503:INTERNAL_SERVER_ERROR'],
    [{ malformed: true }, '200:UNKNOWN_ERROR'],
    [{ timeoutMs: 5 }, 'TypeError:fetch failed'],
  ])('turns %j into %s for the @forge/kvs client', async (spec, expected) => {
    sandbox.faults.set({ target: 'kvs', ...spec });
    expect(await outcome(kvs.get('x'))).toBe(expected);
  });

  it('fails about the configured share of requests, and replays the same schedule for the same seed', async () => {
    const run = async () => {
      sandbox.faults.set({ target: 'kvs', status: 500, rate: 0.3 }, 42);
      const results: string[] = [];
      for (let i = 0; i < 100; i++) results.push(await outcome(kvs.set(`k${i}`, i)));
      return results;
    };
    const first = await run();
    const failures = first.filter((r) => r !== 'ok').length;
    expect(failures).toBeGreaterThan(15);
    expect(failures).toBeLessThan(45);
    expect(await run()).toEqual(first);
  });

  it('delays answers by the configured latency', async () => {
    sandbox.faults.set({ target: 'kvs', latencyMs: 60 });
    const start = Date.now();
    await kvs.set('slow', 1);
    expect(Date.now() - start).toBeGreaterThanOrEqual(55);
  });

  it('leaves product traffic alone when the fault targets KVS', async () => {
    sandbox.faults.set({ target: 'kvs', status: 500 });
    const { asApp, route } = await import('@forge/api');
    const res = await sandbox.run(() => asApp().requestJira(route`/rest/api/3/myself`), { grantedScopes: ['read:jira-user'] });
    expect(res.status).toBe(200);
  });
});
