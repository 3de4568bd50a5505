/**
 * The recorder sees every request surface of @forge/api, through the real package's code paths
 * (the sandbox answers the platform's `__forge_fetch__` targets and the global fetch): what is
 * stored, that the host sees the very same values and errors, and that nothing concrete is kept.
 */
import api, * as forgeApi from '@forge/api';
import { route } from '@forge/api';
import { instrument, instrumentFetch, withUsageRecording } from '../../src/recorder';
import { readUsage } from '../../src/store';
import type { SurfaceUsage } from '../../src/usage/format';
import type { Sandbox } from '../../local/sandbox';
import type { SandboxOptions } from '../../local/sandbox-options';
import { surfacesSandbox } from '../helpers/surfaces-app';


let sandbox: Sandbox;
const start = (options: SandboxOptions = {}) => (sandbox = surfacesSandbox(options));
afterEach(() => sandbox?.close());

const surfaces = async (): Promise<SurfaceUsage[]> => (await sandbox.run(() => readUsage())).surfaces ?? [];
const line = (s: SurfaceUsage) =>
  [s.surface, s.principal, s.method, s.target ?? '-', s.path ?? '-', s.graphql === undefined ? '-' : s.graphql === null ? '?' : `${s.graphql.type}:${s.graphql.operation ?? ''}:${s.graphql.fields}`, `calls=${s.calls}`, `2xx=${s.status['2xx']}`, `4xx=${s.status['4xx']}`, `network=${s.status.network}`, `refused=${s.platformErrors.refused}`, `auth=${s.platformErrors.NEEDS_AUTHENTICATION_ERR}`].join(' ');
/** Every key and value in the sandbox's storage, as text. */
const storedValues = () => JSON.stringify(sandbox.store.page('', '', 100_000));

