import type { Family } from '../src/catalog/types';
import { withFaults } from './faults';
import { kvsResponse } from './kvs/kvs-endpoint';
import type { Invocation, FetchTarget } from './runtime/globals';
import type { Sandbox } from './sandbox';
import { platformRefusal } from './surfaces/remote-stand-in';
import { routeSurface } from './surfaces/route-surface';

const FAMILY_BY_REMOTE: Record<string, Family> = {
  jira: 'requestJira',
  confluence: 'requestConfluence',
  bitbucket: 'requestBitbucket',
};

// @forge/api turns the `forge-proxy-error` header into NeedsAuthenticationError / ProxyRequestError.
const proxyError = platformRefusal;

/**
 * Routes one `__forge_fetch__` call: `kvs` to the KVS emulator, `fpp` product remotes to the
 * product backend, and the other targets (GraphQL gateway, remotes, services, provider remotes)
 * to their stand-ins (`local/surfaces/`).
 */
export async function routeFetch(
  sandbox: Sandbox,
  target: FetchTarget,
  path: string,
  init: RequestInit | undefined,
  invocation: Invocation | undefined,
): Promise<Response> {
  if (target.type === 'kvs') return withFaults(sandbox.faults, 'kvs', path, () => kvsResponse(sandbox.kvs, path, init));
  // @forge/api: asApp() sends provider `app`, asUser() `user`, a bare requestJira `none`.
  const principal = target.provider === 'user' ? 'user' : target.provider === 'none' ? 'none' : 'app';
  const accountId = target.accountId ?? invocation?.runtime.aaid;
  if (target.type === 'fpp' && principal === 'user' && !accountId) return proxyError(401, 'NEEDS_AUTHENTICATION_ERR');
  const runtimeScopes = (invocation?.runtime.appContext.permissions as { scopes?: string[] } | undefined)?.scopes;
  const grantedScopes = runtimeScopes ?? sandbox.grantedScopes;
  const product = (family: Family, productPath: string) =>
    withFaults(sandbox.faults, 'product', productPath, () =>
      sandbox.product.handle({
        family,
        method: (init?.method ?? 'GET').toUpperCase(),
        path: productPath,
        headers: new Headers(init?.headers),
        body: typeof init?.body === 'string' ? init.body : undefined,
        principal,
        accountId: principal === 'user' ? accountId : undefined,
        grantedScopes,
        // The invocation's own user carries its admin flag; any other account is judged by the sandbox.
        userIsAdmin: principal === 'user' && (invocation && accountId === invocation.runtime.aaid ? !!invocation.userIsAdmin : sandbox.isAdmin(accountId)),
      }),
    );
  const family = target.type === 'fpp' ? FAMILY_BY_REMOTE[target.remote ?? ''] : undefined;
  if (family) return product(family, path);
  const answer = routeSurface(sandbox, target, path, init, principal, grantedScopes, product);
  if (answer) return answer;
  throw new Error(`[sandbox] __forge_fetch__(${JSON.stringify(target)}, ${path}) is not emulated`);
}
