/**
 * Custom UI: the browser tally (instrumentBridge) and the resolver that stores it, which must
 * refuse anything but a small, well-formed tally of catalog templates or redacted shapes, keep
 * apart what the static analysis does not vouch for, and bound what one account may report.
 */
import fc from 'fast-check';
import Resolver from '@forge/resolver';
import { kvs, WhereConditions } from '@forge/kvs';
import { BRIDGE_USAGE_RESOLVER_KEY, defineBridgeUsageResolver, recordBridgeTally } from '../../src/recorder';
import { flushBridgeUsage, instrumentBridge } from '../../src/recorder/browser';
import { bridgePayloads } from '../../src/recorder/bridge-payloads';
import { readUsage } from '../../src/store';
import type { EncodedRow } from '../../src/usage/rows';
import { validateBridgeTally } from '../../src/usage/validate';
import { MAX_BRIDGE_ROWS_PER_ACCOUNT_DAY } from '../../src/store/bridge-quota';
import { QUOTA_PREFIX } from '../../src/store/keys';
import type { Sandbox } from '../../local/sandbox';
import { recorderSandbox } from './helpers/sandbox-kit';

let sandbox: Sandbox;
beforeEach(() => {
  sandbox = recorderSandbox();
});
afterEach(() => sandbox.close());

const ISSUE = '/rest/api/3/issue/{issueIdOrKey}';
const good = ['j', 'GET', ISSUE, 1, 'b', 3, 2, 0, 1, 0, 0, 1];
/** What the static analysis found in the app's Custom UI code, for these tests. */
const FRONTEND = new Set([`GET ${ISSUE}`]);
const storedKeys = () => sandbox.run(async () => (await kvs.query().where('key', WhereConditions.beginsWith('scope-inspector:')).limit(20).getMany()).results.length);

