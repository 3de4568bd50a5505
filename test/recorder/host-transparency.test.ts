/**
 * The host app must see exactly what it would see unwrapped, whatever storage or the product
 * API does. Driven through the sandbox with the real @forge/api and @forge/kvs.
 */
import api, { route } from '@forge/api';
import { flushUsage, instrument, withUsageRecording } from '../../src/recorder';
import { readUsage } from '../../src/store';
import { storageStats } from '../../src/store/stats';
import type { FaultSpec } from '../../local/faults';
import type { Sandbox } from '../../local/sandbox';
import { recorderSandbox } from './helpers/sandbox-kit';

const recorded = instrument(api);
let sandbox: Sandbox;
beforeEach(() => {
  sandbox = recorderSandbox();
  storageStats.reset();
});
afterEach(() => sandbox.close());

async function observe(which: typeof api, path: ReturnType<typeof route>, method = 'GET') {
  const res = await which.asApp().requestJira(path, { method });
  return { status: res.status, statusText: res.statusText, ok: res.ok, headers: [...(res.headers as unknown as Headers).entries()].filter(([k]) => k !== 'date'), body: await res.text() };
}

async function outcome<T>(work: () => Promise<T>): Promise<{ value?: T; error?: { name: string; message: string; ctor: unknown } }> {
  try {
    return { value: await work() };
  } catch (e) {
    const err = e as Error;
    return { error: { name: err.name, message: err.message, ctor: err.constructor } };
  }
}

const kvsFaults: Array<[string, FaultSpec]> = [
  ['500', { target: 'kvs', status: 500 }],
  ['503', { target: 'kvs', status: 503 }],
  ['429 with Retry-After', { target: 'kvs', retryAfterSeconds: 1 }],
  ['timeout', { target: 'kvs', timeoutMs: 20 }],
  ['malformed body', { target: 'kvs', malformed: true }],
  ['a 200 whose JSON body is not the stored item', { target: 'kvs', path: '/api/v1/set', body: '{"status":"ok"}' }],
  ['a 200 with a null body', { target: 'kvs', path: '/api/v1/set', body: 'null' }],
];

describe('host transparency under KVS faults', () => {
  it.each(kvsFaults)('returns the same response and result with KVS failing (%s)', async (_name, fault) => {
    const handler = (which: typeof api) => async () => [await observe(which, route`/rest/api/3/issue/ABC-1`), await observe(which, route`/rest/api/3/issue/ABC-1`, 'PUT')];
    const plain = await sandbox.run(handler(api), { timeoutSeconds: 3 });
    sandbox.faults.set(fault);
    const wrapped = await sandbox.run(withUsageRecording(handler(recorded)), { timeoutSeconds: 3 });
    expect(wrapped).toEqual(plain);
    expect(wrapped[1].status).toBe(401); // write scope not granted: the gateway's answer, untouched
    expect(sandbox.faults.injected.kvs).toBeGreaterThan(0);
    // Nothing was stored, and the loss is counted rather than mistaken for a write.
    expect(storageStats).toMatchObject({ writes: 0, failures: 1, droppedCalls: 2 });
    sandbox.faults.clear();
    expect((await sandbox.run(() => readUsage())).endpoints).toEqual([]);
  });

  it('rethrows the very error the handler threw while storage fails', async () => {
    sandbox.faults.set({ target: 'kvs', status: 500 });
    const thrown = new RangeError('host bug');
    const handler = withUsageRecording(async () => {
      await recorded.asUser().requestJira(route`/rest/api/3/myself`);
      throw thrown;
    });
    await expect(sandbox.run(handler, { timeoutSeconds: 3 })).rejects.toBe(thrown);
  });

  it('reports calls a failed flush lost at the next flush of the same invocation', async () => {
    const calls = async (n: number) => {
      for (let i = 0; i < n; i++) await recorded.asApp().requestJira(route`/rest/api/3/issue/${`K-${i}`}`);
    };
    await sandbox.run(
      async () => {
        await calls(3);
        sandbox.faults.set({ target: 'kvs', status: 503 });
        expect(await flushUsage()).toBe(false);
        sandbox.faults.clear();
        await calls(2);
        expect(await flushUsage()).toBe(true);
      },
      { timeoutSeconds: 5 },
    );
    const usage = await sandbox.run(() => readUsage());
    expect(usage.droppedCalls).toBe(3);
    expect(usage.endpoints.find((e) => e.template === '/rest/api/3/issue/{issueIdOrKey}')?.calls).toBe(2);
  });
});

const productFaults: Array<[string, FaultSpec]> = [
  ['500', { target: 'product', status: 500 }],
  ['429', { target: 'product', retryAfterSeconds: 3 }],
  ['malformed', { target: 'product', malformed: true }],
  ['timeout', { target: 'product', timeoutMs: 10 }],
];

describe('host transparency under product faults', () => {
  it.each(productFaults)('gives the host the same response or error (%s)', async (_name, fault) => {
    sandbox.faults.set(fault);
    const plain = await sandbox.run(() => outcome(() => observe(api, route`/rest/api/3/issue/ABC-1`)));
    sandbox.faults.set(fault);
    const wrapped = await sandbox.run(withUsageRecording(() => outcome(() => observe(recorded, route`/rest/api/3/issue/ABC-1`))));
    expect(wrapped).toEqual(plain);
    const usage = await sandbox.run(() => readUsage());
    const row = usage.endpoints[0];
    expect(row.calls).toBe(1);
    if (fault.timeoutMs) expect(row.status.network).toBe(1);
    else expect(row.status['2xx'] + row.status['4xx'] + row.status['5xx']).toBe(1);
  });
});

describe('identity', () => {
  type Fetch = (target: { type: string }, path: string, init?: unknown) => Promise<Response>;
  const g = globalThis as unknown as { __forge_fetch__: Fetch };

  // Capture what the platform itself handed to @forge/api, to compare identities.
  async function platformOutcome(work: () => Promise<unknown>): Promise<{ platform: unknown; host: unknown }> {
    const original = g.__forge_fetch__;
    let platform: unknown;
    g.__forge_fetch__ = (target, path, init) => {
      const answer = original(target, path, init);
      if (target.type !== 'kvs') answer.then((r) => (platform = r), (e) => (platform = e));
      return answer;
    };
    try {
      const host = await work().catch((e: unknown) => e);
      return { platform, host };
    } finally {
      g.__forge_fetch__ = original;
    }
  }

  it.each([
    ['a success', undefined],
    ['a product 500', { target: 'product', status: 500 } as FaultSpec],
    ['a product timeout', { target: 'product', timeoutMs: 5 } as FaultSpec],
  ])('hands the host the very Response or error the platform produced (%s)', async (_name, fault) => {
    if (fault) sandbox.faults.set(fault);
    const { platform, host } = await sandbox.run(withUsageRecording(() => platformOutcome(() => recorded.asUser().requestJira(route`/rest/api/3/issue/${'ABC-9'}`))));
    expect(platform).toBeDefined();
    expect(host).toBe(platform);
    if (host instanceof Response) expect(host.bodyUsed).toBe(false);
  });
});