describe('every request surface is recorded with what it was, never a concrete value', () => {
  it('records GraphQL operations, Atlassian paths (product paths as their operation), remotes, services, providers and egress with their principal and outcome', async () => {
    start();
    const a = instrument(api);
    await sandbox.run(
      withUsageRecording(async () => {
        await a.asApp().requestGraph('query Me($id: ID!) { me { user { accountId } } jira { issueByKey(key: "SECRET-1") { id } } }', { id: 'acc-123' });
        await a.asApp().requestGraph('query   Me($id: ID!) {\n  me { user { name } }\n  jira { issueByKey(key: "SECRET-2") { key } } }', { id: 'acc-456' });
        await a.asUser().requestTeamworkGraph('query A { graphStore { x } } query B { other }', { q: 'secret text' }, 'B');
        await a.asApp().requestGraph('query { me { ', {});
        await a.asApp().requestAtlassian(route`/ex/jira/${'cloud-1'}/rest/api/3/issue/${'SECRET-3'}`);
        await a.asUser().requestAtlassian(route`/graphql`, { method: 'POST', body: JSON.stringify({ query: 'mutation Rename { renameThing(id: "SECRET-4") { ok } }', variables: { v: 'x' } }) });
        await a.asApp().requestConnectedData(route`/rest/devinfo/0.10/bulk/${'12345'}`, { method: 'POST', body: '{}' });
        await a.invokeRemote('backend', { path: '/v1/jobs/9f0e2a8c-1234-4b5c-9d6e-000000000001?token=abc', method: 'POST' });
        await a.invokeService('worker', { path: '/run' });
        await a.asUser().withProvider('google', 'google-apis').fetch('/drive/v3/files/1AbCdEf?fields=x');
        await a.asUser().withProvider('google', 'google-apis').asAccount('google-account-1').fetch(route`/drive/v3/about`);
        await a.fetch('https://api.example.com/users/42/repos?secret=1');
        await a.fetch('https://evil.example.org/people/alice@example.com').catch(() => undefined);
        // Credentials in a URL: fetch itself rejects it (TypeError); they are never read either way.
        await a.fetch('https://alice:pw@evil.example.org/people/bob').catch(() => undefined);
        await a.invokeRemote('nope', { path: '/x' }).catch(() => undefined);
        await instrumentFetch(globalThis.fetch)(new Request('https://deep.trusted.io/a/b', { method: 'DELETE' }));
      }),
    );
    expect((await surfaces()).map(line)).toEqual([
      'fetch none GET api.example.com /users/{}/repos - calls=1 2xx=1 4xx=0 network=0 refused=0 auth=0',
      // Words outside the allow-list are the site's (names, slugs): never kept.
      'fetch none DELETE deep.trusted.io /{}/{} - calls=1 2xx=1 4xx=0 network=0 refused=0 auth=0',
      // Outside permissions.external.fetch.backend: the platform refuses one (ExternalEndpointNotAllowedError); fetch rejects the other's credentials.
      'fetch none GET evil.example.org /people/{} - calls=2 2xx=0 4xx=0 network=1 refused=1 auth=0',
      'invokeRemote app POST backend /v1/jobs/{} - calls=1 2xx=1 4xx=0 network=0 refused=0 auth=0',
      // An unknown remote key: @forge/api's InvalidRemoteError.
      'invokeRemote app GET nope /{} - calls=1 2xx=0 4xx=0 network=0 refused=1 auth=0',
      'invokeService app GET worker /run - calls=1 2xx=1 4xx=0 network=0 refused=0 auth=0',
      'providerFetch user GET google/google-apis /drive/v3/about - calls=1 2xx=1 4xx=0 network=0 refused=0 auth=0',
      'providerFetch user GET google/google-apis /drive/v3/files/{} - calls=1 2xx=1 4xx=0 network=0 refused=0 auth=0',
      'requestAtlassian user POST - /graphql mutation:Rename:renameThing calls=1 2xx=1 4xx=0 network=0 refused=0 auth=0',
      'requestConnectedData app POST - /rest/devinfo/0.10/bulk/{} - calls=1 2xx=1 4xx=0 network=0 refused=0 auth=0',
      // A document that does not parse is counted, its operation unknown.
      'requestGraph app POST - - ? calls=1 2xx=1 4xx=0 network=0 refused=0 auth=0',
      // Two documents that differ only in layout and argument values are one operation.
      'requestGraph app POST - - query:Me:jira,me calls=2 2xx=2 4xx=0 network=0 refused=0 auth=0',
      'requestTeamworkGraph user POST - - query:B:other calls=1 2xx=1 4xx=0 network=0 refused=0 auth=0',
    ]);
    // A product path through the gateway is that product's operation, with its documented scopes.
    expect((await sandbox.run(() => readUsage())).endpoints.map((e) => `${e.principal} ${e.operationKey} ${e.calls}`)).toEqual(['app GET /rest/api/3/issue/{issueIdOrKey} 1']);
    const stored = storedValues() + JSON.stringify(await sandbox.run(() => readUsage()));
    expect(stored).toContain('query:Me:jira,me'); // the dump is the right one
    // Short numbers and hex are matched with what surrounded them in the URL: a bare '42' or 'abc'
    // also turns up in timestamps and hashes the store keeps (a createdAt of 1796010842671 did).
    for (const secret of ['SECRET-', 'acc-123', 'acc-456', 'secret text', '/42', 'token', '=abc', '9f0e2a8c', 'alice', 'pw', '1AbCdEf', 'fields=', 'cloud-1', '/12345', 'google-account-1', 'bob']) {
      expect(stored).not.toContain(secret);
    }
  });

  it('counts a Teamwork Graph call the installation has not granted as the gateway answers it: 401 scope mismatch', async () => {
    start({ grantedScopes: ['storage:app'] });
    const response = await sandbox.run(withUsageRecording(() => instrument(api).asUser().requestTeamworkGraph('query { graphStore { x } }')));
    expect(response.status).toBe(401);
    const [row] = await surfaces();
    expect(row).toMatchObject({ surface: 'requestTeamworkGraph', scopeMismatch401: 1, status: { '4xx': 1 } });
  });

  it('records the namespace and its default export alike, and an api instrumented twice once', async () => {
    start();
    const ns = instrument(forgeApi);
    const twice = instrument(instrument(api));
    await sandbox.run(
      withUsageRecording(async () => {
        await ns.fetch('https://api.example.com/a');
        await ns.default.invokeService('worker', { path: '/run' });
        await twice.asApp().requestGraph('{ me { id } }');
        await instrumentFetch(instrumentFetch(globalThis.fetch))('https://api.example.com/a');
      }),
    );
    expect((await surfaces()).map((s) => `${s.surface} ${s.target ?? '-'} ${s.calls}`)).toEqual(['fetch api.example.com 2', 'invokeService worker 1', 'requestGraph - 1']);
  });
});

