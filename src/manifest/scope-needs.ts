import type { ScopeNeed } from '../scan/types';
import type { ForgeKnowledge } from './forge-knowledge';
import type { ManifestInfo } from './types';

/**
 * Returns the scopes a manifest needs beyond REST calls: trigger events (classic or granular
 * alternatives, as `@forge/manifest` checks them) and module types that imply scopes.
 */
export function scopeNeedsFromManifest(manifest: ManifestInfo, knowledge: Pick<ForgeKnowledge, 'eventScopes' | 'moduleScopes'>): ScopeNeed[] {
  const needs: ScopeNeed[] = [];
  for (const t of manifest.triggerEvents) {
    const req = knowledge.eventScopes.get(t.event);
    if (!req || req.current.length === 0) continue;
    const alternatives = [req.current];
    if (req.beta && req.beta.length > 0) alternatives.push(req.beta);
    needs.push({ file: manifest.file, line: t.line, column: t.column, alternatives, reason: `trigger ${t.event} (${manifest.file}:${t.line})`, source: 'trigger' });
  }
  for (const m of manifest.modules) {
    const scopes = knowledge.moduleScopes.get(m.type);
    if (!scopes || scopes.length === 0) continue;
    needs.push({ file: manifest.file, line: m.line, column: m.column, alternatives: [[...scopes]], reason: `module ${m.type} ${m.key} (${manifest.file}:${m.line})`, source: 'module' });
  }
  return needs;
}
