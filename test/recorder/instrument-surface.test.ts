/**
 * instrument() keeps @forge/api's surface: the default export and the module namespace,
 * every recorded entry point, and everything else passed through as the very same value.
 */
import api, * as forgeApi from '@forge/api';
import { route } from '@forge/api';
import Resolver from '@forge/resolver';
import { instrument, withUsageRecording } from '../../src/recorder';
import { readUsage } from '../../src/store';
import { runWithTally } from '../../src/recorder/context';
import { Tally } from '../../src/recorder/tally';
import type { Sandbox } from '../../local/sandbox';
import { recorderSandbox } from './helpers/sandbox-kit';

let sandbox: Sandbox;
beforeEach(() => {
  sandbox = recorderSandbox();
});
afterEach(() => sandbox.close());

const usageRows = async () =>
  (await sandbox.run(() => readUsage())).endpoints.map((e) => `${e.principal} ${e.method} ${e.family} ${e.template} ${e.calls}`).sort();

describe('instrument(api)', () => {
  it('passes every other member of the namespace through untouched', () => {
    const ns = instrument(forgeApi);
    for (const name of ['route', 'getAppContext', 'webTrigger', 'assumeTrustedRoute', 'FetchError', 'permissions', 'i18n', 'privacy'] as const) {
      expect(ns[name]).toBe(forgeApi[name]);
    }
    // The egress and remote surfaces are recorded: wrapped, never the original.
    for (const name of ['fetch', 'invokeRemote', 'invokeService'] as const) expect(ns[name]).not.toBe(forgeApi[name]);
    const def = instrument(api);
    expect(def.fetch).not.toBe(api.fetch);
    expect(def.invokeRemote).not.toBe(api.invokeRemote);
    expect(Object.keys(def).sort()).toEqual(Object.keys(api).sort());
    expect(Object.keys(def.asApp()).sort()).toEqual(Object.keys(api.asApp()).sort());
    expect(Object.keys(def.asUser()).sort()).toEqual(Object.keys(api.asUser()).sort());
  });

  it('records every entry point of the default export and the namespace with the principal the platform uses', async () => {
    const def = instrument(api);
    const ns = instrument(forgeApi);
    await sandbox.run(
      withUsageRecording(async () => {
        await def.asApp().requestJira(route`/rest/api/3/issue/${'A-1'}`);
        await def.asUser().requestJira(route`/rest/api/3/issue/${'A-2'}`);
        await def.asUser('acc-7').requestJira(route`/rest/api/3/issue/${'A-3'}`);
        await def.requestJira(route`/rest/api/3/issue/${'A-4'}`);
        await ns.asApp().requestConfluence(route`/wiki/api/v2/pages/${'77'}`);
        await ns.requestBitbucket(route`/2.0/repositories/${'ws'}/${'repo'}`);
        await ns.default.asUser().requestJira(route`/rest/api/3/myself`);
      }),
    );
    const bitbucket = (await sandbox.run(() => readUsage())).endpoints.find((e) => e.family === 'requestBitbucket');
    // A bare requestJira is sent with provider `none` (@forge/api out/api/fetch.js): unauthenticated, not as the app.
    expect(await usageRows()).toEqual([
      'app GET requestConfluence /wiki/api/v2/pages/{id} 1',
      'app GET requestJira /rest/api/3/issue/{issueIdOrKey} 1',
      'none GET requestBitbucket /2.0/repositories/{workspace}/{repo_slug} 1',
      'none GET requestJira /rest/api/3/issue/{issueIdOrKey} 1',
      'user GET requestJira /rest/api/3/issue/{issueIdOrKey} 2',
      'user GET requestJira /rest/api/3/myself 1',
    ]);
    expect(bitbucket?.calls).toBe(1);
  });

  it('records calls made through withContext(contextAri)', async () => {
    // The sandbox does not emulate context-routed calls, so the platform side is a stub here.
    const answer = new Response('{}', { status: 200 });
    const fake = { asApp: () => ({ withContext: (_ari: string) => ({ requestJira: async (_path: unknown) => answer }) }) };
    const recorded = instrument(fake);
    const tally = new Tally();
    const res = await runWithTally({ tally, dropped: 0 }, () => recorded.asApp().withContext('ari:cloud:jira::site/x').requestJira({ value: '/rest/api/3/myself' }));
    expect(res).toBe(answer);
    expect(tally.drain()).toEqual([['j', 'GET', '/rest/api/3/myself', 1, 'a', 1, 1, 0, 0, 0, 0, 0, 0, 0]]);
  });

  it('records inside @forge/resolver definitions wrapped as a whole', async () => {
    const recorded = instrument(api);
    const resolver = new Resolver();
    resolver.define('read', async ({ payload }) => (await recorded.asUser().requestJira(route`/rest/api/3/issue/${String(payload.key)}`)).status);
    const handler = withUsageRecording(resolver.getDefinitions() as (event: unknown, context: unknown) => Promise<unknown>);
    const status = await sandbox.run(() => handler({ call: { functionKey: 'read', payload: { key: 'ZZ-1' } }, context: {} }, {}));
    expect(status).toBe(200);
    expect(await usageRows()).toEqual(['user GET requestJira /rest/api/3/issue/{issueIdOrKey} 1']);
  });

  it('stores the calls of an invocation that threw', async () => {
    const recorded = instrument(api);
    const boom = new Error('boom');
    const handler = withUsageRecording(async () => {
      await recorded.asApp().requestJira(route`/rest/api/3/myself`);
      throw boom;
    });
    await expect(sandbox.run(handler)).rejects.toBe(boom);
    expect(await usageRows()).toEqual(['app GET requestJira /rest/api/3/myself 1']);
  });
});

