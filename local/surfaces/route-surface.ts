import type { Family } from '../../src/catalog/types';
import { withFaults } from '../faults';
import { jsonResponse } from '../product/gateway-responses';
import type { FetchTarget } from '../runtime/globals';
import type { Sandbox } from '../sandbox';
import { answerGraphql } from './graphql-stand-in';
import { platformRefusal, type OutsideRequest } from './remote-stand-in';

// `requestAtlassian(route`/ex/jira/{cloudId}/…`)` reaches a product through the gateway: answered by the product stand-in.
const PRODUCT_PATH = /^\/ex\/(jira|confluence|bitbucket)\/[^/]+(\/.*)$/;
const FAMILY: Record<string, Family> = { jira: 'requestJira', confluence: 'requestConfluence', bitbucket: 'requestBitbucket' };

/** The product route a `requestAtlassian` path reaches, if it is one. */
export function productRoute(path: string): { family: Family; path: string } | undefined {
  const m = PRODUCT_PATH.exec(path);
  return m ? { family: FAMILY[m[1]], path: m[2] } : undefined;
}

/** Calls the sandbox's responder for something outside Atlassian, under the `surface` faults. */
export function answerOutside(sandbox: Sandbox, request: OutsideRequest): Promise<Response> {
  return withFaults(sandbox.faults, 'surface', request.path, () => sandbox.outside(request));
}

/**
 * Answers a `__forge_fetch__` call to the platform's other targets, or returns undefined for
 * targets it does not know: `fpp` to `stargate` (`requestGraph`, `requestTeamworkGraph`,
 * `requestAtlassian`, `requestConnectedData`), `frc` (`invokeRemote`), `fcc` (`invokeService`),
 * `tpp` (`withProvider(…).fetch`). Unknown remote and service keys get the platform's refusal,
 * which `@forge/api` turns into `InvalidRemoteError` / `InvalidContainerServiceError`.
 */
export function routeSurface(
  sandbox: Sandbox,
  target: FetchTarget,
  path: string,
  init: RequestInit | undefined,
  principal: 'app' | 'user' | 'none',
  grantedScopes: readonly string[],
  product: (family: Family, path: string) => Promise<Response>,
): Promise<Response> | undefined {
  const method = (init?.method ?? 'GET').toUpperCase();
  if (target.type === 'fpp' && target.remote === 'stargate') {
    const bare = path.split('?')[0];
    if (bare === '/graphql' || bare === '/graphql/twg') {
      return withFaults(sandbox.faults, 'surface', path, () => answerGraphql({ path: bare, method, body: typeof init?.body === 'string' ? init.body : undefined, principal, grantedScopes }));
    }
    const routed = productRoute(path);
    if (routed) return product(routed.family, routed.path);
    // Atlassian documents no response for connected data; an empty answer keeps the call going.
    if (bare.startsWith('/connected-data/')) return withFaults(sandbox.faults, 'surface', path, () => jsonResponse(200, {}));
    return Promise.resolve(jsonResponse(404, { message: `[${method}] ${bare}: the sandbox's gateway stand-in knows no such path` }));
  }
  if (target.type === 'frc') {
    const remote = sandbox.manifest.remotes.find((r) => r.key === target.remote);
    if (!remote) return Promise.resolve(platformRefusal(400, 'INVALID_REMOTE'));
    return answerOutside(sandbox, { kind: 'remote', target: remote.key, method, path, ...(remote.baseUrl ? { baseUrl: remote.baseUrl } : {}) });
  }
  if (target.type === 'fcc') {
    if (!sandbox.manifest.services.includes(String(target.service))) return Promise.resolve(platformRefusal(400, 'INVALID_SERVICE_KEY'));
    return answerOutside(sandbox, { kind: 'service', target: String(target.service), method, path });
  }
  if (target.type === 'tpp') {
    const provider = sandbox.manifest.providers.find((p) => p.key === target.provider);
    const remote = sandbox.manifest.remotes.find((r) => r.key === target.remote);
    if (!provider || !remote || !provider.remotes.includes(remote.key)) return Promise.resolve(platformRefusal(400, 'INVALID_REMOTE'));
    if (!target.accountId) return Promise.resolve(platformRefusal(401, 'NEEDS_AUTHENTICATION_ERR'));
    return answerOutside(sandbox, { kind: 'provider', target: provider.key, method, path, ...(remote.baseUrl ? { baseUrl: remote.baseUrl } : {}) });
  }
  return undefined;
}
