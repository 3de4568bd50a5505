import { exportFeature, packageFeature, unknownForgePackage, type PlatformFeature } from './platform-features';
import type { CallPrincipal, ScopeNeed, Side, SourceLocation, UnresolvedFinding } from './types';

/** The permission-check operation `authorize()` calls as the user, per product (from @forge/auth). */
export const AUTHORIZE_OPERATIONS = {
  jira: { family: 'requestJira', method: 'POST', path: '/rest/api/3/permissions/check' },
  confluence: { family: 'requestConfluence', method: 'POST', path: '/wiki/rest/api/content/{}/permission/check' },
} as const;

/** Returns the scope need of a platform feature used at `at` (`undefined` when it needs no scope). */
export function featureNeed(feature: PlatformFeature, how: string, at: SourceLocation): ScopeNeed | undefined {
  if (feature.scopes.length === 0) return undefined;
  return {
    ...at,
    alternatives: [[...feature.scopes]],
    reason: `${feature.feature}: ${how} (${at.file}:${at.line})`,
    source: 'forge-api',
    feature: feature.feature,
    ...(feature.maybe ? { maybe: true } : {}),
  };
}

/**
 * Returns what one file's imports tell of platform features: needs of packages that serve one
 * (`needs`), of named exports that do (`exportNeeds`: a call of the export, when seen, is the
 * better evidence), and an unresolved finding for each `@forge/*` package whose requests on the
 * app's behalf the tool does not know (so no scope can be proven unused while it is imported).
 */
export function importNeeds(imports: readonly { source: string; names: string[]; start: number }[], loc: (offset: number) => SourceLocation, side: Side): { needs: ScopeNeed[]; exportNeeds: ScopeNeed[]; unresolved: UnresolvedFinding[] } {
  const needs: ScopeNeed[] = [];
  const exportNeeds: ScopeNeed[] = [];
  const unresolved: UnresolvedFinding[] = [];
  for (const imp of imports) {
    const at = loc(imp.start);
    const pkg = packageFeature(imp.source);
    const whole = pkg && featureNeed(pkg, `${imp.source} imported`, at);
    if (whole) needs.push(whole);
    for (const name of imp.names) {
      const feature = exportFeature(imp.source, name);
      const need = feature && featureNeed(feature, `${name} imported from ${imp.source}`, at);
      if (need) exportNeeds.push(need);
    }
    if (unknownForgePackage(imp.source)) {
      unresolved.push({ ...at, kind: 'api', reason: `${imp.source}: the tool does not know what this package requests on the app's behalf`, candidates: [], side, principal: 'default' as CallPrincipal });
    }
  }
  return { needs, exportNeeds, unresolved };
}

/** Returns the call needs (one per feature: its first call) followed by the import needs of features no call showed. */
export function callsThenImports(callNeeds: readonly ScopeNeed[], exportNeeds: readonly ScopeNeed[]): ScopeNeed[] {
  const seen = new Set<string>();
  const first = (n: ScopeNeed) => {
    const key = n.feature ?? n.reason;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  return [...callNeeds.filter(first), ...exportNeeds.filter(first)];
}

/**
 * Returns a `maybe` need for the Realtime global channel when a file takes Realtime as a whole
 * (`import * as rt from '@forge/realtime'`, `realtime` from @forge/bridge) and no call of it was
 * seen: whether a global channel is used is out of sight, so the scope is never called unused.
 */
export function realtimeOutOfSight(imports: readonly { source: string; names: string[]; start: number }[], callsSeen: boolean, loc: (offset: number) => SourceLocation): ScopeNeed[] {
  if (callsSeen) return [];
  const whole = imports.find((i) => (i.source === '@forge/realtime' && i.names.some((n) => n === '*' || n === 'default')) || (i.source === '@forge/bridge' && i.names.includes('realtime')));
  if (!whole) return [];
  const need = featureNeed({ feature: 'Forge Realtime (global channels may be used)', scopes: ['read:app-global-channel:realtime'], maybe: true }, `${whole.source} used out of sight`, loc(whole.start));
  return need ? [need] : [];
}
