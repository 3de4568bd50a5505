import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Scope requirements of a product event: all `current` (classic) scopes, or all `beta` (granular) ones. */
export interface EventScopes {
  current: string[];
  beta?: string[];
}

/** What `@forge/manifest` knows about scopes, read once from the JSON it ships. */
export interface ForgeKnowledge {
  /** Every valid scope (current and deprecated lists). */
  validScopes: ReadonlySet<string>;
  /** Scopes Atlassian lists as deprecated (still valid). */
  deprecatedScopes: ReadonlySet<string>;
  /** Product event (`avi:jira:created:issue`) → the scopes a trigger on it needs. */
  eventScopes: ReadonlyMap<string, EventScopes>;
  /** Module type (`bitbucket:mergeCheck`) → scopes it needs, all of them. */
  moduleScopes: ReadonlyMap<string, readonly string[]>;
  /** Rovo agent product context (`jira`) → the scopes an agent connector with it needs. */
  agentContextScopes: ReadonlyMap<string, EventScopes>;
  /** The scopes Forge remote tokens need: `appSystemToken` and `appUserToken` (@forge/manifest's REMOTE_AUTH_SCOPES). */
  remoteAuthScopes: { appSystemToken?: string; appUserToken?: string };
}

let cached: ForgeKnowledge | undefined;

/**
 * Returns the scope knowledge shipped in `@forge/manifest` (Node only). The package's `exports`
 * map hides these files, so they are located next to its entry point and read directly.
 */
export function loadForgeKnowledge(): ForgeKnowledge {
  if (cached) return cached;
  const out = dirname(require.resolve('@forge/manifest'));
  const json = <T>(rel: string): T => JSON.parse(readFileSync(join(out, rel), 'utf8')) as T;
  const valid = json<string[]>('scopes/shipyard-scopes.json');
  const deprecated = json<string[]>('scopes/deprecated-shipyard-scopes.json');
  const mapping = json<{ mapping: { productEvent: string; oAuthScopes: EventScopes }[] }>('mapping/product-event-to-scope-mapping.json');
  const agents = json<{ mapping: { productContext: string; oAuthScopes: EventScopes }[] }>('mapping/agent-product-context-to-scope-mapping.json');
  // Named by what each token is for, not by position in the list.
  // From the constants file, not the package index: the index loads the whole validator (undici,
  // Sentry, cheerio...), ~450 ms of CPU on every audit (bench/cli-start.ts).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const remote = (require(join(out, 'types/constants.js')) as { REMOTE_AUTH_SCOPES?: string[] }).REMOTE_AUTH_SCOPES ?? [];
  // Not re-exported from the package index; required by absolute path, which `exports` does not restrict.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const modules = require(join(out, 'mapping/module-to-scope-mapping.js')) as { MODULE_TO_SCOPES_MAPPING: Map<string, string[]> };
  cached = {
    validScopes: new Set([...valid, ...deprecated]),
    deprecatedScopes: new Set(deprecated),
    eventScopes: new Map(mapping.mapping.map((m) => [m.productEvent, m.oAuthScopes])),
    moduleScopes: new Map(modules.MODULE_TO_SCOPES_MAPPING),
    agentContextScopes: new Map(agents.mapping.map((m) => [m.productContext, m.oAuthScopes])),
    remoteAuthScopes: { appSystemToken: remote.find((s) => s.includes('system')), appUserToken: remote.find((s) => s.includes('user')) },
  };
  return cached;
}
