import { request } from 'node:http';
import { join } from 'node:path';
import { createSandbox, type Sandbox } from '../../local/sandbox';
import { startCustomUiHost, type CustomUiHost } from '../../local/ui/custom-ui-host';

const appDir = join(__dirname, 'fixtures', 'app');
let sandbox: Sandbox;
let host: CustomUiHost;

beforeAll(async () => {
  sandbox = createSandbox({ appDir });
  host = await startCustomUiHost(sandbox);
});
afterAll(async () => {
  await host.close();
  sandbox.close();
});

/** Loads the module page as a browser would (the URL picks the user) and returns its session from the page's <meta>. */
async function openPage(query = ''): Promise<{ session: string; token: string }> {
  const html = await (await fetch(`${host.modules[0].url}${query}`)).text();
  const [session, token] = /<meta name="forge-sandbox-session" content="([^"]+)">/.exec(html)![1].split('.');
  return { session, token };
}

/** Sends a bridge call the way the page's bridge script does: same origin, JSON, session and token. */
async function post(page: { session: string; token: string }, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; answer: any }> {
  const res = await fetch(`${host.url}/__bridge`, {
    method: 'POST',
    headers: { origin: host.url, 'content-type': 'application/json', 'x-forge-sandbox-session': page.session, 'x-forge-sandbox-token': page.token, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, answer: await res.json() };
}

const bridge = async (name: string, payload?: unknown, user: { accountId?: string; admin?: boolean } = {}) => {
  const page = await openPage(`?accountId=${user.accountId ?? 'acc-1'}&admin=${user.admin ?? true}`);
  return (await post(page, { name, payload })).answer;
};

describe('Custom UI host over HTTP', () => {
  it('lists each Custom UI module of the manifest with a loopback URL', () => {
    expect(host.modules).toEqual([
      { key: 'admin-page', type: 'jira:adminPage', title: 'Sandbox test admin page', url: `${host.url}/modules/admin-page/` },
    ]);
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves the resource index.html with the bridge script first in <head> and a Forge-like CSP', async () => {
    const res = await fetch(`${host.modules[0].url}?accountId=acc-9&admin=false`);
    const html = await res.text();
    expect(html).toMatch(/<head><meta name="forge-sandbox-session" content="[0-9a-f]+\.[0-9a-f]+"><script src="\/__sandbox\/bridge.js"><\/script>/);
    expect(html).not.toContain('acc-9');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('refuses paths that climb out of the resource folder', async () => {
    const res = await fetch(`${host.url}/modules/admin-page/..%2f..%2fmanifest.yml`);
    expect(res.status).toBe(404);
  });

  it('answers invoke by running the module resolver with the page user', async () => {
    const answer = await bridge('invoke', { functionKey: 'whoami', payload: {} }, { accountId: 'acc-77' });
    expect(answer).toMatchObject({ ok: true, result: { moduleKey: 'admin-page', accountId: 'acc-77' } });
  });

  it('wraps the answer as { body, metadata } when invoke passes metadata', async () => {
    const answer = await bridge('invoke', { functionKey: 'count', payload: {}, metadata: { rateLimitProperties: true } });
    expect(answer.result).toEqual({ body: 1, metadata: { rateLimitProperties: expect.objectContaining({ rateLimitLimit: 500 }) } });
  });

  it('answers getContext with the module extension type and the page user', async () => {
    const answer = await bridge('getContext', undefined, { accountId: 'acc-5' });
    expect(answer.result).toMatchObject({ accountId: 'acc-5', moduleKey: 'admin-page', extension: { type: 'jira:adminPage' }, siteUrl: sandbox.siteUrl });
  });

  it('answers fetchProduct through the scope-enforcing stand-in as the user', async () => {
    const ok = await bridge('fetchProduct', { product: 'jira', restPath: '/rest/api/3/myself', fetchRequestInit: { headers: [] } });
    expect(ok.result.status).toBe(200);
    const refused = await bridge('fetchProduct', { product: 'jira', restPath: '/rest/api/3/issue/A-1', fetchRequestInit: { method: 'DELETE', headers: [] } });
    expect(refused.result.status).toBe(401);
  });

  it.each([
    [true, true],
    [false, false],
  ])('answers the admin check of a fetchProduct page user with admin=%s', async (admin, expected) => {
    const answer = await bridge(
      'fetchProduct',
      { product: 'jira', restPath: '/rest/api/3/mypermissions?permissions=ADMINISTER', fetchRequestInit: { headers: [] } },
      { accountId: 'page-user', admin },
    );
    expect(JSON.parse(answer.result.body).permissions.ADMINISTER.havePermission).toBe(expected);
  });

  it('tells the module where it is shown from the page URL (?issueKey=, ?contentId=)', async () => {
    const page = await openPage('?issueKey=DEMO-3&contentId=77');
    expect((await post(page, { name: 'getContext' })).answer.result.extension).toEqual({ type: 'jira:adminPage', issue: { key: 'DEMO-3' }, content: { id: '77' } });
  });

  it('takes the user from the page session, never from what the call says', async () => {
    const page = await openPage('?accountId=acc-plain&admin=false');
    const claim = { settings: { moduleKey: 'admin-page', accountId: 'acc-boss', admin: true }, name: 'invoke', payload: { functionKey: 'amIAdmin', payload: {} } };
    expect((await post(page, claim)).answer).toEqual({ ok: true, result: false });
    expect((await post(page, { name: 'getContext' })).answer.result).toMatchObject({ accountId: 'acc-plain' });
  });

  it.each([
    ['a cross-site text/plain POST with a foreign Origin', { origin: 'http://evil.example', 'content-type': 'text/plain' }, 403],
    ['a foreign Origin', { origin: 'http://evil.example' }, 403],
    ['no Origin', { origin: '' }, 403],
    ['a same-origin text/plain POST', { 'content-type': 'text/plain' }, 415],
    ['a form POST', { 'content-type': 'application/x-www-form-urlencoded' }, 415],
    ['a cross-site fetch', { 'sec-fetch-site': 'cross-site' }, 403],
    ['no session token', { 'x-forge-sandbox-token': '' }, 403],
    ['another page’s token', { 'x-forge-sandbox-token': 'f'.repeat(48) }, 403],
  ])('refuses %s and runs nothing', async (_name, headers, status) => {
    const page = await openPage();
    const before = (await post(page, { name: 'invoke', payload: { functionKey: 'count', payload: {} } })).answer.result;
    const refused = await post(page, JSON.stringify({ name: 'invoke', payload: { functionKey: 'count', payload: {} } }), headers);
    expect(refused.status).toBe(status);
    expect(refused.answer).toMatchObject({ ok: false, error: { name: 'SandboxRefused' } });
    expect((await post(page, { name: 'invoke', payload: { functionKey: 'count', payload: {} } })).answer.result).toBe(before + 1);
  });

  it('refuses pages and calls addressed to a host name that is not the sandbox (DNS rebinding)', async () => {
    // fetch() will not send a Host header of our choosing; node:http does.
    const raw = (method: string, path: string, headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: host.port, method, path, headers }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end(method === 'POST' ? JSON.stringify({ name: 'getContext' }) : undefined);
      });
    const rebound = `attacker.example:${host.port}`;
    expect(await raw('GET', '/modules/admin-page/', { host: `127.0.0.1:${host.port}` })).toBe(200);
    expect(await raw('GET', '/modules/admin-page/', { host: rebound })).toBe(403);
    const page = await openPage();
    const call = { host: rebound, origin: `http://${rebound}`, 'content-type': 'application/json', 'x-forge-sandbox-session': page.session, 'x-forge-sandbox-token': page.token };
    expect(await raw('POST', '/__bridge', call)).toBe(403);
  });

  it('fails unimplemented bridge calls loudly, naming the call', async () => {
    expect(await bridge('showFlag', {})).toEqual({ ok: false, error: expect.objectContaining({ message: expect.stringContaining("callBridge('showFlag')") }) });
  });
});
