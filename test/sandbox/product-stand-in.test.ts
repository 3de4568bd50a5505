import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { asApp, asUser, route, requestConfluence, NeedsAuthenticationError } from '@forge/api';
import { getOperation } from '../../src/catalog';
import { responseExamples } from '../../local/product/response-examples';
import { createSandbox, type Sandbox } from '../../local/sandbox';

const manifest = { permissions: { scopes: ['read:jira-work', 'read:jira-user'] } };
let sandbox: Sandbox;
beforeEach(() => {
  sandbox = createSandbox({ manifest });
});
afterEach(() => sandbox.close());

const granularOf = (key: string) => getOperation(key)!.alternatives.find((a) => a.kind === 'granular')!.scopes;

describe('product stand-in through the real @forge/api', () => {
  it('answers 200 with a plausible body when the granted scopes authorize the call', async () => {
    const res = await sandbox.run(() => asApp().requestJira(route`/rest/api/3/issue/${'ABC-7'}`));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ key: 'ABC-7', fields: { summary: expect.any(String) } });
  });

  it.each([
    ['asApp', () => asApp().requestJira(route`/rest/api/3/issue/${'ABC-1'}`, { method: 'DELETE' })],
    ['asUser', () => asUser().requestJira(route`/rest/api/3/project/${'ABC'}`, { method: 'DELETE' })],
  ])('answers %s calls the scopes do not authorize with the gateway 401', async (_label, call) => {
    const res = await sandbox.run(call);
    expect(res.status).toBe(401);
    expect(res.headers.get('x-failure-category')).toBe('FAILURE_CLIENT_SCOPE_CHECK');
    expect(await res.json()).toEqual({ code: 401, message: 'Unauthorized; scope does not match' });
  });

  it('authorizes with the complete granular alternative and refuses when one granular scope is missing', async () => {
    const key = 'GET /rest/api/3/issue/{issueIdOrKey}';
    const granular = granularOf(key);
    const call = () => asApp().requestJira(route`/rest/api/3/issue/${'ABC-1'}`);
    expect((await sandbox.run(call, { grantedScopes: granular })).status).toBe(200);
    expect((await sandbox.run(call, { grantedScopes: granular.slice(1) })).status).toBe(401);
  });

  it('treats /rest/api/2 like /rest/api/3', async () => {
    const res = await sandbox.run(() => asApp().requestJira(route`/rest/api/2/myself`));
    expect(res.status).toBe(200);
  });

  it('answers 404 for a route no operation matches', async () => {
    const res = await sandbox.run(() => asApp().requestJira(route`/rest/api/3/no-such-thing`));
    expect(res.status).toBe(404);
  });

  it('answers 405 for a known path called with a method it does not have', async () => {
    const res = await sandbox.run(() => asApp().requestJira(route`/rest/api/3/myself`, { method: 'PATCH' }));
    expect(res.status).toBe(405);
  });

  it('throws NeedsAuthenticationError for asUser() without a user, as Forge does', async () => {
    await expect(sandbox.run(() => asUser().requestJira(route`/rest/api/3/myself`), { accountId: null })).rejects.toBeInstanceOf(
      NeedsAuthenticationError,
    );
  });

  it.each([
    [true, true],
    [false, false],
  ])('answers the Jira admin check for an admin=%s user with havePermission=%s', async (admin, expected) => {
    const body = await sandbox.run(
      async () => (await asUser().requestJira(route`/rest/api/3/mypermissions?permissions=ADMINISTER`)).json(),
      { accountId: 'someone', admin },
    );
    expect(body.permissions.ADMINISTER.havePermission).toBe(expected);
  });

  it.each([
    [true, 'administer'],
    [false, undefined],
  ])('answers the Confluence admin check for an admin=%s user', async (admin, expected) => {
    const body = await sandbox.run(
      async () => (await asUser().requestConfluence(route`/wiki/rest/api/user/current?expand=operations`)).json(),
      { accountId: 'someone', admin, grantedScopes: ['read:confluence-user'] },
    );
    expect(body.operations.find((o: { operation: string }) => o.operation === 'administer')?.operation).toBe(expected);
  });

  it('answers Confluence and Bitbucket operations with their fixtures', async () => {
    sandbox.grantedScopes = ['read:page:confluence', 'read:repository:bitbucket'];
    const page = await sandbox.run(async () => (await requestConfluence(route`/wiki/api/v2/pages/${'123'}`)).json());
    expect(page).toMatchObject({ id: '123', title: expect.any(String) });
    const repo = await sandbox.run(async () => (await asApp().requestBitbucket(route`/2.0/repositories/${'ws'}/${'repo'}`)).json());
    expect(repo).toMatchObject({ full_name: 'ws/repo' });
  });

  it('answers operations without a fixture with their documented example', async () => {
    const key = 'GET /rest/api/3/field';
    sandbox.grantedScopes = getOperation(key)!.alternatives[0].scopes;
    const res = await sandbox.run(() => asApp().requestJira(route`/rest/api/3/field`));
    expect([res.status, await res.json()]).toEqual([responseExamples()[key].status, responseExamples()[key].body]);
  });
});

describe('product stand-in forwarding to a real site', () => {
  it('forwards authorized calls with basic auth and never forwards refused ones', async () => {
    const seen: Array<{ url?: string; headers: IncomingHttpHeaders }> = [];
    const site = createServer((req, res) => {
      seen.push({ url: req.url, headers: req.headers });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ from: 'site' }));
    });
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    const forwarding = createSandbox({ manifest, site: { url, email: 'me@example.com', apiToken: 'tok' } });
    try {
      const ok = await forwarding.run(async () => (await asApp().requestJira(route`/rest/api/3/myself`)).json());
      const refused = await forwarding.run(() => asApp().requestJira(route`/rest/api/3/issue/${'A-1'}`, { method: 'DELETE' }));
      expect(ok).toEqual({ from: 'site' });
      expect(refused.status).toBe(401);
      expect(seen.map((s) => s.url)).toEqual(['/rest/api/3/myself']);
      expect(seen[0].headers.authorization).toBe('Basic ' + Buffer.from('me@example.com:tok').toString('base64'));
    } finally {
      forwarding.close();
      site.close();
    }
  });
});
