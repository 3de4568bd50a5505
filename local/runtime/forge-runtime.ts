import { randomUUID } from 'node:crypto';
import type { ForgeRuntime } from '@forge/api';
import type { AppManifest } from '../app-manifest';

/** What one simulated invocation knows about its installation, caller and deadline. */
export interface InvocationSettings {
  appId: string;
  appVersion: string;
  environmentId: string;
  environmentType: string;
  installationId: string;
  /** Cloud id of the simulated site; the installation context is `ari:cloud:jira::site/<cloudId>`. */
  cloudId: string;
  functionKey: string;
  moduleKey: string;
  moduleType: string;
  /** Scopes the simulated installation granted (what `permissions.hasScope()` checks). */
  grantedScopes: readonly string[];
  /** Account id of the user the invocation runs for; undefined for triggers without a user. */
  accountId?: string;
  /** Absolute epoch milliseconds when the invocation times out. */
  deadline: number;
  /** Host name the KVS client is told to send (lets `__forge_fetch__` tell sandboxes apart). */
  kvsHost: string;
  /** Bearer token the KVS client is told to send. */
  proxyToken: string;
  /** The manifest's external-auth providers (what `asUser().withProvider()` reads). */
  providers?: Pick<AppManifest, 'providers' | 'remotes'>;
  /** Whether the user has an account with each of them. */
  providersConnected?: boolean;
}

/** Counters, timings and gauges that accept everything and keep nothing (Forge ships them to its metrics service). */
const noopMetrics: ForgeRuntime['metrics'] = {
  counter: () => ({ incr() {}, incrBy() {}, decr() {}, decrBy() {} }),
  timing: () => ({ measure: () => ({ stop() {} }) }),
  gauge: () => ({ set() {} }),
};

/** Returns a fresh `__forge_runtime__` object for one invocation, shaped like the one Forge's Node runtime installs. */
export function buildForgeRuntime(s: InvocationSettings): ForgeRuntime {
  const invocationId = randomUUID();
  return {
    proxy: { token: s.proxyToken, url: 'http://forge-proxy.sandbox.invalid' },
    contextAri: `ari:cloud:jira::site/${s.cloudId}`,
    container: { region: 'local', runtime: `nodejs${process.versions.node.split('.')[0]}.x`, handler: s.functionKey },
    appContext: {
      appId: s.appId,
      appVersion: s.appVersion,
      environmentId: s.environmentId,
      environmentType: s.environmentType,
      invocationId,
      installationId: s.installationId,
      functionKey: s.functionKey,
      moduleType: s.moduleType,
      moduleKey: s.moduleKey,
      // getAppContext() wraps these in RuntimePermissions itself; a plain object is what Forge passes.
      permissions: { scopes: [...s.grantedScopes], external: {} } as never,
    },
    aaid: s.accountId,
    lambdaContext: {
      awsRequestId: invocationId,
      getRemainingTimeInMillis: () => Math.max(0, s.deadline - Date.now()),
    },
    tracing: { traceId: randomUUID().replace(/-/g, ''), spanId: randomUUID().replace(/-/g, '').slice(0, 16) },
    realtime: {},
    metrics: noopMetrics,
    kvs: { url: `http://${s.kvsHost}`, host: s.kvsHost },
    featureFlags: () => false,
    // @forge/api's withProvider() reads `externalAuth`: every provider, with one account when the user connected it.
    externalAuth: (s.providers?.providers ?? []).map((p) => ({
      service: p.key,
      remotes: p.remotes.map((key) => ({ key, baseUrl: s.providers?.remotes.find((r) => r.key === key)?.baseUrl ?? '' })),
      accounts: s.providersConnected ? [{ id: `sandbox-${p.key}-account`, externalAccountId: `${p.key}-account-1`, displayName: 'Sandbox account', scopes: [...p.scopes] }] : [],
    })),
  };
}