describe('bridge usage resolver', () => {
  it.each([
    ['a non-object', 'rows', 'BRIDGE_TALLY_INVALID'],
    ['an extra key', { v: 1, rows: [good], note: 'x' }, 'BRIDGE_TALLY_INVALID'],
    ['a wrong version', { v: 3, rows: [good] }, 'BRIDGE_TALLY_INVALID'],
    ['a version-1 tally with current rows', { v: 1, rows: [[...good, 0, 0]] }, 'BRIDGE_TALLY_INVALID'],
    ['a version-2 tally with version-1 rows', { v: 2, rows: [good] }, 'BRIDGE_TALLY_INVALID'],
    ['no rows', { v: 1, rows: [] }, 'BRIDGE_TALLY_INVALID'],
    ['a short row', { v: 1, rows: [good.slice(0, 11)] }, 'BRIDGE_TALLY_INVALID'],
    ['a negative count', { v: 1, rows: [[...good.slice(0, 5), -1, 0, 0, 0, 0, 0, 0]] }, 'BRIDGE_TALLY_INVALID'],
    ['a fractional count', { v: 1, rows: [[...good.slice(0, 5), 1.5, 1, 0, 0, 0, 0, 0]] }, 'BRIDGE_TALLY_INVALID'],
    ['statuses above calls', { v: 1, rows: [[...good.slice(0, 5), 1, 5, 0, 0, 0, 0, 0]] }, 'BRIDGE_TALLY_INVALID'],
    ['mismatches above 4xx', { v: 1, rows: [[...good.slice(0, 5), 2, 1, 0, 1, 0, 0, 2]] }, 'BRIDGE_TALLY_INVALID'],
    ['a principal other than bridge', { v: 1, rows: [[...good.slice(0, 4), 'a', ...good.slice(5)]] }, 'BRIDGE_TALLY_INVALID'],
    ['an unknown family', { v: 1, rows: [['x', ...good.slice(1)]] }, 'BRIDGE_TALLY_INVALID'],
    ['an unknown method', { v: 1, rows: [['j', 'BREW', ...good.slice(2)]] }, 'BRIDGE_TALLY_INVALID'],
    ['a known flag on a non-catalog template', { v: 1, rows: [['j', 'GET', '/rest/api/3/issue/ABC-1', 1, 'b', 1, 1, 0, 0, 0, 0, 0]] }, 'BRIDGE_TALLY_INVALID'],
    ['a template of another family', { v: 1, rows: [['c', 'GET', ISSUE, 1, 'b', 1, 1, 0, 0, 0, 0, 0]] }, 'BRIDGE_TALLY_INVALID'],
    ['free text as a shape', { v: 1, rows: [['j', 'GET', '/rest/api/3/hello world', 0, 'b', 1, 1, 0, 0, 0, 0, 0]] }, 'BRIDGE_TALLY_INVALID'],
    ['a shape with an email', { v: 1, rows: [['j', 'GET', '/rest/api/3/user/bob@example.com', 0, 'b', 1, 1, 0, 0, 0, 0, 0]] }, 'BRIDGE_TALLY_INVALID'],
    ['a huge count', { v: 1, rows: [[...good.slice(0, 5), 10_000_000, 0, 0, 0, 0, 0, 0]] }, 'BRIDGE_TALLY_INVALID'],
    ['100,000 calls of one operation', { v: 1, rows: [['j', 'DELETE', '/rest/api/3/project/{projectIdOrKey}', 1, 'b', 100_000, 100_000, 0, 0, 0, 0, 0]] }, 'BRIDGE_TALLY_INVALID'],
    ['more calls than a page sends between two flushes', { v: 1, rows: [[...good.slice(0, 5), 3000, 0, 0, 0, 0, 0, 0], ['j', 'GET', '/rest/api/3/myself', 1, 'b', 3000, 0, 0, 0, 0, 0, 0]] }, 'BRIDGE_TALLY_TOO_LARGE'],
    ['too many rows', { v: 1, rows: Array.from({ length: 501 }, () => good) }, 'BRIDGE_TALLY_TOO_LARGE'],
    ['an oversized payload', { v: 1, rows: [['j', 'GET', '/' + '{}/'.repeat(30000), 0, 'b', 1, 1, 0, 0, 0, 0, 0]] }, 'BRIDGE_TALLY_TOO_LARGE'],
  ])('rejects %s and stores nothing', async (_name, payload, code) => {
    const result = await sandbox.run(() => recordBridgeTally(payload));
    expect(result).toMatchObject({ ok: false, code });
    expect(await storedKeys()).toBe(0);
  });

  it('stores a valid tally through a real @forge/resolver definition: verified rows as evidence, the rest apart', async () => {
    const resolver = new Resolver();
    defineBridgeUsageResolver(resolver, { frontendOperations: FRONTEND });
    const handler = resolver.getDefinitions() as (event: unknown, context: unknown) => Promise<unknown>;
    const rows = [good, ['j', 'GET', '/rest/api/3/{}/{}', 0, 'b', 1, 0, 0, 1, 0, 0, 0], ['j', 'DELETE', '/rest/api/3/project/{projectIdOrKey}', 1, 'b', 4000, 4000, 0, 0, 0, 0, 0]];
    const event = { call: { functionKey: BRIDGE_USAGE_RESOLVER_KEY, payload: { v: 1, rows } }, context: {} };
    expect(await sandbox.run(() => handler(event, { principal: { accountId: 'acc-1' } }))).toEqual({ ok: true, stored: true, verified: 1, unverified: 2 });
    const usage = await sandbox.run(() => readUsage());
    expect(usage.endpoints).toEqual([expect.objectContaining({ principal: 'bridge', template: ISSUE, calls: 3, scopeMismatch401: 1 })]);
    expect(usage.excluded).toHaveLength(2);
    expect(usage.excluded).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ principal: 'bridge', reason: 'unverified-bridge', template: '/rest/api/3/project/{projectIdOrKey}', calls: 4000 }),
        expect.objectContaining({ principal: 'bridge', reason: 'unverified-bridge', template: '/rest/api/3/{}/{}', known: false, calls: 1 }),
      ]),
    );
  });

  it('stores everything as unverified when the app gives no frontend operations', async () => {
    expect(await sandbox.run(() => recordBridgeTally({ v: 1, rows: [good] }))).toMatchObject({ ok: true, verified: 0, unverified: 1 });
    const usage = await sandbox.run(() => readUsage());
    expect(usage.endpoints).toEqual([]);
    expect(usage.excluded).toMatchObject([{ template: ISSUE, reason: 'unverified-bridge' }]);
  });

  it('verifies against the static analysis bundle init generates (its frontend calls only), and verifies nothing from a bundle without a scan', async () => {
    const bundle = {
      scan: {
        calls: [
          { side: 'frontend', operationKey: `GET ${ISSUE}` },
          // A backend call of the app is no evidence that its browser pages make it.
          { side: 'backend', operationKey: 'DELETE /rest/api/3/project/{projectIdOrKey}' },
        ],
      },
    };
    const poisoned = ['j', 'DELETE', '/rest/api/3/project/{projectIdOrKey}', 1, 'b', 10, 10, 0, 0, 0, 0, 0];
    const resolver = new Resolver();
    defineBridgeUsageResolver(resolver, { staticAnalysis: bundle });
    const handler = resolver.getDefinitions() as (event: unknown, context: unknown) => Promise<unknown>;
    const event = { call: { functionKey: BRIDGE_USAGE_RESOLVER_KEY, payload: { v: 1, rows: [good, poisoned] } }, context: {} };
    expect(await sandbox.run(() => handler(event, { principal: { accountId: 'acc-1' } }))).toEqual({ ok: true, stored: true, verified: 1, unverified: 1 });
    for (const broken of [undefined, null, 'x', {}, { scan: {} }, { scan: { calls: 'GET /x' } }, { scan: { calls: [null, 1] } }]) {
      expect(await sandbox.run(() => recordBridgeTally({ v: 1, rows: [good] }, { staticAnalysis: broken }))).toMatchObject({ ok: true, verified: 0, unverified: 1 });
    }
  });

  it('limits the rows one account may report per day, per account, without storing the account id', async () => {
    const T = Date.parse('2026-11-29T10:00:00Z');
    const payload = { v: 1, rows: Array.from({ length: 500 }, (_, i) => ['j', 'GET', `/rest/api/3/${'{}/'.repeat(i % 10)}{}`.replace(/\/$/, ''), 0, 'b', 1, 1, 0, 0, 0, 0, 0]) };
    const send = (accountId: string, now = T) => sandbox.run(() => recordBridgeTally(payload, { accountId, now: () => now }));
    const answers = [];
    for (let i = 0; i < MAX_BRIDGE_ROWS_PER_ACCOUNT_DAY / 500 + 1; i++) answers.push(await send('acc-heavy'));
    expect(answers.slice(0, -1).every((a) => a.ok)).toBe(true);
    expect(answers.at(-1)).toMatchObject({ ok: false, code: 'BRIDGE_QUOTA_EXCEEDED' });
    expect(await send('acc-other')).toMatchObject({ ok: true });
    expect(await send('acc-heavy', T + 86_400_000)).toMatchObject({ ok: true });
    const counters = await sandbox.run(async () => (await kvs.query().where('key', WhereConditions.beginsWith(QUOTA_PREFIX)).limit(20).getMany()).results);
    expect(counters).toHaveLength(3);
    const stored = JSON.stringify(await sandbox.run(async () => (await kvs.query().where('key', WhereConditions.beginsWith('scope-inspector:')).limit(20).getMany()).results.map((r) => r.key)));
    expect(stored).not.toMatch(/acc-/);
    const usage = JSON.stringify(await sandbox.run(() => readUsage({ now: () => T })));
    expect(usage).not.toMatch(/acc-|scope-inspector:q/);
  });
});