describe('calls @forge/api makes on the app’s behalf', () => {
  const outcome = async (work: () => Promise<unknown>) => {
    try {
      return { value: await work() };
    } catch (e) {
      return { error: { name: (e as Error).name, message: (e as Error).message, ctor: (e as Error).constructor } };
    }
  };

  it('records authorize() checks as the permission-check operations they post, with the same results', async () => {
    const ns = instrument(forgeApi);
    const checks = (which: typeof forgeApi) => async () => [
      await which.authorize().onJiraIssue('ABC-1').canEdit(),
      await which.authorize().onJiraProject(['10001']).canCreateIssues(),
      await which.authorize().onJira([{ permissions: ['EDIT_ISSUES'], issues: [10010] }]),
      await which.authorize().onConfluenceContent('123').canRead(),
    ];
    const plain = await sandbox.run(checks(forgeApi));
    const recorded = await sandbox.run(withUsageRecording(checks(ns)));
    expect(recorded).toEqual(plain);
    expect(await usageRows()).toEqual(['user POST requestConfluence /wiki/rest/api/content/{id}/permission/check 1', 'user POST requestJira /rest/api/3/permissions/check 3']);
    const jira = (await sandbox.run(() => readUsage())).endpoints.find((e) => e.family === 'requestJira')!;
    // The response stays inside @forge/auth: only a value that proves a success body counts as 2xx.
    expect(jira.status['2xx']).toBe(1);
  });

  it('throws the same error from authorize() without a user, and records nothing', async () => {
    const ns = instrument(forgeApi);
    const plain = await sandbox.run(() => outcome(async () => forgeApi.authorize()), { accountId: null });
    const recorded = await sandbox.run(withUsageRecording(() => outcome(async () => ns.authorize())), { accountId: null });
    expect(recorded).toEqual(plain);
    expect(plain.error?.message).toMatch(/accountId of the invoking user/);
    expect(await usageRows()).toEqual([]);
  });

  it('counts a call the platform refused for want of a user as NEEDS_AUTHENTICATION_ERR, not as a network failure', async () => {
    const ns = instrument(forgeApi);
    const plain = await sandbox.run(() => outcome(() => forgeApi.asUser().requestJira(route`/rest/api/3/myself`)), { accountId: null });
    const recorded = await sandbox.run(withUsageRecording(() => outcome(() => ns.asUser().requestJira(route`/rest/api/3/myself`))), { accountId: null });
    expect(recorded).toEqual(plain);
    expect(plain.error?.name).toBe('NEEDS_AUTHENTICATION_ERR');
    const [row] = (await sandbox.run(() => readUsage())).endpoints;
    expect(row).toMatchObject({ calls: 1, status: { network: 0 }, platformErrors: { NEEDS_AUTHENTICATION_ERR: 1, PROXY_ERR: 0 } });
  });
});
