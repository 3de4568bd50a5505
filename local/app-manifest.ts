import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parse } from 'yaml';
import { ScopeInspectorError } from '../src/errors';

/** A `function:` entry of manifest.yml. */
export interface ManifestFunction {
  key: string;
  /** `file.export`, the file relative to the app's `src/` folder. */
  handler: string;
  timeoutSeconds?: number;
}

/** A `resources:` entry: a folder of static files served to a Custom UI module. */
export interface ManifestResource {
  key: string;
  path: string;
}

/** A module of any type, with the fields the sandbox uses. */
export interface ManifestModule {
  /** Module type, e.g. `jira:adminPage`. */
  type: string;
  key: string;
  resource?: string;
  /** Function key of the module's resolver, or of the module itself (triggers, web triggers). */
  functionKey?: string;
  title?: string;
  raw: Record<string, unknown>;
}

/** One `app.storage.entities` entry: a custom entity and its indexes. */
export interface EntityDefinition {
  name: string;
  attributes: Record<string, { type: 'string' | 'boolean' | 'float' | 'integer' | 'any' }>;
  indexes: Array<{ name: string; range: string[]; partition: string[] }>;
}

/** A `remotes:` entry: a backend the app reaches with `invokeRemote`, `requestRemote` or a provider. */
export interface ManifestRemote {
  key: string;
  baseUrl?: string;
}

/** A `providers.auth` entry: an external-auth provider and the remotes its `fetch` may call. */
export interface ManifestProvider {
  key: string;
  remotes: string[];
  scopes: string[];
}

/** The parts of manifest.yml the sandbox needs. */
export interface AppManifest {
  path?: string;
  /** Folder holding manifest.yml; handlers resolve against its `src/`. */
  appDir: string;
  appId: string;
  scopes: string[];
  functions: ManifestFunction[];
  resources: ManifestResource[];
  modules: ManifestModule[];
  entities: EntityDefinition[];
  /** `permissions.content`: relaxations of Custom UI's content security policy (`unsafe-inline`, ...). */
  content: { scripts: string[]; styles: string[] };
  remotes: ManifestRemote[];
  providers: ManifestProvider[];
  /** `services:` keys (Forge containers, reached with `invokeService`). */
  services: string[];
  /** `permissions.external` by kind (`fetch.backend`, `fetch.client`, `images`, ...): addresses, `remote:` entries resolved to the remote's base URL. */
  external: Record<string, string[]>;
}

/** Returns `permissions.external` flattened by kind, each `remote: key` entry replaced by that remote's base URL. */
function readExternal(permissions: Raw, remotes: ManifestRemote[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const address = (entry: unknown): string | undefined => {
    if (typeof entry === 'string') return entry;
    const e = (entry ?? {}) as Raw;
    if (typeof e.address === 'string') return e.address;
    return typeof e.remote === 'string' ? remotes.find((r) => r.key === e.remote)?.baseUrl : undefined;
  };
  for (const [kind, value] of Object.entries((permissions.external ?? {}) as Raw)) {
    const lists = Array.isArray(value) ? { [kind]: value } : Object.fromEntries(Object.entries((value ?? {}) as Raw).map(([sub, list]) => [`${kind}.${sub}`, list]));
    for (const [name, list] of Object.entries(lists)) out[name] = (Array.isArray(list) ? list : []).map(address).filter((a): a is string => a !== undefined);
  }
  return out;
}

type Raw = Record<string, unknown>;
const asArray = (v: unknown): Raw[] => (Array.isArray(v) ? (v as Raw[]) : []);

function readEntities(app: Raw): EntityDefinition[] {
  const storage = (app.storage ?? {}) as Raw;
  return asArray(storage.entities).map((e) => ({
    name: String(e.name),
    attributes: (e.attributes ?? {}) as EntityDefinition['attributes'],
    indexes: asArray(e.indexes).map((ix) =>
      typeof ix === 'string'
        ? { name: ix, range: [ix], partition: [] }
        : { name: String(ix.name), range: (ix.range as string[]) ?? [], partition: (ix.partition as string[]) ?? [] },
    ),
  }));
}

function readModules(modules: Raw): ManifestModule[] {
  const out: ManifestModule[] = [];
  for (const [type, list] of Object.entries(modules)) {
    if (type === 'function') continue;
    for (const m of asArray(list)) {
      const resolver = m.resolver as Raw | undefined;
      out.push({
        type,
        key: String(m.key),
        resource: typeof m.resource === 'string' ? m.resource : undefined,
        functionKey: (resolver?.function as string | undefined) ?? (typeof m.function === 'string' ? m.function : undefined),
        title: typeof m.title === 'string' ? m.title : undefined,
        raw: m,
      });
    }
  }
  return out;
}

/** Returns the sandbox's view of a parsed manifest document. */
export function manifestFromObject(doc: Raw, appDir: string, path?: string): AppManifest {
  const app = (doc.app ?? {}) as Raw;
  const modules = (doc.modules ?? {}) as Raw;
  const permissions = (doc.permissions ?? {}) as Raw;
  const remotes = asArray(doc.remotes).map((r) => ({ key: String(r.key), ...(typeof r.baseUrl === 'string' ? { baseUrl: r.baseUrl } : {}) }));
  return {
    path,
    appDir,
    appId: String(app.id ?? 'ari:cloud:ecosystem::app/00000000-0000-4000-8000-000000000000').replace(/^.*app\//, ''),
    scopes: (Array.isArray(permissions.scopes) ? permissions.scopes : []).map(String),
    functions: asArray(modules.function).map((f) => ({
      key: String(f.key),
      handler: String(f.handler),
      timeoutSeconds: typeof f.timeoutSeconds === 'number' ? f.timeoutSeconds : undefined,
    })),
    resources: asArray(doc.resources).map((r) => ({ key: String(r.key), path: String(r.path) })),
    modules: readModules(modules),
    entities: readEntities(app),
    content: {
      scripts: (((permissions.content ?? {}) as Raw).scripts as string[] | undefined) ?? [],
      styles: (((permissions.content ?? {}) as Raw).styles as string[] | undefined) ?? [],
    },
    remotes,
    providers: asArray(((doc.providers ?? {}) as Raw).auth).map((p) => ({
      key: String(p.key),
      remotes: asArray(p.remotes as unknown).map((r) => String((r as unknown as { remote?: unknown }).remote ?? r)),
      scopes: (Array.isArray(p.scopes) ? p.scopes : []).map(String),
    })),
    services: asArray(doc.services).map((sv) => String(sv.key)),
    external: readExternal(permissions, remotes),
  };
}

/** Reads manifest.yml; throws `MANIFEST_UNREADABLE` with the path when it cannot. */
export function loadManifest(path: string): AppManifest {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new ScopeInspectorError('MANIFEST_UNREADABLE', `Cannot read manifest ${path}`, { cause });
  }
  const doc = parse(text) as Raw | null;
  return manifestFromObject(doc ?? {}, dirname(path), path);
}
