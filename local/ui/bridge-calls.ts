import { ScopeInspectorError } from '../../src/errors';
import type { ManifestModule } from '../app-manifest';
import { routeFetch } from '../platform-fetch';
import { currentInvocation, type FetchTarget } from '../runtime/globals';
import type { Sandbox } from '../sandbox';
import type { PageSettings } from './bridge-client';
import { pageContext } from './page-context';

type Payload = Record<string, any> | undefined;

/** The answer to what `@forge/bridge`'s fetch helpers expect from `callBridge('fetchProduct')`. */
async function fetchProduct(sandbox: Sandbox, settings: PageSettings, payload: Payload) {
  const init = payload?.fetchRequestInit ?? {};
  const response = await fetchAsPage(
    sandbox,
    settings,
    { type: 'fpp', provider: 'user', remote: String(payload?.product), accountId: settings.accountId },
    String(payload?.restPath),
    { method: init.method ?? 'GET', headers: init.headers ?? [], body: init.body ?? undefined },
  );
  return fetchAnswer(response);
}

/** Returns a response in the shape `@forge/bridge`'s fetch helpers rebuild a `Response` from. */
async function fetchAnswer(response: Response) {
  return { status: response.status, statusText: response.statusText, headers: Object.fromEntries(response.headers.entries()), body: await response.text(), isAttachment: false };
}

/** Returns the answer of a `__forge_fetch__` made for the page's user, as one invocation of the module. */
function fetchAsPage(sandbox: Sandbox, settings: PageSettings, target: FetchTarget, path: string, init: RequestInit): Promise<Response> {
  return sandbox.run(() => routeFetch(sandbox, target, path, init, currentInvocation()), { accountId: settings.accountId, admin: settings.admin });
}

/** The remote a module's `resolver.endpoint` names (what the bridge's `invokeRemote` reaches). */
function endpointRemote(sandbox: Sandbox, module: ManifestModule): string | undefined {
  const endpointKey = (module.raw.resolver as { endpoint?: unknown } | undefined)?.endpoint;
  const endpoint = sandbox.manifest.modules.find((m) => m.type === 'endpoint' && m.key === endpointKey);
  return typeof endpoint?.raw.remote === 'string' ? endpoint.raw.remote : undefined;
}

/**
 * The bridge's `invokeRemote` / `invokeService` (`callBridge('invoke', { invokeType, path, method, … })`):
 * the module's endpoint remote, answered as `{ success, payload: { status, headers, body } }`.
 */
async function invokeEndpoint(sandbox: Sandbox, module: ManifestModule, settings: PageSettings, payload: Payload) {
  const service = payload?.invokeType === 'ui-container-fetch';
  const key = service ? String((module.raw.resolver as { endpoint?: unknown } | undefined)?.endpoint ?? '') : endpointRemote(sandbox, module);
  if (!key) throw new ScopeInspectorError('SANDBOX_NO_ENDPOINT', `[bridge] invoke${service ? 'Service' : 'Remote'}: module ${module.key} has no resolver endpoint`);
  const body = payload?.body === undefined ? undefined : JSON.stringify(payload.body);
  const response = await fetchAsPage(sandbox, settings, service ? { type: 'fcc', service: key } : { type: 'frc', remote: key }, String(payload?.path ?? '/'), { method: payload?.method ?? 'GET', headers: payload?.headers ?? {}, body });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = { text };
  }
  const answer = { status: response.status, headers: Object.fromEntries([...response.headers.entries()].map(([k, v]) => [k, [v]])), body: parsed };
  return response.ok ? { success: true, payload: answer } : { success: false, error: answer };
}

/** The bridge's `requestRemote(remoteKey, { path, … })` (`callBridge('fetchRemote')`), answered like `fetchProduct`. */
async function fetchRemote(sandbox: Sandbox, settings: PageSettings, payload: Payload) {
  const init = payload?.fetchRequestInit ?? {};
  const response = await fetchAsPage(sandbox, settings, { type: 'frc', remote: String(payload?.remoteKey) }, String(init.path ?? '/'), { method: init.method ?? 'GET', headers: init.headers ?? [], body: init.body ?? undefined });
  return fetchAnswer(response);
}

/** The bridge's `requestTeamworkGraph(query, variables)`: the GraphQL stand-in's answer body, as the user. */
async function requestTeamworkGraph(sandbox: Sandbox, settings: PageSettings, payload: Payload) {
  const response = await fetchAsPage(sandbox, settings, { type: 'fpp', provider: 'user', remote: 'stargate' }, '/graphql/twg', { method: 'POST', body: JSON.stringify({ query: payload?.query, variables: payload?.variables }) });
  return response.json();
}

/** Answers one `callBridge(name, payload)` from a Custom UI page; unknown names fail loudly with the name. */
export async function answerBridgeCall(sandbox: Sandbox, module: ManifestModule, settings: PageSettings, name: string, payload: Payload): Promise<unknown> {
  switch (name) {
    case 'getContext':
      return pageContext(sandbox, module, settings);
    case 'invoke': {
      if (payload?.invokeType === 'ui-remote-fetch' || payload?.invokeType === 'ui-container-fetch') return invokeEndpoint(sandbox, module, settings, payload);
      if (!module.functionKey) {
        throw new ScopeInspectorError('SANDBOX_NO_RESOLVER', `[bridge] invoke('${payload?.functionKey}'): module ${module.key} has no resolver`);
      }
      const body = await sandbox.invokeResolver(module.functionKey, String(payload?.functionKey), payload?.payload ?? {}, {
        moduleKey: module.key,
        accountId: settings.accountId,
        admin: settings.admin,
        context: pageContext(sandbox, module, settings),
      });
      // With `metadata`, Forge wraps the answer as { body, metadata } (@forge/bridge types.d.ts).
      if (!payload?.metadata) return body;
      const rateLimit = payload.metadata.rateLimitProperties ? { rateLimitProperties: { rateLimitLimit: 500, rateLimitRemaining: 499, rateLimitReset: 25 } } : {};
      return { body, metadata: rateLimit };
    }
    case 'fetchProduct':
      return fetchProduct(sandbox, settings, payload);
    case 'fetchRemote':
      return fetchRemote(sandbox, settings, payload);
    case 'requestTeamworkGraph':
      return requestTeamworkGraph(sandbox, settings, payload);
    case 'enableTheming':
      // view.theme.enable(): Forge starts sending theme changes; the sandbox's theme never changes.
      return undefined;
    default:
      throw new ScopeInspectorError('SANDBOX_BRIDGE_NOT_IMPLEMENTED', `[bridge] callBridge('${name}') is not implemented by the sandbox's Custom UI host`);
  }
}
