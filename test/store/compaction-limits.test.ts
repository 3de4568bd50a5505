/**
 * Compaction stays within Forge's KVS transaction limits (25 operations, 4 MB) and a share of
 * the per-installation write quota however many parts a day has: 100 stored parts of 200 KiB
 * and 40 new shards of 200 KiB, through the sandbox (which refuses an oversized transaction
 * with 400 as Forge does) and the real @forge/kvs.
 */
import { kvs, WhereConditions } from '@forge/kvs';
import { operations } from '../../src/catalog';
import { compactUsage, readUsage, writeShard } from '../../src/store';
import { DAY_PREFIX, SHARD_PREFIX, dayPartKey } from '../../src/store/keys';
import { MAX_COMPACTION_WRITE_UNITS, MAX_TRANSACTION_OPS, MAX_VALUE_BYTES, QUOTA_UNIT_BYTES, VALUE_BUDGET_BYTES } from '../../src/store/limits';
import { FAMILY_CODE, type EncodedRow } from '../../src/usage/rows';
import type { Sandbox } from '../../local/sandbox';
import { recorderSandbox } from '../recorder/helpers/sandbox-kit';

const T0 = Date.parse('2026-11-29T12:00:00Z');
const DAY = '2026-11-29';
const FORGE_TRANSACTION_BYTES = 4 * 1024 * 1024;
const SHARDS = 40;

// ~2,300 distinct rows (catalog operations × principals) make one value of about 200 KiB.
function rowsOfAbout(bytes: number): EncodedRow[] {
  const rows: EncodedRow[] = [];
  let size = 0;
  for (const op of operations()) {
    for (const p of ['a', 'u'] as const) {
      const row: EncodedRow = [FAMILY_CODE[op.family], op.method, op.template, 1, p, 1, 1, 0, 0, 0, 0, 0, 0, 0];
      size += JSON.stringify(row).length + 1;
      if (size > bytes) return rows;
      rows.push(row);
    }
  }
  return rows;
}

type Fetch = (target: { type: string }, path: string, init?: { body?: string }) => Promise<Response>;

let sandbox: Sandbox;
beforeEach(() => {
  sandbox = recorderSandbox();
});
afterEach(() => sandbox.close());

async function countKeys(prefix: string): Promise<number> {
  let n = 0;
  let cursor: string | undefined;
  do {
    let q = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(20);
    if (cursor) q = q.cursor(cursor);
    const page = await q.getMany();
    n += page.results.length;
    cursor = page.nextCursor;
  } while (cursor);
  return n;
}

describe('compaction limits', () => {
  it('merges 40 shards of 200 KiB into a day of 100 parts of 200 KiB within every transaction limit and the write quota', async () => {
    // A day an older version stored as 100 full parts (version-1 rows), each ~200 KiB.
    const partRows = rowsOfAbout(VALUE_BUDGET_BYTES - 30 * 1024).map((r) => [...r.slice(0, 12), ['1.0.0'], ['PRODUCTION'], ['m']]);
    for (let i = 0; i < 100; i++) await sandbox.run(() => kvs.set(dayPartKey(DAY, i), { v: 1, day: DAY, dropped: 0, rows: partRows }));
    const shardRows = rowsOfAbout(VALUE_BUDGET_BYTES - 8 * 1024);
    for (let i = 0; i < SHARDS; i++) expect(await sandbox.run(() => writeShard(shardRows, { now: () => T0 }))).toBe(true);
    expect(await sandbox.run(() => countKeys(SHARD_PREFIX))).toBe(SHARDS);

    const g = globalThis as unknown as { __forge_fetch__: Fetch };
    const original = g.__forge_fetch__;
    const transactions: { ops: number; bytes: number; status: number }[] = [];
    g.__forge_fetch__ = async (target, path, init) => {
      const res = await original(target, path, init);
      if (path === '/api/v1/transaction') {
        const body = JSON.parse(init?.body ?? '{}') as { set?: unknown[]; delete?: unknown[] };
        transactions.push({ ops: (body.set?.length ?? 0) + (body.delete?.length ?? 0), bytes: Buffer.byteLength(init?.body ?? ''), status: res.status });
      }
      return res;
    };
    const unitsPerRun: number[] = [];
    try {
      for (let run = 0, complete = false; run < 10 && !complete; run++) {
        const before = transactions.length;
        const result = await sandbox.run(() => compactUsage({ now: () => T0 }), { timeoutSeconds: 60 });
        expect(result.ran).toBe(true);
        complete = result.complete;
        unitsPerRun.push(transactions.slice(before).reduce((n, t) => n + Math.ceil(t.bytes / QUOTA_UNIT_BYTES), 0));
      }
    } finally {
      g.__forge_fetch__ = original;
    }
    expect(await sandbox.run(() => countKeys(SHARD_PREFIX))).toBe(0);
    for (const units of unitsPerRun) expect(units).toBeLessThanOrEqual(MAX_COMPACTION_WRITE_UNITS * 1.05);
    for (const t of transactions) {
      expect(t.status).toBe(204);
      expect(t.ops).toBeLessThanOrEqual(MAX_TRANSACTION_OPS);
      expect(t.bytes).toBeLessThan(FORGE_TRANSACTION_BYTES);
    }
    const usage = await sandbox.run(() => readUsage({ now: () => T0 }), { timeoutSeconds: 60 });
    expect(usage.endpoints).toHaveLength(shardRows.length);
    expect(usage.endpoints.reduce((n, e) => n + e.calls, 0)).toBe(100 * partRows.length + SHARDS * shardRows.length);
    const sizes = (await sandbox.run(() => kvs.query().where('key', WhereConditions.beginsWith(DAY_PREFIX)).limit(20).getMany())).results.map((r) => JSON.stringify(r.value).length);
    for (const size of sizes) expect(size).toBeLessThan(MAX_VALUE_BYTES);
  }, 120_000);
});
