/** The export readUsage produces passes the strict export check; broken ones are refused with a code. */
import { buildExport } from '../../src/store/build-export';
import { emptyDay, mergeShard } from '../../src/store/day-aggregate';
import { validateUsageExport } from '../../src/usage/validate';

const day = emptyDay('2026-11-28');
mergeShard(day, {
  v: 2, day: '2026-11-28', appVersion: '3.0.0', environment: 'PRODUCTION', moduleKey: 'admin', granted: ['read:jira-work'], dropped: 2,
  rows: [
    ['j', 'GET', '/rest/api/3/myself', 1, 'u', 5, 3, 0, 1, 0, 0, 1, 1, 0],
    ['j', 'DELETE', '/rest/api/3/project/{projectIdOrKey}', 1, 'x', 9, 9, 0, 0, 0, 0, 0, 0, 0],
    ['j', 'GET', '/rest/api/3/mypermissions', 1, 'i', 2, 2, 0, 0, 0, 0, 0, 0, 0],
  ],
});
const good = buildExport({ days: [day], grants: [{ appVersion: '3.0.0', scopes: ['read:jira-work'], firstSeen: '2026-11-28', lastSeen: '2026-11-28' }], installation: 'abc', environment: 'PRODUCTION', generatedAt: '2026-11-29T00:00:00.000Z' });

describe('usage export', () => {
  it('is built in the documented format', () => {
    expect(validateUsageExport(JSON.parse(JSON.stringify(good)))).toEqual(good);
    expect(good).toMatchObject({
      format: 'scope-inspector-usage',
      version: 1,
      droppedCalls: 2,
      window: { firstDay: '2026-11-28', lastDay: '2026-11-28', daysObserved: 1 },
      endpoints: [
        expect.objectContaining({ template: '/rest/api/3/mypermissions', principal: 'inspector', calls: 2 }),
        {
          family: 'requestJira', method: 'GET', template: '/rest/api/3/myself', operationKey: 'GET /rest/api/3/myself', known: true, principal: 'user',
          calls: 5, status: { '2xx': 3, '3xx': 0, '4xx': 1, '5xx': 0, network: 0 }, scopeMismatch401: 1, platformErrors: { NEEDS_AUTHENTICATION_ERR: 1, PROXY_ERR: 0 },
          firstSeen: '2026-11-28', lastSeen: '2026-11-28', daysSeen: 1, appVersions: ['3.0.0'], environments: ['PRODUCTION'], moduleKeys: ['admin'],
          daily: [['2026-11-28', 5, 3, 0, 1, 0, 0, 1]],
        },
      ],
      excluded: [expect.objectContaining({ template: '/rest/api/3/project/{projectIdOrKey}', principal: 'bridge', reason: 'unverified-bridge', calls: 9 })],
    });
  });

  it('moves browser rows of a file that predates `excluded` out of the evidence', () => {
    const { excluded: _, ...legacy } = good;
    const poisoned = { ...legacy, endpoints: [...legacy.endpoints, { ...legacy.endpoints[1], template: '/rest/api/3/project/{projectIdOrKey}', method: 'DELETE', principal: 'bridge', calls: 100_000 }] };
    const read = validateUsageExport(JSON.parse(JSON.stringify(poisoned)));
    expect(read.endpoints.map((e) => e.principal)).toEqual(['inspector', 'user']);
    expect(read.excluded).toEqual([expect.objectContaining({ principal: 'bridge', reason: 'unverified-bridge', calls: 100_000 })]);
  });

  it.each([
    ['another format', { ...good, format: 'other' }],
    ['another version', { ...good, version: 2 }],
    ['no endpoints', { ...good, endpoints: undefined }],
    ['a negative droppedCalls', { ...good, droppedCalls: -1 }],
    ['an endpoint without days', { ...good, endpoints: [{ ...good.endpoints[0], firstSeen: 'yesterday' }] }],
    ['a day of counts that is not a tuple', { ...good, endpoints: [{ ...good.endpoints[0], daily: [['2026-11-28', 4]] }] }],
    ['a negative count on a day', { ...good, endpoints: [{ ...good.endpoints[0], daily: [['2026-11-28', -4, 0, 0, 0, 0, 0, 0]] }] }],
    ['days out of order', { ...good, endpoints: [{ ...good.endpoints[0], daily: [['2026-11-28', 1, 1, 0, 0, 0, 0, 0], ['2026-11-27', 1, 1, 0, 0, 0, 0, 0]] }] }],
    ['an excluded row without a reason', { ...good, excluded: [{ ...good.endpoints[0] }] }],
    ['excluded that is not a list', { ...good, excluded: 'none' }],
    ['null', null],
  ])('refuses %s', (_name, value) => {
    expect(() => validateUsageExport(value)).toThrow(expect.objectContaining({ code: 'INVALID_USAGE_EXPORT' }));
  });
});
