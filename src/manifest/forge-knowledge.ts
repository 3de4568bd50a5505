import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ScopeInspectorError } from '../errors';

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

/**
 * The files of `@forge/manifest` read, relative to its `out/` folder (where its entry point is).
 * Read one by one instead of loading the package: its index loads the whole validator (undici,
 * Sentry, cheerio...), ~450 ms of CPU on every audit (bench/cli-start.ts).
 */
export const FORGE_MANIFEST_FILES = {
  validScopes: 'scopes/shipyard-scopes.json',
  deprecatedScopes: 'scopes/deprecated-shipyard-scopes.json',
  eventMapping: 'mapping/product-event-to-scope-mapping.json',
  agentMapping: 'mapping/agent-product-context-to-scope-mapping.json',
  constants: 'types/constants.js',
  moduleMapping: 'mapping/module-to-scope-mapping.js',
} as const;

type Check = (value: unknown) => boolean;
const isStrings: Check = (v) => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isEventScopes: Check = (v) => v !== null && typeof v === 'object' && isStrings((v as EventScopes).current) && ((v as EventScopes).beta === undefined || isStrings((v as EventScopes).beta));
const isMapping = (key: string): Check => (v) =>
  Array.isArray((v as { mapping?: unknown })?.mapping) && (v as { mapping: Record<string, unknown>[] }).mapping.every((m) => typeof m?.[key] === 'string' && isEventScopes(m.oAuthScopes));

/**
 * Reads the scope knowledge of the `@forge/manifest` whose `out/` folder this is. Every file is
 * checked for the shape this code reads; a missing or changed one is a `FORGE_MANIFEST_LAYOUT`
 * error naming the package version, the file and what is wrong (never a silent empty list: a scope
 * list read as empty would turn needed scopes into unused ones).
 */
export function readForgeKnowledge(out: string): ForgeKnowledge {
  const layout = (file: string, problem: string, cause?: unknown): ScopeInspectorError =>
    new ScopeInspectorError(
      'FORGE_MANIFEST_LAYOUT',
      `@forge/manifest ${packageVersion(out)} (${out}): ${file} ${problem}. Scope Inspector reads its scope lists and mappings from these files (${Object.values(FORGE_MANIFEST_FILES).join(', ')}); install the @forge/manifest version package.json names, or report the new layout`,
      { cause },
    );
  const load = (file: string): unknown => {
    try {
      // JSON by reading, JS by requiring (absolute paths: the package's `exports` map does not restrict them).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return file.endsWith('.json') ? JSON.parse(readFileSync(join(out, file), 'utf8')) : require(join(out, file));
    } catch (error) {
      // MODULE_NOT_FOUND may be about something the file itself requires.
      const missing = !existsSync(join(out, file));
      throw layout(file, missing ? 'does not exist' : `cannot be loaded (${(error as Error).message.split('\n')[0]})`, error);
    }
  };
  const read = <T>(file: string, check: Check, what: string, pick: (v: any) => unknown = (v) => v): T => {
    const value = pick(load(file));
    if (!check(value)) throw layout(file, `does not hold ${what}`);
    return value as T;
  };
  const F = FORGE_MANIFEST_FILES;
  const valid = read<string[]>(F.validScopes, (v) => isStrings(v) && (v as string[]).length > 0, 'a non-empty list of scope names');
  const deprecated = read<string[]>(F.deprecatedScopes, isStrings, 'a list of scope names');
  const events = read<{ mapping: { productEvent: string; oAuthScopes: EventScopes }[] }>(F.eventMapping, isMapping('productEvent'), '{ mapping: [{ productEvent, oAuthScopes: { current, beta } }] }');
  const agents = read<{ mapping: { productContext: string; oAuthScopes: EventScopes }[] }>(F.agentMapping, isMapping('productContext'), '{ mapping: [{ productContext, oAuthScopes: { current, beta } }] }');
  const remote = read<string[]>(F.constants, (v) => isStrings(v) && (v as string[]).some((s) => s.includes('system')) && (v as string[]).some((s) => s.includes('user')), 'REMOTE_AUTH_SCOPES with the app-system and app-user token scopes', (m) => m?.REMOTE_AUTH_SCOPES);
  const modules = read<Map<string, string[]>>(F.moduleMapping, (v) => v instanceof Map && [...v].every(([k, s]) => typeof k === 'string' && isStrings(s)), 'MODULE_TO_SCOPES_MAPPING, a Map of module type to scopes', (m) => m?.MODULE_TO_SCOPES_MAPPING);
  return {
    validScopes: new Set([...valid, ...deprecated]),
    deprecatedScopes: new Set(deprecated),
    eventScopes: new Map(events.mapping.map((m) => [m.productEvent, m.oAuthScopes])),
    moduleScopes: new Map(modules),
    agentContextScopes: new Map(agents.mapping.map((m) => [m.productContext, m.oAuthScopes])),
    // Named by what each token is for, not by position in the list.
    remoteAuthScopes: { appSystemToken: remote.find((s) => s.includes('system')), appUserToken: remote.find((s) => s.includes('user')) },
  };
}

/** Returns the version of the package whose `out/` folder this is, for messages. */
function packageVersion(out: string): string {
  try {
    return String((JSON.parse(readFileSync(join(out, '..', 'package.json'), 'utf8')) as { version?: unknown }).version ?? '(unknown version)');
  } catch {
    return '(unknown version)';
  }
}

let cached: ForgeKnowledge | undefined;

/**
 * Returns the scope knowledge shipped in the installed `@forge/manifest` (Node only), read once.
 * The package's `exports` map hides these files, so they are located next to its entry point.
 */
export function loadForgeKnowledge(): ForgeKnowledge {
  return (cached ??= readForgeKnowledge(dirname(require.resolve('@forge/manifest'))));
}
