import { ScopeInspectorError } from '../../src/errors';
import type { AppManifest, ManifestModule } from '../app-manifest';

/** How to call a trigger module's function: the event Forge would send and who it runs as. */
export interface TriggerCall {
  module: ManifestModule;
  functionKey: string;
  event: Record<string, unknown>;
  /** Account the invocation runs for; null when Forge runs it without a user. */
  accountId: string | null;
}

const TRIGGER_TYPES = new Set(['trigger', 'scheduledTrigger', 'webtrigger', 'consumer']);

/**
 * Returns the call Forge makes for a trigger module: product events get `eventType` and the
 * caller's `atlassianId`; scheduled triggers and web triggers run without a user; web triggers get
 * `{ method, path, headers, queryParameters, body }` with multi-valued headers and parameters.
 */
export function triggerCall(manifest: AppManifest, moduleKey: string, input: Record<string, unknown>, cloudId: string): TriggerCall {
  const module = manifest.modules.find((m) => m.key === moduleKey && TRIGGER_TYPES.has(m.type));
  if (!module?.functionKey) {
    const known = manifest.modules.filter((m) => TRIGGER_TYPES.has(m.type)).map((m) => m.key).join(', ') || 'none';
    throw new ScopeInspectorError('SANDBOX_UNKNOWN_TRIGGER', `[trigger] ${moduleKey}: no trigger module with a function (known: ${known})`);
  }
  const context = { cloudId, moduleKey, installContext: `ari:cloud:jira::site/${cloudId}` };
  switch (module.type) {
    case 'trigger': {
      const events = (module.raw.events as string[] | undefined) ?? [];
      const event = { eventType: events[0], ...input, context };
      return { module, functionKey: module.functionKey, event, accountId: typeof input.atlassianId === 'string' ? input.atlassianId : null };
    }
    case 'webtrigger': {
      const multi = (o: unknown) => Object.fromEntries(Object.entries((o ?? {}) as Record<string, unknown>).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.map(String) : [String(v)]]));
      const event = {
        method: input.method ?? 'POST',
        path: input.path ?? '/',
        headers: multi(input.headers),
        queryParameters: multi(input.queryParameters),
        body: typeof input.body === 'string' || input.body === undefined ? input.body : JSON.stringify(input.body),
        context,
      };
      return { module, functionKey: module.functionKey, event, accountId: null };
    }
    case 'consumer': {
      // A queue consumer's function is a resolver: Forge calls its `method` with the pushed body as payload.
      const method = (module.raw.resolver as { method?: unknown } | undefined)?.method;
      if (typeof method !== 'string') return { module, functionKey: module.functionKey, event: { ...input, context }, accountId: null };
      const event = { call: { functionKey: method, payload: input.body ?? input, jobId: `sandbox-job-${Date.now()}` }, context };
      return { module, functionKey: module.functionKey, event, accountId: null };
    }
    default:
      return { module, functionKey: module.functionKey, event: { ...input, context }, accountId: null };
  }
}
