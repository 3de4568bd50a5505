/**
 * Compaction through the sandbox with the real @forge/kvs: idempotent, exact under
 * concurrency, within Forge's value limits, with retention.
 */
import { kvs, WhereConditions } from '@forge/kvs';
import { operations } from '../../src/catalog';
import { compactUsage, readUsage, resetUsage, RETENTION_ENV, scheduledCompaction, writeShard } from '../../src/store';
import { DAY_PREFIX, LEASE_KEY, SHARD_PREFIX } from '../../src/store/keys';
import { MAX_VALUE_BYTES } from '../../src/store/limits';
import { FAMILY_CODE, type EncodedRow } from '../../src/usage/rows';
import type { Sandbox } from '../../local/sandbox';
import { recorderSandbox } from '../recorder/helpers/sandbox-kit';

let sandbox: Sandbox;
beforeEach(() => {
  sandbox = recorderSandbox();
});
afterEach(() => sandbox.close());

const ISSUE = '/rest/api/3/issue/{issueIdOrKey}';
const row = (calls: number, principal: 'a' | 'u' = 'a', template = ISSUE): EncodedRow => ['j', 'GET', template, 1, principal, calls, calls, 0, 0, 0, 0, 0, 0, 0];
const DAY_MS = 86_400_000;
const T0 = Date.parse('2026-11-29T12:00:00Z');

