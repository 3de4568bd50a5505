import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';
import { ScopeInspectorError } from '../errors';
import { parseManifest } from '../manifest/parse-manifest';
import type { ManifestPosition } from '../manifest/types';
import { canonicalJson, emptyManifest, type DeclaredManifest } from './declared-manifest';
import { contentPath, entryPath, externalPath, LICENSING_PATH, modulePath, providerPath, remotePath, SCOPES_PATH } from './change-paths';

/** A manifest's declared facts plus where each one is written (change path → position), for reports that point at lines. */
export interface ManifestFacts {
  file: string;
  declared: DeclaredManifest;
  positions: Record<string, ManifestPosition>;
}

/** `permissions` keys compared entry by entry; any other key is compared whole as a setting. */
const PERMISSION_LISTS = new Set(['scopes', 'external', 'content']);

/** Returns the canonical form of a `permissions.external` entry: the string, or the object as canonical JSON. */
function externalEntry(value: unknown): string {
  return typeof value === 'string' ? value : canonicalJson(value);
}

/**
 * Reads the facts of `manifest.yml` that decide whether a deploy needs admin approval, with line
 * numbers (yaml Document API). Scopes and modules come from `parseManifest`; permissions.external,
 * content, remotes, providers and licensing are read here. Throws ScopeInspectorError naming
 * file:line and the field when YAML is malformed or a field has the wrong shape.
 */
