import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getAppContext } from '@forge/api';
import { createSandbox, type Sandbox } from '../../local/sandbox';

const appDir = join(__dirname, 'fixtures', 'app');
let sandbox: Sandbox;

beforeEach(() => {
  sandbox = createSandbox({ appDir, kvs: ':memory:' });
});
afterEach(() => sandbox.close());

describe('runtime: real @forge/resolver and @forge/api through invoke', () => {
  it('gives resolvers the simulated app context, granted scopes and caller', async () => {
    sandbox.grantedScopes = ['read:jira-work', 'storage:app'];
    const who = (await sandbox.invokeResolver('resolver', 'whoami', {}, { moduleKey: 'admin-page', accountId: 'acc-42' })) as Record<string, unknown>;
    expect(who).toEqual({
      installationAri: `ari:cloud:ecosystem::installation/${sandbox.installationId}`,
      moduleKey: 'admin-page',
      scopes: ['read:jira-work', 'storage:app'],
      accountId: 'acc-42',
      canReadJira: true,
      canWriteJira: false,
    });
  });

  it('gives concurrent invocations each their own context', async () => {
    const results = await Promise.all(
      [30, 10, 20, 0].map((delayMs, i) => sandbox.invoke('on-event', { delayMs }, { moduleKey: `module-${i}` })),
    );
    expect(results.map((r) => (r as { moduleKey: string }).moduleKey)).toEqual(['module-0', 'module-1', 'module-2', 'module-3']);
    expect(new Set(results.map((r) => (r as { invocationId: string }).invocationId)).size).toBe(4);
  });

  it('passes the principal and install context to plain handlers, and none for triggers without a user', async () => {
    const withUser = (await sandbox.invoke('on-event', {}, { accountId: 'acc-1' })) as { context: { principal?: { accountId: string }; installContext: string } };
    expect(withUser.context.principal).toEqual({ accountId: 'acc-1' });
    expect(withUser.context.installContext).toBe(`ari:cloud:jira::site/${sandbox.cloudId}`);
    const noUser = (await sandbox.invoke('on-event', {}, { accountId: null })) as { context: { principal?: unknown } };
    expect(noUser.context.principal).toBeUndefined();
  });

  it('has no runtime outside an invocation', () => {
    expect(() => getAppContext()).toThrow('Forge runtime not found.');
  });

  it('reports the remaining time from the manifest timeout', async () => {
    const remaining = await sandbox.run(() => getAppContext().invocationRemainingTimeInMillis(), { functionKey: 'slow' });
    expect(remaining).toBeGreaterThan(500);
    expect(remaining).toBeLessThanOrEqual(1000);
  });

  it('fails an invocation that outlives the manifest timeout', async () => {
    await expect(sandbox.invoke('slow', {})).rejects.toMatchObject({ code: 'SANDBOX_FUNCTION_TIMEOUT' });
  });

  it('names the known functions when asked for an unknown one', async () => {
    await expect(sandbox.invoke('nope', {})).rejects.toThrow(/no such function.*resolver, slow, on-event/);
  });

  it('persists KVS writes of resolvers in a file across sandboxes', async () => {
    const file = join(tmpdir(), `sandbox-${process.pid}-${Date.now()}.sqlite`);
    const first = createSandbox({ appDir, kvs: file });
    expect(await first.invokeResolver('resolver', 'count', {})).toBe(1);
    expect(await first.invokeResolver('resolver', 'count', {})).toBe(2);
    first.close();
    const second = createSandbox({ appDir, kvs: file });
    expect(await second.invokeResolver('resolver', 'count', {})).toBe(3);
    second.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  });
});

describe('runtime: triggers fired the way Forge fires them', () => {
  let sb: Sandbox;
  beforeEach(() => {
    sb = createSandbox({ appDir, kvs: ':memory:' });
  });
  afterEach(() => sb.close());

  type Echo = { moduleKey: string; context: { principal?: { accountId: string } }; event: Record<string, any> };
  // The fixture's on-event handler echoes its event, its context and the module key it ran as.
  const fire = async (key: string, input: Record<string, unknown> = {}) => (await sb.trigger(key, input)) as Echo;

  it('gives a product event its event type, the caller as principal, and the module key', async () => {
    const result = await fire('issue-created', { atlassianId: 'acc-3', issue: { key: 'A-1' } });
    expect(result.moduleKey).toBe('issue-created');
    expect(result.context.principal).toEqual({ accountId: 'acc-3' });
    expect(result.event).toMatchObject({ eventType: 'avi:jira:created:issue', issue: { key: 'A-1' }, context: { moduleKey: 'issue-created' } });
  });

  it('gives a web trigger multi-valued headers and query parameters and a string body', async () => {
    const result = await fire('hook', { method: 'POST', headers: { 'Content-Type': 'application/json' }, queryParameters: { a: ['1', '2'] }, body: { x: 1 } });
    expect(result.event).toMatchObject({ method: 'POST', headers: { 'content-type': ['application/json'] }, queryParameters: { a: ['1', '2'] }, body: '{"x":1}' });
  });

  it('runs scheduled triggers and web triggers without a user', async () => {
    for (const key of ['nightly', 'hook']) {
      const result = await fire(key);
      expect([result.moduleKey, result.context.principal]).toEqual([key, undefined]);
    }
  });

  it('names the trigger modules when asked for an unknown one', async () => {
    await expect(sb.trigger('nope')).rejects.toThrow(/known: issue-created, nightly, hook/);
  });
});
