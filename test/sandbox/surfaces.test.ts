/**
 * The sandbox answers the platform's other targets so the real @forge/api runs unmodified: the
 * GraphQL gateway, `requestAtlassian` paths, remotes, container services, external-auth provider
 * remotes, and a function's outbound fetch (checked against permissions.external like Forge).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import api, { route, fetch as apiFetch } from '@forge/api';
import type { Sandbox } from '../../local/sandbox';
import type { SandboxOptions } from '../../local/sandbox-options';
import { surfacesSandbox } from '../helpers/surfaces-app';


let sandbox: Sandbox;
const start = (options: SandboxOptions = {}) => (sandbox = surfacesSandbox(options));
afterEach(() => sandbox?.close());
const errorOf = (p: Promise<unknown>) => p.then(() => 'resolved', (e: Error) => `${e.constructor.name}: ${e.message}`);

describe('GraphQL gateway stand-in', () => {
  it('answers each top-level field by its alias, and a document that does not parse with errors', async () => {
    start();
    const [ok, bad] = await sandbox.run(async () => [
      await (await api.asApp().requestGraph('query Q { me { id } b: jira { x } }', { v: 1 })).json(),
      await (await api.asUser().requestGraph('query { me { ')).json(),
    ]);
    expect(ok).toEqual({ data: { me: null, b: null } });
    expect(bad.errors[0].message).toMatch(/Syntax Error/);
  });

  it('answers Teamwork Graph only with one of its documented scopes, as the gateway refuses a scope mismatch', async () => {
    start({ grantedScopes: ['read:jira-work'] });
    expect(await sandbox.run(async () => (await api.asUser().requestTeamworkGraph('{ graphStore { id } }')).status)).toBe(401);
    expect(await sandbox.run(async () => (await api.asUser().requestTeamworkGraph('{ graphStore { id } }')).status, { grantedScopes: ['read:graph:confluence'] })).toBe(200);
  });

  it('routes requestAtlassian to /ex/jira/{cloudId}/… through the product stand-in and its scope check', async () => {
    start();
    const [issue, myself] = await sandbox.run(async () => [
      (await api.asApp().requestAtlassian(route`/ex/jira/${'cloud-1'}/rest/api/3/issue/${'ABC-1'}`)).status,
      (await api.asApp().requestAtlassian(route`/ex/jira/${'cloud-1'}/rest/api/3/myself`)).status,
    ]);
    expect([issue, myself]).toEqual([200, 401]);
  });
});

describe('remotes, services and providers', () => {
  it('reaches declared remotes and services, and refuses unknown keys as the platform does', async () => {
    start();
    const [remote, service, badRemote, badService] = await sandbox.run(async () => [
      await (await api.invokeRemote('backend', { path: '/v1/run?x=1', method: 'POST' })).json(),
      await (await api.invokeService('worker', { path: '/jobs' })).json(),
      await errorOf(api.invokeRemote('nope', { path: '/x' })),
      await errorOf(api.invokeService('nope', { path: '/x' })),
    ]);
    expect(remote).toEqual({ ok: true, kind: 'remote', target: 'backend', method: 'POST', path: '/v1/run?x=1' });
    expect(service).toMatchObject({ kind: 'service', target: 'worker', path: '/jobs' });
    expect(badRemote).toBe('InvalidRemoteError: Invalid remote key provided: "nope"');
    expect(badService).toBe('InvalidContainerServiceError: Invalid service key provided: "nope"');
  });

  it('fetches from a provider remote with the connected account, and answers through a scripted responder', async () => {
    start({ outside: (r) => new Response(JSON.stringify({ scripted: `${r.kind} ${r.target} ${r.baseUrl} ${r.path}` }), { status: 202 }) });
    const [account, answer] = await sandbox.run(async () => {
      const google = api.asUser().withProvider('google', 'google-apis');
      const response = await google.fetch('/drive/v3/files');
      return [(await google.getAccount())?.displayName, { status: response.status, body: await response.json() }];
    });
    expect(account).toBe('Sandbox account');
    expect(answer).toEqual({ status: 202, body: { scripted: 'provider google https://www.googleapis.com /drive/v3/files' } });
  });
});

describe('egress', () => {
  it("checks a function's fetch against permissions.external.fetch.backend (exact, wildcard, remote entries)", async () => {
    start();
    const outcomes = await sandbox.run(() =>
      Promise.all([
        apiFetch('https://api.example.com/v1/x').then((r) => r.status),
        fetch('https://deep.sub.trusted.io/y').then((r) => r.status),
        fetch('https://backend.example.com/z').then((r) => r.status),
        errorOf(apiFetch('https://evil.example.org/x')),
        errorOf(fetch('http://api.example.com/v1/x')),
      ]),
    );
    expect(outcomes.slice(0, 3)).toEqual([200, 200, 200]);
    expect(outcomes[3]).toBe('ExternalEndpointNotAllowedError: URL not included in the external fetch backend permissions: https://evil.example.org/x. Visit go.atlassian.com/forge-egress for more information.');
    // The scheme counts: Forge compares protocols too.
    expect(outcomes[4]).toMatch(/^ExternalEndpointNotAllowedError/);
  });

  it('leaves fetch outside any invocation to the process, and applies surface faults inside', async () => {
    start();
    const server: Server = createServer((_req, res) => res.end('local'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      expect(await (await fetch(url)).text()).toBe('local');
      expect(await sandbox.run(() => errorOf(fetch(url)))).toMatch(/^ExternalEndpointNotAllowedError/);
    } finally {
      server.close();
    }
    sandbox.faults.set({ target: 'surface', timeoutMs: 1 });
    expect(await sandbox.run(() => errorOf(apiFetch('https://api.example.com/')))).toBe('TypeError: fetch failed');
    expect(sandbox.faults.injected.surface).toBe(1);
  });
});
