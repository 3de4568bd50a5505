/**
 * A warm Forge container serves many installations, one invocation after another or
 * interleaved. Two installations (two sandboxes, each its own storage) run in one process: one
 * installation's calls, and its losses, must never land in the other's storage.
 */
import api, { route } from '@forge/api';
import { flushUsage, instrument, withUsageRecording } from '../../src/recorder';
import { readUsage } from '../../src/store';
import type { Sandbox } from '../../local/sandbox';
import { recorderSandbox } from './helpers/sandbox-kit';

const recorded = instrument(api);
let siteA: Sandbox;
let siteB: Sandbox;
beforeEach(() => {
  siteA = recorderSandbox({ cloudId: 'aaaaaaaa-0000-4000-8000-00000000000a' });
  siteB = recorderSandbox({ cloudId: 'bbbbbbbb-0000-4000-8000-00000000000b' });
});
afterEach(() => {
  siteA.close();
  siteB.close();
});

const issueCalls = async (site: Sandbox) => (await site.run(() => readUsage())).endpoints.filter((e) => e.template === '/rest/api/3/issue/{issueIdOrKey}');
const myselfCalls = async (site: Sandbox) => (await site.run(() => readUsage())).endpoints.filter((e) => e.template === '/rest/api/3/myself');

/** Resolves when `release()` is called: lets a test interleave two invocations at chosen points. */
function gate(): { wait: Promise<void>; release: () => void } {
  let release!: () => void;
  const wait = new Promise<void>((ok) => (release = ok));
  return { wait, release };
}

describe('tenant isolation', () => {
  it('stores calls made outside withUsageRecording with the installation that made them', async () => {
    const aCalled = gate();
    const bFlushed = gate();
    const a = siteA.run(async () => {
      for (let i = 0; i < 3; i++) await recorded.asApp().requestJira(route`/rest/api/3/issue/${`A-${i}`}`);
      aCalled.release();
      await bFlushed.wait;
      return flushUsage();
    });
    const b = siteB.run(async () => {
      await aCalled.wait;
      for (let i = 0; i < 2; i++) await recorded.asUser().requestJira(route`/rest/api/3/myself`);
      const stored = await flushUsage();
      bFlushed.release();
      return stored;
    });
    expect(await Promise.all([a, b])).toEqual([true, true]);
    expect(await issueCalls(siteA)).toMatchObject([{ calls: 3 }]);
    expect(await myselfCalls(siteA)).toEqual([]);
    expect(await myselfCalls(siteB)).toMatchObject([{ calls: 2 }]);
    expect(await issueCalls(siteB)).toEqual([]);
  });

  it('never reports one installation’s lost calls in another’s storage', async () => {
    const handler = withUsageRecording(async (n: number) => {
      for (let i = 0; i < n; i++) await recorded.asApp().requestJira(route`/rest/api/3/issue/${`K-${i}`}`);
    });
    siteA.faults.set({ target: 'kvs', status: 503 });
    const aStarted = gate();
    const a = siteA.run(async () => {
      aStarted.release();
      await handler(4);
    }, { timeoutSeconds: 4 });
    await aStarted.wait;
    await siteB.run(() => handler(1));
    await a;
    await siteB.run(() => handler(2));
    siteA.faults.clear();
    const b = await siteB.run(() => readUsage());
    expect(b.droppedCalls).toBe(0);
    expect(b.endpoints).toMatchObject([{ calls: 3 }]);
    expect(await issueCalls(siteA)).toEqual([]);
  });

  it('does not count calls made outside any invocation (no installation to store them for)', async () => {
    await recorded.asApp().requestJira(route`/rest/api/3/issue/${'X-1'}`).catch(() => undefined);
    expect(await siteB.run(() => flushUsage())).toBe(true);
    expect((await siteB.run(() => readUsage())).endpoints).toEqual([]);
  });
});
