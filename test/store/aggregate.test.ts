/** Pure merge logic of the store: order-independent, lossless when split, latest grants win. */
import fc from 'fast-check';
import { buildExport } from '../../src/store/build-export';
import { dayFromParts, dayToParts, emptyDay, mergeShard } from '../../src/store/day-aggregate';
import { mergeGrants } from '../../src/store/grants';
import { jsonBytes, splitShard, type ShardValue } from '../../src/store/shard';
import type { EncodedRow } from '../../src/usage/rows';

const templates = ['/rest/api/3/issue/{issueIdOrKey}', '/rest/api/3/myself', '/rest/api/3/search/jql', '/rest/api/3/{}/{}'];
const rowArb: fc.Arbitrary<EncodedRow> = fc
  .tuple(fc.constantFrom(...templates), fc.constantFrom('a' as const, 'u' as const, 'n' as const, 'b' as const, 'x' as const, 'i' as const), fc.constantFrom('GET' as const, 'POST' as const), fc.nat(50), fc.nat(50), fc.nat(50))
  .map(([template, p, method, s2, s4, net]) => ['j', method, template, template.includes('{}') ? 0 : 1, p, s2 + s4 + net + 2, s2, 0, s4, 0, net, Math.floor(s4 / 2), 1, 1]);
const shardArb: fc.Arbitrary<ShardValue> = fc.record({
  v: fc.constant(2 as const),
  day: fc.constant('2026-11-29'),
  appVersion: fc.constantFrom('1.0.0', '1.1.0'),
  environment: fc.constantFrom('PRODUCTION', 'DEVELOPMENT'),
  moduleKey: fc.constantFrom('admin-page', 'trigger'),
  granted: fc.constant(['read:jira-work']),
  dropped: fc.nat(3),
  rows: fc.array(rowArb, { maxLength: 8 }),
});

const exportOf = (shards: ShardValue[]) => {
  const day = emptyDay('2026-11-29');
  for (const s of shards) mergeShard(day, s);
  return buildExport({ days: [day], grants: [], installation: 'x', generatedAt: 't' });
};

describe('daily aggregates', () => {
  it('give the same export whatever the order shards are merged in', () => {
    fc.assert(
      fc.property(fc.array(shardArb, { maxLength: 12 }), fc.integer(), (shards, seed) => {
        const shuffled = [...shards].sort((a, b) => ((JSON.stringify(a).length * 31 + seed) % 7) - ((JSON.stringify(b).length * 31 + seed) % 7));
        expect(exportOf(shuffled)).toEqual(exportOf(shards));
      }),
    );
  });

  it('count every call of every shard exactly once', () => {
    fc.assert(
      fc.property(fc.array(shardArb, { maxLength: 12 }), (shards) => {
        const usage = exportOf(shards);
        const calls = shards.flatMap((s) => s.rows).reduce((a, r) => a + r[5], 0);
        const all = [...usage.endpoints, ...(usage.excluded ?? [])];
        expect(all.reduce((a, e) => a + e.calls, 0)).toBe(calls);
        const platform = shards.flatMap((s) => s.rows).reduce((a, r) => a + r[12] + r[13], 0);
        expect(all.reduce((a, e) => a + e.platformErrors!.NEEDS_AUTHENTICATION_ERR + e.platformErrors!.PROXY_ERR, 0)).toBe(platform);
        expect(usage.droppedCalls).toBe(shards.reduce((a, s) => a + s.dropped, 0));
      }),
    );
  });

  it('survive being split into parts and read back', () => {
    fc.assert(
      fc.property(fc.array(shardArb, { maxLength: 12 }), (shards) => {
        const day = emptyDay('2026-11-29');
        for (const s of shards) mergeShard(day, s);
        const parts = dayToParts(day, 400);
        for (const p of parts) if (p.rows.length > 1) expect(jsonBytes(p)).toBeLessThanOrEqual(400);
        expect(dayFromParts(day.day, parts)).toEqual(dayFromParts(day.day, dayToParts(day)));
        expect(buildExport({ days: [dayFromParts(day.day, parts)], grants: [], installation: 'x', generatedAt: 't' })).toEqual(exportOf(shards));
      }),
    );
  });

  it('split oversized shards without losing or duplicating rows', () => {
    fc.assert(
      fc.property(shardArb, (shard) => {
        const parts = splitShard(shard, 300);
        expect(parts.flatMap((p) => p.rows)).toEqual(shard.rows);
        expect(parts.reduce((a, p) => a + p.dropped, 0)).toBe(shard.dropped);
      }),
    );
  });
});

describe('granted scopes', () => {
  it('keep the scopes of the latest observation per version and widen the seen range', () => {
    let grants = mergeGrants([], { appVersion: '2.0.0', granted: ['a', 'b'], day: '2026-11-10' });
    grants = mergeGrants(grants, { appVersion: '2.0.0', granted: ['a'], day: '2026-11-12' });
    grants = mergeGrants(grants, { appVersion: '2.0.0', granted: ['a', 'b', 'c'], day: '2026-11-01' });
    grants = mergeGrants(grants, { appVersion: '1.0.0', granted: [], day: '2026-11-01' });
    expect(grants).toEqual([{ appVersion: '2.0.0', scopes: ['a'], firstSeen: '2026-11-01', lastSeen: '2026-11-12' }]);
  });
});
