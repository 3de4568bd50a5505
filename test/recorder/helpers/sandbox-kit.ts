import { createSandbox, type Sandbox } from '../../../local/sandbox';
import type { SandboxOptions } from '../../../local/sandbox-options';

/** Scopes granted by default in recorder tests: reading Jira, but not writing it. */
export const GRANTED = ['read:jira-work', 'read:jira-user', 'storage:app'];

/** Returns a sandbox with an inline manifest granting `GRANTED`. */
export function recorderSandbox(options: SandboxOptions = {}): Sandbox {
  return createSandbox({
    manifest: { app: { id: 'ari:cloud:ecosystem::app/11111111-2222-4333-8444-555555555555' }, permissions: { scopes: GRANTED } },
    kvs: ':memory:',
    appVersion: '2.1.0',
    environmentType: 'PRODUCTION',
    ...options,
  });
}

type FetchFn = (target: { type: string }, path: string, init?: unknown) => Promise<Response>;

/**
 * Counts the KVS requests `@forge/kvs` sends through `__forge_fetch__`, per invocation id.
 * Wraps the platform global (not our code), so the count is what Forge would bill.
 */
export function countKvsRequests(): { perInvocation: Map<string, number>; total: () => number; restore: () => void } {
  const g = globalThis as unknown as { __forge_fetch__: FetchFn; __forge_runtime__?: { appContext?: { invocationId?: string } } };
  const original = g.__forge_fetch__;
  const perInvocation = new Map<string, number>();
  g.__forge_fetch__ = (target, path, init) => {
    if (target.type === 'kvs') {
      const id = g.__forge_runtime__?.appContext?.invocationId ?? 'outside';
      perInvocation.set(id, (perInvocation.get(id) ?? 0) + 1);
    }
    return original(target, path, init);
  };
  return {
    perInvocation,
    total: () => [...perInvocation.values()].reduce((a, b) => a + b, 0),
    restore: () => {
      g.__forge_fetch__ = original;
    },
  };
}
