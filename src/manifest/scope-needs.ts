import type { ScopeNeed } from '../scan/types';
import type { EventScopes, ForgeKnowledge } from './forge-knowledge';
import type { ManifestInfo, ManifestPosition, RemoteAuth } from './types';

/** Classic alternative first, granular second, as `@forge/manifest` checks a mapping entry. */
const alternativesOf = (req: EventScopes): string[][] => (req.beta && req.beta.length > 0 ? [req.current, req.beta] : [req.current]);

/**
 * Returns the scopes a manifest needs beyond REST calls, from `@forge/manifest`'s own data:
 * trigger events (classic or granular alternatives), module types that imply scopes, Rovo agent
 * product contexts, and the tokens remotes and endpoints ask Forge to pass (REMOTE_AUTH_SCOPES).
 */
export function scopeNeedsFromManifest(manifest: ManifestInfo, knowledge: Pick<ForgeKnowledge, 'eventScopes' | 'moduleScopes'> & Partial<Pick<ForgeKnowledge, 'agentContextScopes' | 'remoteAuthScopes'>>): ScopeNeed[] {
  const needs: ScopeNeed[] = [];
  const where = (p: ManifestPosition) => ({ file: manifest.file, line: p.line, column: p.column });
  for (const t of manifest.triggerEvents) {
    const req = knowledge.eventScopes.get(t.event);
    if (!req || req.current.length === 0) continue;
    needs.push({ ...where(t), alternatives: alternativesOf(req), reason: `trigger ${t.event} (${manifest.file}:${t.line})`, source: 'trigger', module: t.trigger, event: t.event });
  }
  for (const m of manifest.modules) {
    const scopes = knowledge.moduleScopes.get(m.type);
    if (scopes && scopes.length > 0) needs.push({ ...where(m), alternatives: [[...scopes]], reason: `module ${m.type} ${m.key} (${manifest.file}:${m.line})`, source: 'module', module: m.key });
    for (const context of m.productContexts ?? []) {
      const req = knowledge.agentContextScopes?.get(context);
      if (!req || req.current.length === 0) continue;
      needs.push({ ...where(m), alternatives: alternativesOf(req), reason: `module ${m.type} ${m.key}: product context ${context} (${manifest.file}:${m.line})`, source: 'module', module: m.key });
    }
    if (m.auth) needs.push(...remoteNeeds(`endpoint ${m.key}`, m.key, m.auth, where(m), manifest.file, knowledge));
  }
  for (const r of manifest.remotes) needs.push(...remoteNeeds(`remote ${r.key}`, r.key, r.auth, where(r), manifest.file, knowledge));
  return needs;
}

/** Returns the needs of the tokens a remote or endpoint asks Forge to pass to its backend. */
function remoteNeeds(what: string, key: string, auth: RemoteAuth, at: { file: string; line: number; column: number }, file: string, knowledge: Partial<Pick<ForgeKnowledge, 'remoteAuthScopes'>>): ScopeNeed[] {
  const needs: ScopeNeed[] = [];
  for (const token of ['appSystemToken', 'appUserToken'] as const) {
    const scope = knowledge.remoteAuthScopes?.[token];
    if (!auth[token] || !scope) continue;
    const feature = `Forge remote token (auth.${token})`;
    needs.push({ ...at, alternatives: [[scope]], reason: `${what} auth.${token} (${file}:${at.line})`, source: 'remote', feature, module: key });
  }
  return needs;
}
