/**
 * Contract suite of the KVS emulator, driven only through the real @forge/kvs client.
 */
import { kvs, Filter, FilterConditions, WhereConditions, Sort, MetadataField, ForgeKvsAPIError } from '@forge/kvs';
import { createSandbox, type Sandbox } from '../../local/sandbox';

const manifest = {
  app: {
    id: 'ari:cloud:ecosystem::app/11111111-2222-4333-8444-555555555555',
    storage: {
      entities: [
        {
          name: 'employee',
          attributes: { surname: { type: 'string' }, age: { type: 'integer' }, team: { type: 'string' } },
          indexes: ['surname', { name: 'by-team-age', range: ['age'], partition: ['team'] }],
        },
      ],
    },
  },
  permissions: { scopes: ['storage:app'] },
};

let sandbox: Sandbox;
beforeEach(() => {
  sandbox = createSandbox({ manifest, kvs: ':memory:' });
});
afterEach(() => sandbox.close());

async function errorOf(p: Promise<unknown>): Promise<ForgeKvsAPIError> {
  try {
    await p;
  } catch (e) {
    return e as ForgeKvsAPIError;
  }
  throw new Error('expected the call to fail');
}

describe('KVS emulator through @forge/kvs', () => {
  it.each([
    ['a string', 'hello'],
    ['a number', 42],
    ['a boolean', false],
    ['an object', { nested: { list: [1, 'two'] } }],
    ['an array', [1, 2, 3]],
  ])('stores and returns %s', async (_label, value) => {
    await kvs.set('k', value);
    expect(await kvs.get('k')).toEqual(value);
  });

  it('returns undefined for a missing key and after delete', async () => {
    expect(await kvs.get('missing')).toBeUndefined();
    await kvs.set('gone', 1);
    await kvs.delete('gone');
    expect(await kvs.get('gone')).toBeUndefined();
    await expect(kvs.delete('never-there')).resolves.toBeUndefined();
  });

  it('returns metadata when asked', async () => {
    sandbox.store.now = () => 1_700_000_000_000;
    await kvs.set('m', 'v', { ttl: { value: 2, unit: 'MINUTES' } });
    const got = await kvs.get('m', { metadataFields: [MetadataField.CREATED_AT, MetadataField.EXPIRE_TIME] });
    expect(got).toEqual({ key: 'm', value: 'v', createdAt: 1_700_000_000_000, expireTime: new Date(1_700_000_120_000).toISOString() });
  });

  it('forgets a value once its TTL has passed', async () => {
    let now = 1_000_000;
    sandbox.store.now = () => now;
    await kvs.set('ttl', 'x', { ttl: { value: 1, unit: 'SECONDS' } });
    expect(await kvs.get('ttl')).toBe('x');
    now += 1001;
    expect(await kvs.get('ttl')).toBeUndefined();
  });

  it('honours keyPolicy FAIL_IF_EXISTS and returnValue PREVIOUS/LATEST', async () => {
    await kvs.set('p', 1, { keyPolicy: 'FAIL_IF_EXISTS' });
    const err = await errorOf(kvs.set('p', 2, { keyPolicy: 'FAIL_IF_EXISTS' }));
    expect(err).toBeInstanceOf(ForgeKvsAPIError);
    expect(err.code).toBe('KEY_ALREADY_EXISTS');
    expect(await kvs.set('p', 3, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).toEqual({ key: 'p', value: 1 });
    expect(await kvs.set('p', 4, { keyPolicy: 'OVERRIDE', returnValue: 'LATEST' })).toEqual({ key: 'p', value: 4 });
    expect(await kvs.set('new', 5, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).toBeUndefined();
  });

  it.each([
    ['an empty key', 'EMPTY_KEY', ''],
    ['a key of 501 characters', 'KEY_TOO_LONG', 'k'.repeat(501)],
    ['a key with a slash', 'INVALID_KEY', 'a/b'],
    ['a key of only spaces', 'INVALID_KEY', '   '],
  ])('rejects %s with %s', async (_label, code, key) => {
    const err = await errorOf(kvs.set(key, 1));
    expect([err.code, err.responseDetails.status]).toEqual([code, 400]);
  });

  it('accepts a key of exactly 500 characters', async () => {
    await kvs.set('k'.repeat(500), 1);
    expect(await kvs.get('k'.repeat(500))).toBe(1);
  });

  it('rejects values over 240 KiB or deeper than 32 levels', async () => {
    expect((await errorOf(kvs.set('big', 'x'.repeat(240 * 1024)))).code).toBe('MAX_SIZE');
    let deep: unknown = 1;
    for (let i = 0; i < 33; i++) deep = { d: deep };
    expect((await errorOf(kvs.set('deep', deep))).code).toBe('MAX_DEPTH');
  });

  it('pages a prefix query in key order with a cursor', async () => {
    for (const k of ['b:3', 'a:1', 'b:1', 'b:2', 'c:1']) await kvs.set(k, k.toUpperCase());
    const first = await kvs.query().where('key', WhereConditions.beginsWith('b:')).limit(2).getMany();
    expect(first.results.map((r) => r.key)).toEqual(['b:1', 'b:2']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await kvs.query().where('key', WhereConditions.beginsWith('b:')).limit(2).cursor(first.nextCursor!).getMany();
    expect(second).toEqual({ results: [{ key: 'b:3', value: 'B:3' }] });
    expect(await kvs.query().where('key', WhereConditions.beginsWith('z')).getOne()).toBeUndefined();
  });

  it('rejects a query limit above 100', async () => {
    expect((await errorOf(kvs.query().limit(101).getMany())).responseDetails.status).toBe(400);
  });

  it('keeps secrets apart from plain keys and out of queries', async () => {
    await kvs.setSecret('s', 'token');
    expect(await kvs.get('s')).toBeUndefined();
    expect(await kvs.getSecret('s')).toBe('token');
    expect((await kvs.query().getMany()).results).toEqual([]);
    await kvs.deleteSecret('s');
    expect(await kvs.getSecret('s')).toBeUndefined();
  });

  it('batch-sets, batch-gets and batch-deletes, reporting per-key failures', async () => {
    const set = await kvs.batchSet<unknown>([
      { key: 'x', value: 1 },
      { key: 'e1', value: { surname: 'Davis', age: 30, team: 'a' }, entityName: 'employee' },
      { key: 'bad/key', value: 2 },
    ]);
    expect(set.successfulKeys).toEqual([{ key: 'x' }, { key: 'e1', entityName: 'employee' }]);
    expect(set.failedKeys).toEqual([{ key: 'bad/key', error: expect.objectContaining({ code: 'INVALID_KEY' }) }]);
    const got = await kvs.batchGet([{ key: 'x' }, { key: 'e1', entityName: 'employee' }, { key: 'nope' }]);
    expect(got.successfulKeys.map((r) => [r.key, r.value])).toEqual([
      ['x', 1],
      ['e1', { surname: 'Davis', age: 30, team: 'a' }],
    ]);
    expect(got.failedKeys).toEqual([{ key: 'nope', error: expect.objectContaining({ code: 'KEY_NOT_FOUND' }) }]);
    const del = await kvs.batchDelete([{ key: 'x' }]);
    expect(del).toEqual({ successfulKeys: [{ key: 'x' }], failedKeys: [] });
    expect(await kvs.get('x')).toBeUndefined();
  });

  it('refuses an empty batch, one over 25 items, and one naming a key twice', async () => {
    const many = Array.from({ length: 26 }, (_, i) => ({ key: `k${i}`, value: i }));
    for (const items of [[], many, [{ key: 'd', value: 1 }, { key: 'd', value: 2 }]]) {
      expect((await errorOf(kvs.batchSet(items))).responseDetails.status).toBe(400);
    }
  });

  it('commits a transaction atomically: a failed check leaves nothing written', async () => {
    await kvs.entity('employee').set('e1', { surname: 'Scott', age: 40, team: 'a' });
    await kvs.entity('employee').set('e2', { surname: 'Young', age: 20, team: 'b' });
    const failing = kvs
      .transact()
      .set('t1', 'one')
      .delete('e1', { entityName: 'employee' })
      .check('e2', { entityName: 'employee', conditions: new Filter<any>().and('surname', FilterConditions.beginsWith('X')) });
    expect((await errorOf(failing.execute())).code).toBe('CONDITION_CHECK_FAILED');
    expect(await kvs.get('t1')).toBeUndefined();
    expect(await kvs.entity('employee').get('e1')).toEqual({ surname: 'Scott', age: 40, team: 'a' });

    await kvs
      .transact()
      .set('t1', 'one')
      .delete('e1', { entityName: 'employee', conditions: new Filter<any>().and('surname', FilterConditions.beginsWith('S')) })
      .execute();
    expect(await kvs.get('t1')).toBe('one');
    expect(await kvs.entity('employee').get('e1')).toBeUndefined();
  });

  it('refuses a transaction whose payload exceeds 4 MB although each value is within limits', async () => {
    const value = 'v'.repeat(200 * 1024);
    let tx = kvs.transact();
    for (let i = 0; i < 21; i++) tx = tx.set(`big${i}`, value);
    const err = await errorOf(tx.execute());
    expect([err.code, err.responseDetails.status]).toEqual(['BAD_REQUEST', 400]);
    expect(await kvs.get('big0')).toBeUndefined();
  });

  it('refuses a transaction that names a key twice', async () => {
    const err = await errorOf(kvs.transact().set('dup', 1).delete('dup').execute());
    expect([err.code, err.responseDetails.status]).toEqual(['BAD_REQUEST', 400]);
  });

  it('refuses a transaction of more than 25 operations', async () => {
    let tx = kvs.transact();
    for (let i = 0; i < 26; i++) tx = tx.set(`k${i}`, i);
    expect((await errorOf(tx.execute())).responseDetails.status).toBe(400);
  });

  it('validates entity names and attribute types against the manifest schema', async () => {
    expect((await errorOf(kvs.entity('unknown-entity').set('k', {}))).code).toBe('INVALID_ENTITY_TYPE');
    expect((await errorOf(kvs.entity('employee').set('k', { age: 'old' }))).code).toBe('INVALID_ENTITY_VALUE');
  });

  it('queries an entity index with partition, range, filters, sort and paging', async () => {
    const people = [
      ['p1', 'Adams', 25, 'a'],
      ['p2', 'Baker', 35, 'a'],
      ['p3', 'Clark', 45, 'a'],
      ['p4', 'Davis', 55, 'b'],
      ['p5', 'Evans', 65, 'a'],
    ] as const;
    for (const [key, surname, age, team] of people) await kvs.entity('employee').set(key, { surname, age, team });
    const q = () => kvs.entity<any>('employee').query().index('by-team-age', { partition: ['a'] });
    const older = await q().where(WhereConditions.greaterThan(30)).sort(Sort.DESC).getMany();
    expect(older.results.map((r) => r.key)).toEqual(['p5', 'p3', 'p2']);
    const filtered = await q().filters(new Filter<any>().or('surname', FilterConditions.equalTo('Adams')).or('age', FilterConditions.greaterThan(60))).getMany();
    expect(filtered.results.map((r) => r.key)).toEqual(['p1', 'p5']);
    const page1 = await q().limit(2).getMany();
    const page2 = await q().limit(2).cursor(page1.nextCursor!).getMany();
    expect([...page1.results, ...page2.results].map((r) => r.key)).toEqual(['p1', 'p2', 'p3', 'p5']);
    expect((await kvs.entity<any>('employee').query().index('surname').where(WhereConditions.beginsWith('D')).getOne())?.key).toBe('p4');
  });

  it('lets concurrent read-modify-write lose updates, as the real store does (why counters need shards)', async () => {
    sandbox.faults.set({ target: 'kvs', latencyMs: 5 });
    const increment = async () => kvs.set('counter', ((await kvs.get<number>('counter')) ?? 0) + 1);
    await Promise.all(Array.from({ length: 10 }, increment));
    expect(await kvs.get<number>('counter')).toBeLessThan(10);
  });

  it('loses no increment when many writers race through transactions on distinct keys', async () => {
    await Promise.all(Array.from({ length: 50 }, (_, i) => kvs.transact().set(`shard:${i}`, i).execute()));
    const all: number[] = [];
    let cursor: string | undefined;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith('shard:')).limit(20);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany<number>();
      all.push(...page.results.map((r) => r.value));
      cursor = page.nextCursor;
    } while (cursor);
    expect(all.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});

describe('KVS emulator failures', () => {
  it('answers a storage failure with a 500 the client reports as INTERNAL_SERVER_ERROR', async () => {
    const broken = createSandbox({ manifest, kvs: ':memory:' });
    broken.store.close();
    const err = await kvs.get('k').then(
      () => undefined,
      (e: ForgeKvsAPIError) => e,
    );
    broken.close();
    expect([err?.responseDetails.status, err?.code]).toEqual([500, 'INTERNAL_SERVER_ERROR']);
  });
});