describe('the host sees exactly what it would unwrapped', () => {
  it('gets the very Response and the very error object the platform produced', async () => {
    start();
    const platform = globalThis as unknown as { __forge_fetch__: (t: { type: string }, p: string, i?: RequestInit) => Promise<Response> };
    const original = platform.__forge_fetch__;
    const answers: Response[] = [];
    const failure = new TypeError('fetch failed');
    platform.__forge_fetch__ = async (target, path, init) => {
      if (target.type === 'fcc') throw failure;
      const response = await original(target, path, init);
      if (target.type !== 'kvs') answers.push(response);
      return response;
    };
    try {
      const a = instrument(api);
      const seen = await sandbox.run(
        withUsageRecording(async () => [
          await a.asApp().requestGraph('{ me { id } }'),
          await a.invokeRemote('backend', { path: '/x' }),
          await a.invokeService('worker', { path: '/y' }).catch((e: unknown) => e),
        ]),
      );
      expect(seen[0]).toBe(answers[0]);
      expect(seen[1]).toBe(answers[1]);
      expect(seen[2]).toBe(failure);
    } finally {
      platform.__forge_fetch__ = original;
    }
    expect((await surfaces()).find((s) => s.surface === 'invokeService')).toMatchObject({ calls: 1, status: { network: 1 } });
  });

  it('rejects with the same error classes and messages as the unwrapped package', async () => {
    start();
    const outcome = async (which: typeof api) =>
      sandbox.run(async () => {
        const errors = await Promise.all([
          which.invokeRemote('nope', { path: '/x' }).catch((e: Error) => e),
          which.fetch('https://evil.example.org/x').catch((e: Error) => e),
          which.invokeRemote('', { path: '/x' }).catch((e: Error) => e),
        ]);
        return errors.map((e) => {
          const error = e as Error;
          return `${error.constructor.name}:${error.name}:${error.message}`;
        });
      });
    const plain = await outcome(api);
    expect(plain[0]).toMatch(/^InvalidRemoteError:INVALID_REMOTE_ERR:/);
    expect(plain[1]).toMatch(/^ExternalEndpointNotAllowedError:REQUEST_EGRESS_ALLOWLIST_ERR:/);
    expect(await outcome(instrument(api))).toEqual(plain);
  });

  it('lets a synchronous throw through uncounted: a provider fetch without credentials', async () => {
    start({ providerAccounts: false });
    const run = (which: typeof api) =>
      sandbox.run(
        withUsageRecording(() => {
          try {
            which.asUser().withProvider('google', 'google-apis').fetch('/x');
            return 'no throw';
          } catch (e) {
            return (e as Error).message;
          }
        }),
      );
    const plain = await run(api);
    expect(plain).toMatch(/no credentials previously requested/);
    expect(await run(instrument(api))).toBe(plain);
    expect(await surfaces()).toEqual([]);
  });
});

describe('the GraphQL parser', () => {
  it('is loaded when the tally is stored, never during the host’s call', async () => {
    start();
    let recorder!: typeof import('../../src/recorder');
    let summary!: typeof import('../../src/usage/graphql-summary');
    jest.isolateModules(() => {
      recorder = require('../../src/recorder');
      summary = require('../../src/usage/graphql-summary');
    });
    const a = recorder.instrument(api);
    const loadedDuringCall = await sandbox.run(
      recorder.withUsageRecording(async () => {
        await a.asApp().requestGraph('query Me { me { id } }');
        return summary.graphqlParserLoaded();
      }),
    );
    expect(loadedDuringCall).toBe(false);
    expect(summary.graphqlParserLoaded()).toBe(true);
    expect((await surfaces()).map((s) => s.graphql)).toEqual([{ type: 'query', operation: 'Me', fields: ['me'] }]);
  });
});
