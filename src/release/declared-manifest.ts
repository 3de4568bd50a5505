import { ScopeInspectorError } from '../errors';

/** A remote (`remotes[]`) as far as versioning cares: its key, its base URL, the rest as canonical JSON. */
export interface DeclaredRemote {
  key: string;
  /** `baseUrl` as written, or a canonical `{"default":…,"EU":…}` JSON for region-specific URLs; null when absent. */
  baseUrl: string | null;
  /** Every other field (`operations`, `auth`, `storage`, …) as canonical JSON. */
  settings: string;
}

/** An authentication provider (`providers.auth[]`): its key, client id, the rest as canonical JSON. */
export interface DeclaredProvider {
  key: string;
  clientId: string | null;
  settings: string;
}

/**
 * The facts of a manifest that decide whether a deploy needs every site admin's approval (a
 * major version): permissions, remotes, providers, licensing and modules. Line-free plain data,
 * so a baseline can carry it and two of them can be compared without the YAML.
 */
export interface DeclaredManifest {
  /** `permissions.scopes`. */
  scopes: string[];
  /** `permissions.external`: entry list (`fetch.backend`, `fetch.client`, `images`, …) → canonical entries. */
  external: Record<string, string[]>;
  /** `permissions.content`: `scripts`, `styles` → CSP tokens. */
  content: Record<string, string[]>;
  remotes: DeclaredRemote[];
  providers: DeclaredProvider[];
  /** `app.licensing.enabled` (absent means off). */
  licensing: boolean;
  /** `modules.<type>[]` and `connectModules.<type>[]` entries, as `type` + `key`. */
  modules: { type: string; key: string }[];
  /** Other settings that may bear on permissions (`permissions.enforcement`, `external.configurable`, `app.licensing.*`…): path → canonical JSON. */
  settings: Record<string, string>;
}

/** Returns a manifest that declares nothing (fresh lists each call): the neutral start for building one in code. */
export function emptyManifest(): DeclaredManifest {
  return { scopes: [], external: {}, content: {}, remotes: [], providers: [], licensing: false, modules: [], settings: {} };
}

/** Returns JSON with object keys sorted, so equal settings written in another order compare equal. */
export function canonicalJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])]));
    return v;
  };
  return JSON.stringify(sort(value ?? null));
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isStringMap = (v: unknown): v is Record<string, string> => Boolean(v) && typeof v === 'object' && !Array.isArray(v) && Object.values(v as object).every((x) => typeof x === 'string');
const isKeyed = (nullable: string) => (x: unknown) => {
  const o = x as Record<string, unknown>;
  return Boolean(o) && typeof o.key === 'string' && (o[nullable] === null || typeof o[nullable] === 'string') && typeof o.settings === 'string';
};

/** Validates a declared manifest read from JSON (a baseline's `manifest`), naming the file and field on error. */
export function parseDeclaredManifest(value: unknown, where: string): DeclaredManifest {
  const fail = (field: string, expected: string): never => {
    throw new ScopeInspectorError('INVALID_BASELINE', `${where}: field "${field}" must be ${expected}`);
  };
  const v = value as Record<string, unknown>;
  if (!v || typeof v !== 'object' || Array.isArray(v)) fail('manifest', 'an object');
  if (!isStringList(v.scopes)) fail('manifest.scopes', 'a list of strings');
  for (const field of ['external', 'content'] as const) {
    const map = v[field] as Record<string, unknown>;
    if (!map || typeof map !== 'object' || Array.isArray(map) || !Object.values(map).every(isStringList)) fail(`manifest.${field}`, 'an object of string lists');
  }
  if (!Array.isArray(v.remotes) || !v.remotes.every(isKeyed('baseUrl'))) fail('manifest.remotes', 'a list of { key, baseUrl, settings }');
  if (!Array.isArray(v.providers) || !v.providers.every(isKeyed('clientId'))) fail('manifest.providers', 'a list of { key, clientId, settings }');
  if (typeof v.licensing !== 'boolean') fail('manifest.licensing', 'true or false');
  if (!Array.isArray(v.modules) || !v.modules.every((m) => typeof m?.type === 'string' && typeof m?.key === 'string')) fail('manifest.modules', 'a list of { type, key }');
  if (!isStringMap(v.settings)) fail('manifest.settings', 'an object of strings');
  return v as unknown as DeclaredManifest;
}
