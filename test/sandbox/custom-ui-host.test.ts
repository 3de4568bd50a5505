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

const bridge = async (name: string, payload?: unknown, settings: Record<string, unknown> = {}) => {
  const res = await fetch(`${host.url}/__bridge`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ settings: { moduleKey: 'admin-page', accountId: 'acc-1', admin: true, locale: 'en-US', ...settings }, name, payload }),
  });
  return res.json();
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
    expect(html).toContain('<head><script src="/__sandbox/bridge.js?accountId=acc-9&admin=false&module=admin-page"></script>');
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

  it('fails unimplemented bridge calls loudly, naming the call', async () => {
    expect(await bridge('showFlag', {})).toEqual({ ok: false, error: expect.objectContaining({ message: expect.stringContaining("callBridge('showFlag')") }) });
  });
});