describe('instrumentBridge', () => {
  const fakeBridge = (fail: () => boolean) => {
    const sent: unknown[] = [];
    return {
      sent,
      bridge: {
        // The page's own request: answered in-process.
        requestJira: async (path: string) => new Response('{}', { status: path.includes('nope') ? 404 : 200 }),
        invoke: async (key: string, payload: unknown) => {
          if (key !== BRIDGE_USAGE_RESOLVER_KEY) throw new Error(`unexpected resolver ${key}`);
          if (fail()) throw new Error('resolver unreachable');
          sent.push(payload);
          return sandbox.run(() => recordBridgeTally(payload, { frontendOperations: FRONTEND, accountId: 'acc-1' }));
        },
        view: { close: () => 'untouched' },
      },
    };
  };

  it('sends one batch after the page goes quiet, and the resolver stores it', async () => {
    const { bridge, sent } = fakeBridge(() => false);
    const ui = instrumentBridge(bridge, { idleMs: 20 });
    expect(ui.view).toBe(bridge.view);
    for (let i = 0; i < 5; i++) await ui.requestJira(`/rest/api/3/issue/KEY-${i}`);
    await ui.requestJira('/rest/api/3/nope/KEY-1');
    expect(sent).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 80));
    expect(sent).toHaveLength(1);
    expect(JSON.stringify(sent)).not.toContain('KEY-');
    const usage = await sandbox.run(() => readUsage());
    expect(usage.endpoints.map((e) => [e.template, e.principal, e.calls])).toEqual([[ISSUE, 'bridge', 5]]);
    expect(usage.excluded!.map((e) => [e.template, e.reason, e.calls])).toEqual([['/rest/api/3/{}/{}', 'unverified-bridge', 1]]);
  });

  it('sends at once when the size cap is reached', async () => {
    const { bridge, sent } = fakeBridge(() => false);
    const ui = instrumentBridge(bridge, { idleMs: 60_000, maxCalls: 3 });
    for (let i = 0; i < 3; i++) await ui.requestJira(`/rest/api/3/issue/K-${i}`);
    await new Promise((r) => setTimeout(r, 10));
    expect(sent).toHaveLength(1);
    await flushBridgeUsage();
  });

  it('keeps the tally when the resolver is unreachable and sends it with the next batch', async () => {
    let down = true;
    const { bridge, sent } = fakeBridge(() => down);
    const ui = instrumentBridge(bridge, { idleMs: 60_000 });
    await ui.requestJira('/rest/api/3/issue/A-1');
    await flushBridgeUsage();
    down = false;
    await ui.requestJira('/rest/api/3/issue/A-2');
    await flushBridgeUsage();
    expect(sent).toHaveLength(1);
    const usage = await sandbox.run(() => readUsage());
    expect(usage.endpoints).toMatchObject([{ template: ISSUE, calls: 2 }]);
  });

  it('sends the pending tally when the page is hidden', async () => {
    const listeners = new Map<string, () => void>();
    const g = globalThis as unknown as { addEventListener?: unknown; document?: unknown };
    g.addEventListener = (type: string, listener: () => void) => void listeners.set(type, listener);
    g.document = { visibilityState: 'visible' };
    try {
      const { bridge, sent } = fakeBridge(() => false);
      const ui = instrumentBridge(bridge, { idleMs: 60_000 });
      await ui.requestJira('/rest/api/3/issue/H-1');
      listeners.get('visibilitychange')!();
      expect(sent).toHaveLength(0);
      (g.document as { visibilityState: string }).visibilityState = 'hidden';
      listeners.get('visibilitychange')!();
      await new Promise((r) => setTimeout(r, 10));
      expect(sent).toHaveLength(1);
      await ui.requestJira('/rest/api/3/issue/H-2');
      listeners.get('pagehide')!();
      await new Promise((r) => setTimeout(r, 10));
      expect(sent).toHaveLength(2);
    } finally {
      delete g.addEventListener;
      delete g.document;
    }
  });
});

describe('bridge payloads', () => {
  const rowArb = fc
    .tuple(fc.nat(20_000), fc.nat(20_000), fc.nat(20_000), fc.nat(5), fc.nat(5))
    .map(([a, b, c, d, e]): EncodedRow => {
      const s2 = a;
      const s4 = b;
      const net = d;
      return ['j', 'GET', ISSUE, 1, 'b', s2 + s4 + net + c + e, s2, 0, s4, 0, net, Math.min(s4, c), 0, 0];
    });

  it('cut any tally into payloads the resolver accepts, losing and inventing nothing', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 30 }), (rows) => {
        const payloads = bridgePayloads(rows);
        for (const chunk of payloads) expect(() => validateBridgeTally({ v: 2, rows: chunk })).not.toThrow();
        const sum = (rs: EncodedRow[], col: number) => rs.reduce((n, r) => n + (r[col] as number), 0);
        for (let col = 5; col < 14; col++) expect(sum(payloads.flat(), col)).toBe(sum(rows, col));
      }),
      { numRuns: 200 },
    );
  });
});
