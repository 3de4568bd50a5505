import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';
import { ScopeInspectorError } from '../errors';
import type { ManifestInfo, ManifestPosition, RemoteAuth } from './types';
import { validateManifest } from './validate-manifest';

/**
 * Parses `manifest.yml` text; throws ScopeInspectorError naming file:line:col: `MANIFEST_PARSE` on
 * malformed YAML, `MANIFEST_SHAPE` on a field of the wrong type (`validateManifest`).
 */
export function parseManifest(text: string, file = 'manifest.yml'): ManifestInfo {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const { line, col } = lineCounter.linePos(e.pos[0]);
    // yaml reports its own stack overflow as an error: say what it means for a manifest.
    const message = /Maximum call stack/.test(e.message) ? 'nested too deeply' : e.message.split('\n')[0];
    throw new ScopeInspectorError('MANIFEST_PARSE', `${file}:${line}:${col}: ${message}`, { cause: e });
  }
  validateManifest(doc, lineCounter, file);
  const pos = (n: unknown): ManifestPosition => {
    const range = (n as YamlNode | undefined)?.range;
    const { line, col } = lineCounter.linePos(range ? range[0] : 0);
    return { line, column: col };
  };
  const root = doc.contents;
  const info: ManifestInfo = { file, app: {}, scopes: [], scopesAt: pos(root), modules: [], functions: [], triggerEvents: [], scheduledTriggers: [], resources: [], remotes: [] };
  if (!isMap(root)) return info;

  const str = (m: unknown, key: string): string | undefined => {
    const v = isMap(m) ? m.get(key, true) : undefined;
    return isScalar(v) && v.value !== null && v.value !== undefined ? String(v.value) : undefined;
  };
  const app = root.get('app', true);
  info.app = { id: str(app, 'id'), runtime: isMap(app) ? str(app.get('runtime', true), 'name') : undefined };
  // `app.package.path`: where handlers live when the app bundles itself (else `src/`).
  const packagePath = isMap(app) ? str(app.get('package', true), 'path') : undefined;
  if (packagePath !== undefined) info.app.packagePath = packagePath;

  const permissions = root.get('permissions', true);
  if (isMap(permissions)) {
    info.scopesAt = pos(permissions);
    const scopesPair = permissions.items.find((p) => isScalar(p.key) && p.key.value === 'scopes');
    if (scopesPair) info.scopesAt = pos(scopesPair.key);
    const scopes = permissions.get('scopes', true);
    // Scopes are a list; older manifests also wrote them as a map keyed by scope.
    if (isSeq(scopes)) for (const s of scopes.items) { if (isScalar(s) && typeof s.value === 'string') info.scopes.push({ name: s.value, ...pos(s) }); }
    else if (isMap(scopes)) for (const p of scopes.items) { if (isScalar(p.key)) info.scopes.push({ name: String(p.key.value), ...pos(p.key) }); }
    const external = permissions.get('external', true);
    if (isMap(external)) info.external = external.toJSON() as Record<string, unknown>;
  }

  const modules = root.get('modules', true);
  if (isMap(modules)) {
    for (const pair of modules.items) {
      const type = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!isSeq(pair.value)) continue;
      for (const m of pair.value.items) {
        if (!isMap(m)) continue;
        const key = str(m, 'key') ?? '';
        const at = pos(m.get('key', true) ?? m);
        const resolver = m.get('resolver', true);
        const contexts = m.get('productContexts', true);
        info.modules.push({
          type,
          key,
          ...at,
          ...opt('function', str(m, 'function')),
          ...opt('resolver', str(resolver, 'function') ?? str(resolver, 'endpoint')),
          ...opt('resource', str(m, 'resource')),
          ...opt('title', str(m, 'title')),
          ...(isSeq(contexts) ? { productContexts: contexts.items.filter(isScalar).map((c) => String(c.value)) } : {}),
          ...(type === 'endpoint' ? { auth: remoteAuth(m), ...opt('remote', str(m, 'remote')) } : {}),
        });
        if (type === 'function') {
          const timeout = str(m, 'timeoutSeconds') ?? str(m, 'timeout');
          info.functions.push({ key, handler: str(m, 'handler') ?? '', ...at, ...(timeout !== undefined ? { timeout: Number(timeout) } : {}) });
        } else if (type === 'trigger') {
          addEvents(info, m, key, pos);
        } else if (type === 'scheduledTrigger') {
          info.scheduledTriggers.push({ key, ...at, ...opt('function', str(m, 'function')), ...opt('interval', str(m, 'interval')) });
        }
      }
    }
  }

  const resources = root.get('resources', true);
  if (isSeq(resources)) {
    for (const r of resources.items) if (isMap(r)) info.resources.push({ key: str(r, 'key') ?? '', path: str(r, 'path') ?? '', ...pos(r.get('key', true) ?? r) });
  }
  const remotes = root.get('remotes', true);
  if (isSeq(remotes)) {
    for (const r of remotes.items) if (isMap(r)) info.remotes.push({ key: str(r, 'key') ?? '', auth: remoteAuth(r), ...pos(r.get('key', true) ?? r) });
  }
  return info;
}

/** Reads `auth.appSystemToken.enabled` / `auth.appUserToken.enabled` (true only when written `true`, as @forge/manifest checks). */
function remoteAuth(m: YAMLMap): RemoteAuth {
  const auth = m.get('auth', true);
  const enabled = (token: string): boolean => {
    const t = isMap(auth) ? auth.get(token, true) : undefined;
    const v = isMap(t) ? t.get('enabled', true) : undefined;
    return isScalar(v) && v.value === true;
  };
  return { appSystemToken: enabled('appSystemToken'), appUserToken: enabled('appUserToken') };
}

const opt = <K extends string>(k: K, v: string | undefined): Partial<Record<K, string>> => (v === undefined ? {} : ({ [k]: v } as Record<K, string>));

function addEvents(info: ManifestInfo, m: YAMLMap, trigger: string, pos: (n: unknown) => ManifestPosition): void {
  const events = m.get('events', true);
  if (!isSeq(events)) return;
  for (const e of events.items) if (isScalar(e) && typeof e.value === 'string') info.triggerEvents.push({ event: e.value, trigger, ...pos(e) });
}
