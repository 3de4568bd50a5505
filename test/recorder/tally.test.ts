import { resolveEndpoint } from '../../src/recorder/endpoint';
import { recordCalls } from '../../src/recorder/record-call';
import { Tally } from '../../src/recorder/tally';
import { NeedsAuthenticationError, ProxyRequestError } from '@forge/api';

const ISSUE = '/rest/api/3/issue/{issueIdOrKey}';
const response = (status: number, headers: Record<string, string> = {}, body = '') => new Response(status === 204 ? null : body, { status, headers });

function recorded(answer: () => Promise<unknown>) {
  const tally = new Tally();
  const fn = recordCalls(answer as never, 'requestJira', 'a', () => tally);
  return { tally, fn };
}

describe('Tally through recordCalls', () => {
  it.each([
    [200, '2xx', 6],
    [204, '2xx', 6],
    [302, '3xx', 7],
    [404, '4xx', 8],
    [503, '5xx', 9],
  ])('counts status %i as %s', async (status, _cls, column) => {
    const { tally, fn } = recorded(async () => response(status));
    await fn({ value: '/rest/api/3/issue/ABC-1' });
    const [row] = tally.drain();
    expect(row.slice(0, 6)).toEqual(['j', 'GET', ISSUE, 1, 'a', 1]);
    expect(row[column]).toBe(1);
    expect(row.slice(6, 11).reduce((a, b) => (a as number) + (b as number), 0)).toBe(1);
    expect(row.slice(12)).toEqual([0, 0]);
  });

  it('counts a 401 with the gateway header as a scope mismatch, other 401s not', async () => {
    let header = true;
    const { tally, fn } = recorded(async () => response(401, header ? { 'x-failure-category': 'FAILURE_CLIENT_SCOPE_CHECK' } : {}));
    await fn({ value: '/rest/api/3/issue/ABC-1' });
    header = false;
    await fn({ value: '/rest/api/3/issue/ABC-2' });
    const [row] = tally.drain();
    expect(row[8]).toBe(2);
    expect(row[11]).toBe(1);
  });

  it('recognises the scope-mismatch body from a clone and leaves the body readable for the host', async () => {
    const body = JSON.stringify({ code: 401, message: 'Unauthorized; scope does not match' });
    const { tally, fn } = recorded(async () => response(401, { 'content-length': String(body.length) }, body));
    const res = (await fn({ value: '/rest/api/3/issue/ABC-1' })) as Response;
    expect(await res.json()).toEqual({ code: 401, message: 'Unauthorized; scope does not match' });
    await tally.settle(1000);
    expect(tally.drain()[0][11]).toBe(1);
  });

  it('returns the very response and rethrows the very error', async () => {
    const res = response(200);
    const err = new TypeError('fetch failed');
    let fail = false;
    const { tally, fn } = recorded(async () => {
      if (fail) throw err;
      return res;
    });
    expect(await fn({ value: '/rest/api/3/issue/A-1' })).toBe(res);
    fail = true;
    await expect(fn({ value: '/rest/api/3/issue/A-1' })).rejects.toBe(err);
    const [row] = tally.drain();
    expect(row[5]).toBe(2);
    expect(row[10]).toBe(1);
  });

  it('lets a synchronous throw through without counting a call', () => {
    const err = new Error('unsafe url');
    const { tally, fn } = recorded(() => {
      throw err;
    });
    expect(() => fn('/rest/api/3/issue/A-1')).toThrow(err);
    expect(tally.drain()).toEqual([]);
  });

  it('keeps principals and methods apart and merges equal templates', async () => {
    const tally = new Tally();
    const ok = async () => response(200);
    const asApp = recordCalls(ok, 'requestJira', 'a', () => tally);
    const asUser = recordCalls(ok, 'requestJira', 'u', () => tally);
    await asApp({ value: '/rest/api/3/issue/A-1' });
    await asApp({ value: '/rest/api/3/issue/B-2' });
    await asUser({ value: '/rest/api/3/issue/A-1' });
    await asApp({ value: '/rest/api/3/issue/A-1' }, { method: 'delete' });
    const rows = tally.drain().map((r) => [r[1], r[4], r[5]]);
    expect(rows).toEqual(expect.arrayContaining([['GET', 'a', 2], ['GET', 'u', 1], ['DELETE', 'a', 1]]));
    expect(rows).toHaveLength(3);
  });
});

describe('platform refusals', () => {
  // The very classes @forge/api throws for a `forge-proxy-error` answer (out/api/errors.js).
  it.each([
    ['NeedsAuthenticationError', () => new NeedsAuthenticationError('Authentication Required', 'atlassian-token-service-key'), 12],
    ['ProxyRequestError', () => new ProxyRequestError(429, 'RATE_LIMITED'), 13],
    ['a network failure', () => new TypeError('fetch failed'), 10],
  ])('counts %s by its code, and rethrows the very error', async (_name, make, column) => {
    const err = make();
    const { tally, fn } = recorded(async () => {
      throw err;
    });
    await expect(fn({ value: '/rest/api/3/myself' })).rejects.toBe(err);
    const [row] = tally.drain();
    expect(row[5]).toBe(1);
    expect(row.slice(6, 14).map(Number).reduce((a, b) => a + b, 0)).toBe(1);
    expect(row[column]).toBe(1);
  });
});

describe('resolveEndpoint cache', () => {
  it('answers repeated paths with the same endpoint and skips impossible methods', () => {
    const a = resolveEndpoint('requestConfluence', undefined, '/wiki/api/v2/pages/123');
    expect(resolveEndpoint('requestConfluence', 'GET', '/wiki/api/v2/pages/123')).toBe(a);
    expect(a?.template).toBe('/wiki/api/v2/pages/{id}');
    expect(resolveEndpoint('requestConfluence', 'BREW', '/wiki/api/v2/pages/123')).toBeUndefined();
  });
});