export function readManifestFacts(text: string, file: string): ManifestFacts {
  const info = parseManifest(text, file);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const positions: Record<string, ManifestPosition> = {};
  const at = (node: unknown): ManifestPosition => {
    const range = (node as YamlNode | undefined)?.range;
    const { line, col } = lineCounter.linePos(range ? range[0] : 0);
    return { line, column: col };
  };
  const fail = (node: unknown, field: string, expected: string): never => {
    const { line, column } = at(node);
    throw new ScopeInspectorError('INVALID_MANIFEST', `${file}:${line}:${column}: ${field} must be ${expected}`);
  };
  const root = doc.contents;
  if (!isMap(root)) fail(root, 'the manifest', 'a YAML mapping (app, modules, permissions…)');
  const top = root as YAMLMap;
  const keyNode = (map: YAMLMap, key: string) => map.items.find((p) => isScalar(p.key) && p.key.value === key)?.key;

  const declared = emptyManifest();
  // Top-level keys locate removals whose own entry no longer exists (a removed module, remote, provider).
  for (const pair of top.items) if (isScalar(pair.key)) positions[String(pair.key.value)] = at(pair.key);
  positions[SCOPES_PATH] = info.scopesAt;
  for (const s of info.scopes) {
    if (!declared.scopes.includes(s.name)) declared.scopes.push(s.name);
    positions[entryPath(SCOPES_PATH, s.name)] = { line: s.line, column: s.column };
  }
  for (const m of info.modules) {
    declared.modules.push({ type: m.type, key: m.key });
    positions[modulePath(m)] = { line: m.line, column: m.column };
  }

  const permissions = top.get('permissions', true);
  if (permissions !== undefined && permissions !== null && !isMap(permissions)) fail(permissions, 'permissions', 'a mapping');
  if (isMap(permissions)) {
    for (const pair of permissions.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!PERMISSION_LISTS.has(name)) declared.settings[`permissions.${name}`] = canonicalJson((pair.value as YamlNode | null)?.toJSON?.() ?? pair.value);
    }
    const external = permissions.get('external', true);
    if (external != null && !isMap(external)) fail(external, 'permissions.external', 'a mapping of resource types (fetch, images, scripts, …)');
    if (isMap(external)) {
      positions[externalPath('')] = at(keyNode(permissions, 'external'));
      const readList = (list: string, node: unknown) => {
        const path = externalPath(list);
        if (node == null || (isScalar(node) && node.value === null)) return void (declared.external[list] = []); // `images:` left empty
        if (!isSeq(node)) fail(node, path, 'a list of domains');
        positions[path] = at(node);
        const entries = (node as { items: unknown[] }).items;
        declared.external[list] = entries.map((e) => {
          const value = externalEntry((e as YamlNode).toJSON?.() ?? e);
          positions[entryPath(path, value)] = at(e);
          return value;
        });
      };
      for (const pair of external.items) {
        const type = isScalar(pair.key) ? String(pair.key.value) : '';
        if (type === 'fetch' && isMap(pair.value)) {
          for (const f of pair.value.items) readList(`fetch.${isScalar(f.key) ? String(f.key.value) : ''}`, f.value);
        } else if (isMap(pair.value)) declared.settings[externalPath(type)] = canonicalJson(pair.value.toJSON()); // options such as `configurable`
        else readList(type, pair.value);
      }
    }
    const content = permissions.get('content', true);
    if (content != null && !isMap(content)) fail(content, 'permissions.content', 'a mapping (scripts, styles)');
    if (isMap(content)) {
      positions[contentPath('')] = at(keyNode(permissions, 'content'));
      for (const pair of content.items) {
        const list = isScalar(pair.key) ? String(pair.key.value) : '';
        const path = contentPath(list);
        if (isScalar(pair.value) && pair.value.value === null) continue;
        if (!isSeq(pair.value) || !pair.value.items.every((t) => isScalar(t) && typeof t.value === 'string')) fail(pair.value, path, 'a list of CSP keywords');
        positions[path] = at(pair.key);
        declared.content[list] = (pair.value as { items: { value: string }[] }).items.map((t) => t.value);
      }
    }
  }

  const keyedList = (node: unknown, field: string, idField: string): YAMLMap[] => {
    if (node == null) return [];
    if (!isSeq(node)) fail(node, field, 'a list');
    return (node as { items: unknown[] }).items.map((item, i) => {
      if (!isMap(item)) return fail(item, `${field}[${i}]`, 'a mapping');
      const key = item.get('key', true);
      if (!isScalar(key) || typeof key.value !== 'string' || !key.value) fail(key ?? item, `${field}[${i}].key`, 'a non-empty string');
      const id = item.get(idField, true);
      if (id != null && !(isScalar(id) && typeof id.value === 'string') && !(idField === 'baseUrl' && isMap(id))) fail(id, `${field}[${i}].${idField}`, 'a string');
      return item;
    });
  };
  const rest = (item: YAMLMap, omit: string[]) => canonicalJson(Object.fromEntries(Object.entries(item.toJSON() as Record<string, unknown>).filter(([k]) => !omit.includes(k))));

  for (const item of keyedList(top.get('remotes', true), 'remotes', 'baseUrl')) {
    const key = String(item.get('key'));
    const baseUrl = item.get('baseUrl', true);
    const path = remotePath(key);
    positions[path] = at(item.get('key', true));
    if (baseUrl != null) positions[`${path}.baseUrl`] = at(baseUrl);
    declared.remotes.push({ key, baseUrl: baseUrl == null ? null : isMap(baseUrl) ? canonicalJson(baseUrl.toJSON()) : String((baseUrl as { value: string }).value), settings: rest(item, ['key', 'baseUrl']) });
  }

  const providers = top.get('providers', true);
  if (providers != null && !isMap(providers)) fail(providers, 'providers', 'a mapping with an auth list');
  for (const item of keyedList(isMap(providers) ? providers.get('auth', true) : undefined, 'providers.auth', 'clientId')) {
    const key = String(item.get('key'));
    const clientId = item.get('clientId', true);
    const path = providerPath(key);
    positions[path] = at(item.get('key', true));
    if (clientId != null) positions[`${path}.clientId`] = at(clientId);
    declared.providers.push({ key, clientId: clientId == null ? null : String((clientId as { value: string }).value), settings: rest(item, ['key', 'clientId']) });
  }

  const app = top.get('app', true);
  const licensing = isMap(app) ? app.get('licensing', true) : undefined;
  if (licensing != null) {
    if (!isMap(licensing)) return fail(licensing, 'app.licensing', 'a mapping (enabled: true|false)');
    const lic = licensing;
    const enabled = lic.get('enabled', true);
    if (enabled != null && !(isScalar(enabled) && typeof enabled.value === 'boolean')) fail(enabled, LICENSING_PATH, 'true or false');
    declared.licensing = isScalar(enabled) && enabled.value === true;
    positions[LICENSING_PATH] = at(enabled ?? lic);
    const other = rest(lic, ['enabled']);
    if (other !== '{}') declared.settings['app.licensing'] = other;
  }

  const connectModules = top.get('connectModules', true);
  if (isMap(connectModules)) {
    for (const pair of connectModules.items) {
      const type = `connectModules.${isScalar(pair.key) ? String(pair.key.value) : ''}`;
      for (const m of isSeq(pair.value) ? pair.value.items : []) {
        const key = isMap(m) ? m.get('key') : undefined;
        if (typeof key !== 'string') continue;
        declared.modules.push({ type, key });
        positions[modulePath({ type, key })] = at((m as YAMLMap).get('key', true));
      }
    }
  }
  return { file, declared, positions };
}