async function keys(prefix: string): Promise<Array<{ key: string; size: number }>> {
  const out: Array<{ key: string; size: number }> = [];
  let cursor: string | undefined;
  do {
    let q = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(20);
    if (cursor) q = q.cursor(cursor);
    const page = await q.getMany();
    out.push(...page.results.map((r) => ({ key: r.key, size: Buffer.byteLength(JSON.stringify(r.value)) })));
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

const callsOf = async () => (await sandbox.run(() => readUsage({ now: () => T0 }))).endpoints.reduce((a, e) => a + e.calls, 0);

describe('compaction', () => {
  it('counts each shard once when run twice in a row', async () => {
    for (let i = 1; i <= 30; i++) await sandbox.run(() => writeShard([row(i)], { now: () => T0 }));
    const first = await sandbox.run(() => compactUsage({ now: () => T0 }));
    const second = await sandbox.run(() => compactUsage({ now: () => T0 }));
    expect(first).toMatchObject({ ran: true, complete: true, shardsMerged: 30 });
    expect(second).toMatchObject({ ran: true, complete: true, shardsMerged: 0 });
    expect(await sandbox.run(() => keys(SHARD_PREFIX))).toEqual([]);
    expect(await callsOf()).toBe((30 * 31) / 2);
  });

  it('stays exact with compactions, reads and new shards all running concurrently', async () => {
    const writers = Array.from({ length: 40 }, (_, i) => sandbox.run(() => writeShard([row(1, i % 2 ? 'a' : 'u')], { now: () => T0 })));
    const compactors = Array.from({ length: 6 }, () => sandbox.run(() => compactUsage({ now: () => T0, leaseWaitMs: 2000 })));
    const results = await Promise.all([...compactors, ...writers]);
    expect(results.slice(0, 6).filter((r) => typeof r === 'object' && r.ran).length).toBeGreaterThanOrEqual(1);
    expect(await callsOf()).toBe(40);
    await Promise.all(Array.from({ length: 4 }, () => sandbox.run(() => compactUsage({ now: () => T0, leaseWaitMs: 2000 }))));
    expect(await callsOf()).toBe(40);
  });

  it('does not double count when a transaction commits but its answer is lost', async () => {
    for (let i = 0; i < 5; i++) await sandbox.run(() => writeShard([row(10)], { now: () => T0 }));
    const g = globalThis as unknown as { __forge_fetch__: (t: { type: string }, p: string, i?: unknown) => Promise<Response> };
    const original = g.__forge_fetch__;
    let lost = 0;
    g.__forge_fetch__ = async (target, path, init) => {
      const res = await original(target, path, init);
      if (path === '/api/v1/transaction' && lost === 0) {
        lost++;
        throw new TypeError('fetch failed'); // committed on the platform, answer lost on the way back
      }
      return res;
    };
    try {
      await sandbox.run(() => compactUsage({ now: () => T0 }));
    } finally {
      g.__forge_fetch__ = original;
    }
    expect(lost).toBe(1);
    expect(await callsOf()).toBe(50);
  });

  it('splits a large day into parts under the 240 KiB value limit and reads it back exactly', async () => {
    const rows: EncodedRow[] = operations().flatMap((op) =>
      (['a', 'u', 'b'] as const).map((p): EncodedRow => [FAMILY_CODE[op.family], op.method, op.template, 1, p, 3, 3, 0, 0, 0, 0, 0, 0, 0]),
    );
    expect(rows.length).toBeGreaterThan(3000);
    expect(await sandbox.run(() => writeShard(rows, { now: () => T0 }))).toBe(true);
    expect(await sandbox.run(() => writeShard(rows.slice(0, 10), { now: () => T0 }))).toBe(true);
    const shards = await sandbox.run(() => keys(SHARD_PREFIX));
    expect(shards.length).toBeGreaterThan(2);
    await sandbox.run(() => compactUsage({ now: () => T0 }));
    const parts = await sandbox.run(() => keys(DAY_PREFIX));
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.size).toBeLessThan(MAX_VALUE_BYTES);
    const usage = await sandbox.run(() => readUsage({ now: () => T0 }));
    expect(usage.endpoints).toHaveLength(rows.length);
    expect(usage.endpoints.reduce((a, e) => a + e.calls, 0)).toBe(rows.length * 3 + 30);
  });

  it('drops days older than the retention period and reports the observation window', async () => {
    for (const daysAgo of [120, 89, 10, 10, 0]) await sandbox.run(() => writeShard([row(1)], { now: () => T0 - daysAgo * DAY_MS }));
    await sandbox.run(() => compactUsage({ now: () => T0 - 20 * DAY_MS, retentionDays: 365 }));
    const usage = await sandbox.run(() => readUsage({ now: () => T0 }));
    expect(usage.window).toEqual({ firstDay: '2026-09-01', lastDay: '2026-11-29', daysObserved: 3 });
    expect(usage.endpoints).toMatchObject([{ calls: 4, firstSeen: '2026-09-01', lastSeen: '2026-11-29', daysSeen: 3 }]);
    const keysLeft = (await sandbox.run(() => keys(DAY_PREFIX))).map((k) => k.key.slice(DAY_PREFIX.length, DAY_PREFIX.length + 10));
    expect(keysLeft).not.toContain('2026-08-01');
  });

  it('gives the lease to one compactor at a time', async () => {
    for (let i = 0; i < 3; i++) await sandbox.run(() => writeShard([row(1)], { now: () => T0 }));
    const results = await Promise.all(Array.from({ length: 5 }, () => sandbox.run(() => compactUsage({ now: () => T0 }))));
    expect(results.reduce((a, r) => a + r.shardsMerged, 0)).toBe(3);
  });

  it('reset deletes everything it stored', async () => {
    await sandbox.run(() => writeShard([row(2)], { now: () => T0 }));
    await sandbox.run(() => compactUsage({ now: () => T0 }));
    await sandbox.run(() => writeShard([row(2)], { now: () => T0 }));
    expect(await sandbox.run(() => resetUsage())).toBeGreaterThanOrEqual(3);
    expect(await sandbox.run(() => keys('scope-inspector:'))).toEqual([]);
    expect(await callsOf()).toBe(0);
  });

  it('leaves data consistent when storage fails mid-compaction and finishes on the next run', async () => {
    for (let i = 0; i < 45; i++) await sandbox.run(() => writeShard([row(1)], { now: () => T0 }));
    sandbox.faults.set({ target: 'kvs', path: '/api/v1/transaction', status: 500, rate: 0.5 }, 3);
    await sandbox.run(() => compactUsage({ now: () => T0 }), { timeoutSeconds: 3 });
    sandbox.faults.clear();
    expect(await callsOf()).toBe(45);
  });

  it('runs as a scheduled trigger handler and honours the retention variable', async () => {
    for (const daysAgo of [40, 5]) await sandbox.run(() => writeShard([row(1)], { now: () => Date.now() - daysAgo * DAY_MS }));
    process.env[RETENTION_ENV] = '30';
    try {
      expect(await sandbox.run(() => scheduledCompaction())).toEqual({ statusCode: 200 });
      const usage = await sandbox.run(() => readUsage());
      expect(usage.endpoints).toMatchObject([{ calls: 1, daysSeen: 1 }]);
    } finally {
      delete process.env[RETENTION_ENV];
    }
    expect(await sandbox.run(() => keys(SHARD_PREFIX))).toEqual([]);
  });

  it('reads exact numbers or fails loudly under flaky storage, and never double counts', async () => {
    for (let i = 0; i < 60; i++) await sandbox.run(() => writeShard([row(1)], { now: () => T0 }));
    sandbox.faults.set({ target: 'kvs', status: 500, rate: 0.3 }, 11);
    const outcomes: Array<number | string> = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      try {
        const usage = await sandbox.run(() => readUsage({ now: () => T0, leaseWaitMs: 200 }), { timeoutSeconds: 4 });
        outcomes.push(usage.endpoints.reduce((a, e) => a + e.calls, 0));
      } catch (error) {
        outcomes.push((error as { code?: string }).code ?? 'other');
      }
    }
    sandbox.faults.clear();
    for (const o of outcomes) expect([60, 'USAGE_READ_FAILED']).toContain(o);
    expect(outcomes).toContain(60);
    expect(await callsOf()).toBe(60);
  });

  it('stays exact when storage acknowledges compaction transactions it never applied', async () => {
    for (let i = 0; i < 25; i++) await sandbox.run(() => writeShard([row(1)], { now: () => T0 }));
    await sandbox.run(() => compactUsage({ now: () => T0 }));
    for (let i = 0; i < 25; i++) await sandbox.run(() => writeShard([row(1)], { now: () => T0 }));
    sandbox.faults.set({ target: 'kvs', path: '/api/v1/transaction', malformed: true });
    expect(await callsOf()).toBe(50);
    expect(await sandbox.run(() => compactUsage({ now: () => T0 }))).toMatchObject({ complete: false });
    sandbox.faults.clear();
    expect(await callsOf()).toBe(50);
    expect(await callsOf()).toBe(50);
  });

  it('leaves shards of a newer format version in place and merges the rest', async () => {
    await sandbox.run(() => kvs.set(`${SHARD_PREFIX}2026-11-29:0000-future`, { v: 3, anything: true }));
    for (let i = 0; i < 30; i++) await sandbox.run(() => writeShard([row(1)], { now: () => T0 }));
    const result = await sandbox.run(() => compactUsage({ now: () => T0 }));
    expect(result).toMatchObject({ complete: true, shardsMerged: 30, shardsDiscarded: 0 });
    expect((await sandbox.run(() => keys(SHARD_PREFIX))).map((k) => k.key)).toEqual([`${SHARD_PREFIX}2026-11-29:0000-future`]);
    expect(await callsOf()).toBe(30);
  });

  it('merges shards an older version wrote (rows without platform-error counts)', async () => {
    const v1 = { v: 1, day: '2026-11-29', appVersion: '1.0.0', environment: 'PRODUCTION', moduleKey: 'm', granted: [], dropped: 0, rows: [['j', 'GET', ISSUE, 1, 'a', 4, 4, 0, 0, 0, 0, 0]] };
    await sandbox.run(() => kvs.set(`${SHARD_PREFIX}2026-11-29:0000-old`, v1));
    expect(await sandbox.run(() => compactUsage({ now: () => T0 }))).toMatchObject({ complete: true, shardsMerged: 1, shardsDiscarded: 0 });
    expect((await sandbox.run(() => readUsage({ now: () => T0 }))).endpoints).toMatchObject([{ calls: 4, platformErrors: { NEEDS_AUTHENTICATION_ERR: 0, PROXY_ERR: 0 } }]);
  });

  it('reads pending shards and their granted scopes when another compactor holds the lease', async () => {
    await sandbox.run(() => kvs.set(LEASE_KEY, { token: 'someone-else', expires: Date.now() + 60_000 }));
    for (let i = 0; i < 3; i++) await sandbox.run(() => writeShard([row(2)], { now: () => T0 }));
    const usage = await sandbox.run(() => readUsage({ now: () => T0, leaseWaitMs: 0 }));
    expect(usage.endpoints).toMatchObject([{ calls: 6 }]);
    expect(usage.grantedScopes).toMatchObject([{ appVersion: '2.1.0', scopes: ['read:jira-user', 'read:jira-work', 'storage:app'] }]);
    expect(await sandbox.run(() => keys(SHARD_PREFIX))).toHaveLength(3);
  });
});
