import { contentPath, externalPath, LICENSING_PATH, modulePath, providerPath, remotePath, SCOPES_PATH } from './change-paths';
import type { ChangeKind } from './change-rules';
import type { DeclaredManifest } from './declared-manifest';

/** One difference between two declared manifests. `before`/`after` are null for an addition/removal. */
export interface ManifestChange {
  kind: ChangeKind;
  /** The manifest field, e.g. `permissions.scopes`, `remotes[backend].baseUrl`, `modules.jira:issuePanel[panel]`. */
  path: string;
  before: string | null;
  after: string | null;
}

/** Returns the identity of a `permissions.external` entry: its address, or `remote:<key>` for a remote reference. */
export function externalEntryId(entry: string): string {
  if (!entry.startsWith('{')) return entry;
  try {
    const value = JSON.parse(entry) as { address?: string; remote?: string };
    return value.address ?? (value.remote !== undefined ? `remote:${value.remote}` : entry);
  } catch {
    return entry;
  }
}

const CONNECT_MACRO_OR_WEBHOOK = /macro|webhook/i;

/** Adds and removals of a keyed list, then `changed` for same-key entries whose value differs. */
function diffKeyed<T>(before: readonly T[], after: readonly T[], id: (t: T) => string) {
  const b = new Map(before.map((t) => [id(t), t]));
  const a = new Map(after.map((t) => [id(t), t]));
  return {
    added: [...a].filter(([k]) => !b.has(k)).map(([, t]) => t),
    removed: [...b].filter(([k]) => !a.has(k)).map(([, t]) => t),
    kept: [...a].filter(([k]) => b.has(k)).map(([k, t]) => [b.get(k)!, t] as const),
  };
}

/**
 * Returns every difference between two declared manifests that a release rule covers, in
 * manifest order (permissions, remotes, providers, licensing, modules, other settings).
 * A pure function: the diff command and the audit plan both cost changes through it.
 */
export function manifestChanges(before: DeclaredManifest, after: DeclaredManifest): ManifestChange[] {
  const changes: ManifestChange[] = [];
  const push = (kind: ChangeKind, path: string, b: string | null, a: string | null) => changes.push({ kind, path, before: b, after: a });

  const scopes = diffKeyed(before.scopes, after.scopes, (s) => s);
  for (const s of scopes.added) push('scope-added', SCOPES_PATH, null, s);
  for (const s of scopes.removed) push('scope-removed', SCOPES_PATH, s, null);

  for (const list of new Set([...Object.keys(before.external), ...Object.keys(after.external)])) {
    const d = diffKeyed(before.external[list] ?? [], after.external[list] ?? [], externalEntryId);
    for (const e of d.added) push('external-added', externalPath(list), null, e);
    for (const e of d.removed) push('external-removed', externalPath(list), e, null);
    for (const [b, a] of d.kept) if (a !== b) push('external-changed', externalPath(list), b, a);
  }
  for (const list of new Set([...Object.keys(before.content), ...Object.keys(after.content)])) {
    const d = diffKeyed(before.content[list] ?? [], after.content[list] ?? [], (t) => t);
    for (const t of d.added) push('content-changed', contentPath(list), null, t);
    for (const t of d.removed) push('content-changed', contentPath(list), t, null);
  }

  const remotes = diffKeyed(before.remotes, after.remotes, (r) => r.key);
  for (const r of remotes.added) push('remote-added', remotePath(r.key), null, r.baseUrl ?? r.key);
  for (const r of remotes.removed) push('remote-removed', remotePath(r.key), r.baseUrl ?? r.key, null);
  for (const [b, a] of remotes.kept) {
    if (a.baseUrl !== b.baseUrl) push('remote-base-url-changed', `${remotePath(a.key)}.baseUrl`, b.baseUrl, a.baseUrl);
    if (a.settings !== b.settings) push('remote-settings-changed', remotePath(a.key), b.settings, a.settings);
  }

  const providers = diffKeyed(before.providers, after.providers, (p) => p.key);
  for (const p of providers.added) push('provider-added', providerPath(p.key), null, p.key);
  for (const p of providers.removed) push('provider-removed', providerPath(p.key), p.key, null);
  for (const [b, a] of providers.kept) {
    if (a.clientId !== b.clientId) push('provider-client-id-changed', `${providerPath(a.key)}.clientId`, b.clientId, a.clientId);
    if (a.settings !== b.settings) push('provider-settings-changed', providerPath(a.key), b.settings, a.settings);
  }

  if (before.licensing !== after.licensing) push(after.licensing ? 'licensing-enabled' : 'licensing-disabled', LICENSING_PATH, String(before.licensing), String(after.licensing));

  const modules = diffKeyed(before.modules, after.modules, modulePath);
  const moduleKind = (m: { type: string }, forge: ChangeKind): ChangeKind =>
    !m.type.startsWith('connectModules.') ? forge : CONNECT_MACRO_OR_WEBHOOK.test(m.type) ? 'connect-macro-or-webhook-changed' : 'connect-module-changed';
  for (const m of modules.added) push(moduleKind(m, 'module-added'), modulePath(m), null, m.key);
  for (const m of modules.removed) push(moduleKind(m, 'module-removed'), modulePath(m), m.key, null);

  for (const path of new Set([...Object.keys(before.settings), ...Object.keys(after.settings)])) {
    const b = before.settings[path] ?? null;
    const a = after.settings[path] ?? null;
    if (a !== b) push(path.startsWith(`${externalPath('')}.`) ? 'external-changed' : 'setting-changed', path, b, a);
  }
  return changes;
}
