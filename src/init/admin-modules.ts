import { getOperation, missingScopes, scopeProduct } from '../catalog';
import { ScopeInspectorError } from '../errors';
import type { ListAddition } from './manifest-edit';
import type { AdminProduct } from './templates';

/** Keys and paths of everything init adds to the manifest (all start with `scope-inspector`; Forge caps function and resource keys at 23 characters). */
export const KEYS = {
  resolverFunction: 'scope-inspector-admin',
  compactionFunction: 'scope-inspector-compact',
  compactionTrigger: 'scope-inspector-daily-compaction',
  resource: 'scope-inspector-page',
  /** Generated backend code, under src/. */
  backendDir: 'src/scope-inspector',
  /** The copied admin page build (a Forge resource must live inside the app). */
  resourceDir: 'static/scope-inspector',
  resourcePath: 'static/scope-inspector/build',
} as const;

/** The admin page module of each product: where admins find the page. */
export const ADMIN_MODULES: Record<AdminProduct, { type: string; key: string }> = {
  jira: { type: 'jira:adminPage', key: 'scope-inspector-admin-page' },
  confluence: { type: 'confluence:globalSettings', key: 'scope-inspector-settings' },
  bitbucket: { type: 'bitbucket:workspaceSettingsMenuPage', key: 'scope-inspector-workspace-settings' },
};

/** The operation each product's admin check calls (see templates.ts). */
const ADMIN_CHECK_OPERATION: Record<AdminProduct, string> = {
  jira: 'GET /rest/api/3/mypermissions',
  confluence: 'GET /wiki/rest/api/user/current',
  bitbucket: 'GET /2.0/user/workspaces/{workspace}/permission',
};

type Raw = Record<string, any>;

/**
 * Returns the products the app runs in, from its modules (`jira:*`, `confluence:*`,
 * `bitbucket:*`, Jira Service Management and Software modules count as Jira) and its product
 * trigger events (`avi:jira:...`); for an app of core modules only (web triggers, queues,
 * scheduled triggers), from the products of its declared scopes.
 */
export function productsOf(manifest: Raw): AdminProduct[] {
  const found = new Set<AdminProduct>();
  const note = (name: string) => {
    const prefix = name.toLowerCase().replace(/^avi:/, '').split(':')[0];
    if (prefix.startsWith('jira')) found.add('jira');
    else if (prefix === 'confluence') found.add('confluence');
    else if (prefix === 'bitbucket') found.add('bitbucket');
  };
  for (const [type, list] of Object.entries((manifest.modules ?? {}) as Raw)) {
    note(type);
    if (type === 'trigger' && Array.isArray(list)) for (const t of list) for (const e of Array.isArray(t?.events) ? t.events : []) note(String(e));
  }
  if (found.size === 0 && Array.isArray(manifest.permissions?.scopes)) {
    for (const scope of manifest.permissions.scopes) note(scopeProduct(String(scope)));
  }
  return (['jira', 'confluence', 'bitbucket'] as const).filter((p) => found.has(p));
}

/** Returns the scopes init must add: `storage:app` and what each admin check needs, unless already declared. */
export function scopesToAdd(declared: readonly string[], products: readonly AdminProduct[]): string[] {
  const have = new Set(declared);
  const add: string[] = [];
  const want = (scopes: string[]) => {
    for (const s of scopes) if (!have.has(s)) (have.add(s), add.push(s));
  };
  want(['storage:app']);
  for (const p of products) {
    const operation = getOperation(ADMIN_CHECK_OPERATION[p]);
    if (!operation) throw new ScopeInspectorError('INIT_INTERNAL', `the catalog lacks ${ADMIN_CHECK_OPERATION[p]}`);
    want(missingScopes(operation, have));
  }
  return add;
}

/** Returns what init adds to the manifest's lists, leaving out what is already there (by key). */
export function manifestAdditions(manifest: Raw, products: readonly AdminProduct[], handlerPath: string): ListAddition[] {
  const modules = (manifest.modules ?? {}) as Raw;
  const wanted: ListAddition[] = [
    ...products.map((p) => ({
      path: ['modules', ADMIN_MODULES[p].type],
      items: [{ key: ADMIN_MODULES[p].key, resource: KEYS.resource, resolver: { function: KEYS.resolverFunction }, title: 'Scope Inspector' }],
    })),
    { path: ['modules', 'scheduledTrigger'], items: [{ key: KEYS.compactionTrigger, function: KEYS.compactionFunction, interval: 'day' }] },
    {
      path: ['modules', 'function'],
      items: [
        { key: KEYS.resolverFunction, handler: `${handlerPath}.handler` },
        { key: KEYS.compactionFunction, handler: `${handlerPath}.compaction` },
      ],
    },
    { path: ['resources'], items: [{ key: KEYS.resource, path: KEYS.resourcePath }] },
  ];
  const existing = (path: string[]): Raw[] => {
    const list = path[0] === 'resources' ? manifest.resources : modules[path[1]];
    return Array.isArray(list) ? list : [];
  };
  // Forge module keys (functions included) share one namespace.
  const allKeys = new Set<string>();
  for (const list of Object.values(modules)) if (Array.isArray(list)) for (const m of list) if (m?.key) allKeys.add(String(m.key));
  const out: ListAddition[] = [];
  for (const a of wanted) {
    const items = a.items.filter((item) => {
      const same = existing(a.path).find((e) => e?.key === item.key);
      if (same) {
        // Already there from an earlier init; anything else under our key is a conflict.
        if (JSON.stringify(same) !== JSON.stringify(item)) {
          throw new ScopeInspectorError('INIT_KEY_CONFLICT', `manifest.yml: ${a.path.join('.')} already has an entry with key ${String(item.key)} that init did not write; rename it`);
        }
        return false;
      }
      if (a.path[0] === 'modules' && allKeys.has(String(item.key))) {
        throw new ScopeInspectorError('INIT_KEY_CONFLICT', `manifest.yml: a module with key ${String(item.key)} already exists; rename it`);
      }
      return true;
    });
    if (items.length) out.push({ path: a.path, items });
  }
  return out;
}
