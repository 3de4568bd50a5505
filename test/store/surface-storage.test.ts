/**
 * Surface rows in storage and exports: kept apart from product rows so that older versions
 * (which read `rows` only) never see a row they do not know, merged like product rows, and
 * validated strictly on the way in; exports written before surfaces existed still read.
 */
import api, { route } from '@forge/api';
import { instrument, withUsageRecording } from '../../src/recorder';
import { readUsage } from '../../src/store';
import { buildExport } from '../../src/store/build-export';
import { dayToParts, emptyDay, mergeShard } from '../../src/store/day-aggregate';
import { SHARD_PREFIX, DAY_PREFIX } from '../../src/store/keys';
import { validateUsageExport } from '../../src/usage/validate';
import { recorderSandbox } from '../recorder/helpers/sandbox-kit';

const PRODUCT_CODES = new Set(['j', 'c', 'b']);

it('stores surface rows in their own field of shards and day parts, never among product rows', async () => {
  const sandbox = recorderSandbox({ manifest: { app: { id: 'ari:cloud:ecosystem::app/11111111-2222-4333-8444-555555555555' }, permissions: { scopes: ['read:jira-work', 'storage:app'], external: { fetch: { backend: ['https://api.example.com'] } } } } });
  try {
    const a = instrument(api);
    const invocation = withUsageRecording(async () => {
      await a.asApp().requestJira(route`/rest/api/3/issue/${'A-1'}`);
      await a.fetch('https://api.example.com/v1/items/17');
      await a.asApp().requestGraph('{ me { id } }');
    });
    await sandbox.run(invocation);
    const shards = sandbox.store.page(SHARD_PREFIX, '', 100);
    expect(shards).toHaveLength(1);
    const shard = shards[0].value as { v: number; rows: unknown[][]; surfaces: unknown[][] };
    expect(shard.v).toBe(2);
    expect(shard.rows.map((r) => r[0])).toEqual(['j']);
    expect(shard.surfaces.map((r) => `${r[0]} ${r[2]}`).sort()).toEqual(['e api.example.com /v1/items/{} -', 'g - - query::me']);

    await sandbox.run(invocation);
    const usage = await sandbox.run(() => readUsage());
    expect(usage.endpoints.map((e) => `${e.template} ${e.calls}`)).toEqual(['/rest/api/3/issue/{issueIdOrKey} 2']);
    expect(usage.surfaces!.map((s) => `${s.surface} ${s.calls}`)).toEqual(['fetch 2', 'requestGraph 2']);
    const parts = sandbox.store.page(DAY_PREFIX, '', 100).map((p) => p.value as { rows: unknown[][]; surfaces?: unknown[][] });
    expect(parts.flatMap((p) => p.rows).every((r) => PRODUCT_CODES.has(r[0] as string))).toBe(true);
    expect(parts.flatMap((p) => p.surfaces ?? [])).toHaveLength(2);
  } finally {
    sandbox.close();
  }
});

it('writes no `surfaces` field when there are none, so day parts look as they always did', () => {
  const day = emptyDay('2026-11-28');
  mergeShard(day, { v: 2, day: '2026-11-28', appVersion: '1', environment: 'P', moduleKey: 'm', granted: [], dropped: 0, rows: [['j', 'GET', '/rest/api/3/myself', 1, 'u', 1, 1, 0, 0, 0, 0, 0, 0, 0]] });
  expect(dayToParts(day)).toEqual([{ v: 2, day: '2026-11-28', dropped: 0, rows: [['j', 'GET', '/rest/api/3/myself', 1, 'u', 1, 1, 0, 0, 0, 0, 0, 0, 0, ['1'], ['P'], ['m']]] }]);
});

describe('exports with surfaces', () => {
  const day = emptyDay('2026-11-28');
  mergeShard(day, {
    v: 2, day: '2026-11-28', appVersion: '3.0.0', environment: 'PRODUCTION', moduleKey: 'admin', granted: [], dropped: 0,
    rows: [
      ['e', 'GET', 'api.example.com /v1/items/{} -', 1, 'n', 4, 3, 0, 0, 0, 0, 0, 0, 1],
      ['q', 'GET', 'other /x -', 1, 'x', 2, 2, 0, 0, 0, 0, 0, 0, 0],
    ],
  });
  const good = buildExport({ days: [day], grants: [], installation: 'abc', generatedAt: '2026-11-29T00:00:00.000Z' });

  it('are built in the documented format and read back unchanged', () => {
    expect(good.surfaces).toEqual([
      {
        surface: 'fetch', method: 'GET', target: 'api.example.com', path: '/v1/items/{}', known: true, principal: 'none', calls: 4,
        status: { '2xx': 3, '3xx': 0, '4xx': 0, '5xx': 0, network: 0 }, scopeMismatch401: 0, platformErrors: { NEEDS_AUTHENTICATION_ERR: 0, refused: 1 },
        firstSeen: '2026-11-28', lastSeen: '2026-11-28', daysSeen: 1, appVersions: ['3.0.0'], environments: ['PRODUCTION'], moduleKeys: ['admin'],
        daily: [['2026-11-28', 4, 3, 0, 0, 0, 0, 0]],
      },
    ]);
    expect(good.excludedSurfaces).toEqual([expect.objectContaining({ surface: 'requestRemote', target: 'other', principal: 'bridge', reason: 'unverified-bridge' })]);
    expect(good.window.daysObserved).toBe(1);
    expect(validateUsageExport(JSON.parse(JSON.stringify(good)))).toEqual(good);
  });

  it('reads a file written before surfaces were recorded', () => {
    const { surfaces: _s, excludedSurfaces: _e, ...old } = good;
    expect(validateUsageExport(JSON.parse(JSON.stringify(old))).surfaces).toBeUndefined();
  });

  it.each([
    ['a concrete path', { path: '/v1/items/17' }],
    ['an unknown surface', { surface: 'teleport' }],
    ['credentials in the host', { target: 'bob:pw@api.example.com' }],
    ['a known flag that does not match', { known: false }],
    ['arguments in a GraphQL summary', { surface: 'requestGraph', target: undefined, path: undefined, graphql: { type: 'query', fields: ['me(id: 1)'] } }],
  ])('refuses %s, naming the entry', (_name, change) => {
    const bad = { ...good, surfaces: [{ ...good.surfaces![0], ...change }] };
    expect(() => validateUsageExport(JSON.parse(JSON.stringify(bad)))).toThrow(/surfaces\[0\]/);
  });
});
