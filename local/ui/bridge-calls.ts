import { ScopeInspectorError } from '../../src/errors';
import type { ManifestModule } from '../app-manifest';
import { routeFetch } from '../platform-fetch';
import { currentInvocation } from '../runtime/globals';
import type { Sandbox } from '../sandbox';
import type { PageSettings } from './bridge-client';
import { pageContext } from './page-context';

type Payload = Record<string, any> | undefined;

/** The answer to what `@forge/bridge`'s fetch helpers expect from `callBridge('fetchProduct')`. */
async function fetchProduct(sandbox: Sandbox, settings: PageSettings, payload: Payload) {
  const init = payload?.fetchRequestInit ?? {};
  const response = await sandbox.run(
    () =>
      routeFetch(
        sandbox,
        { type: 'fpp', provider: 'user', remote: String(payload?.product), accountId: settings.accountId },
        String(payload?.restPath),
        { method: init.method ?? 'GET', headers: init.headers ?? [], body: init.body ?? undefined },
        currentInvocation(),
      ),
    { accountId: settings.accountId, admin: settings.admin },
  );
  return {
    status: response.status,
    statusText: response.statusText,
    headers: Object.fromEntries(response.headers.entries()),
    body: await response.text(),
    isAttachment: false,
  };
}

/** Answers one `callBridge(name, payload)` from a Custom UI page; unknown names fail loudly with the name. */
export async function answerBridgeCall(sandbox: Sandbox, module: ManifestModule, settings: PageSettings, name: string, payload: Payload): Promise<unknown> {
  switch (name) {
    case 'getContext':
      return pageContext(sandbox, module, settings);
    case 'invoke': {
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
    case 'enableTheming':
      // view.theme.enable(): Forge starts sending theme changes; the sandbox's theme never changes.
      return undefined;
    default:
      throw new ScopeInspectorError('SANDBOX_BRIDGE_NOT_IMPLEMENTED', `[bridge] callBridge('${name}') is not implemented by the sandbox's Custom UI host`);
  }
}
