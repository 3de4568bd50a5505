import type { SurfaceUsage, UsageExport } from '../usage/format';
import { encodeIdentity } from '../usage/surfaces';
import type { ExcludedRuntimeSurface, RuntimeSurfaceReport } from './report-types';
import { failuresOf } from './failures';
import { surfaceScopes } from './surface-scopes';

/** Runtime surface calls merged over several installations' exports. */
export interface MergedSurfaces {
  /** The app's calls, busiest first. */
  surfaces: RuntimeSurfaceReport[];
  /** Browser reports kept apart (not evidence). */
  excluded: ExcludedRuntimeSurface[];
  /** Scope Inspector's own surface calls, kept out of the app's usage. */
  own: { key: string; calls: number }[];
  /** Installations that made each call shape, by `surfaceKey`. */
  sitesByKey: Map<string, Set<string>>;
}

/** Returns the key of a surface call shape: the surface, its method and its stored identity. */
export function surfaceKey(s: Pick<SurfaceUsage, 'surface' | 'method' | 'target' | 'path' | 'graphql'>): string {
  return `${s.surface} ${s.method} ${encodeIdentity(s.surface, s).template}`;
}

const minDay = (a: string, b: string) => (a < b ? a : b);
const maxDay = (a: string, b: string) => (a > b ? a : b);
const identityOf = (s: SurfaceUsage) => ({
  surface: s.surface,
  method: s.method,
  ...(s.target !== undefined ? { target: s.target } : {}),
  ...(s.path !== undefined ? { path: s.path } : {}),
  ...(s.graphql !== undefined ? { graphql: s.graphql } : {}),
});

/**
 * Returns the surface calls of the exports merged per shape (counts summed, sites counted), each
 * with what Atlassian documents about its scopes (`surfaceScopes`); browser reports the static
 * analysis did not vouch for and Scope Inspector's own calls apart.
 */
export function mergeSurfaces(exports: readonly UsageExport[]): MergedSurfaces {
  const merged = new Map<string, RuntimeSurfaceReport & { siteSet: Set<string> }>();
  const excluded = new Map<string, ExcludedRuntimeSurface & { siteSet: Set<string> }>();
  const own = new Map<string, number>();
  for (const usage of exports) {
    for (const s of usage.surfaces ?? []) {
      const key = surfaceKey(s);
      if (s.principal === 'inspector') {
        own.set(key, (own.get(key) ?? 0) + s.calls);
        continue;
      }
      let m = merged.get(key);
      if (!m) {
        const scopes = surfaceScopes(s.surface, s);
        m = {
          ...identityOf(s),
          runtime: { calls: 0, failures: 0, status: { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, network: 0 }, scopeMismatch401: 0, firstSeen: s.firstSeen, lastSeen: s.lastSeen, principals: [], appVersions: [], moduleKeys: [], sites: 0 },
          refused: 0,
          scopes: scopes.kind,
          ...(scopes.alternatives ? { alternatives: scopes.alternatives.map((a) => [...a]) } : {}),
          note: scopes.note,
          ...(scopes.source ? { source: scopes.source } : {}),
          siteSet: new Set(),
        };
        merged.set(key, m);
      }
      const r = m.runtime;
      r.calls += s.calls;
      for (const k of Object.keys(r.status) as (keyof typeof r.status)[]) r.status[k] += s.status[k] ?? 0;
      r.scopeMismatch401 += s.scopeMismatch401;
      r.firstSeen = minDay(r.firstSeen, s.firstSeen);
      r.lastSeen = maxDay(r.lastSeen, s.lastSeen);
      if (!r.principals.includes(s.principal)) r.principals.push(s.principal);
      for (const v of s.appVersions) if (!r.appVersions.includes(v)) r.appVersions.push(v);
      for (const v of s.moduleKeys) if (!r.moduleKeys.includes(v)) r.moduleKeys.push(v);
      m.refused += s.platformErrors?.refused ?? 0;
      m.siteSet.add(usage.installation);
    }
    for (const s of usage.excludedSurfaces ?? []) {
      const key = `${s.reason} ${surfaceKey(s)}`;
      let x = excluded.get(key);
      if (!x) excluded.set(key, (x = { reason: s.reason, ...identityOf(s), calls: 0, sites: 0, siteSet: new Set() }));
      x.calls += s.calls;
      x.siteSet.add(usage.installation);
    }
  }
  const sitesByKey = new Map([...merged].map(([key, m]) => [key, m.siteSet]));
  const busiest = (a: { calls: number }, b: { calls: number }) => b.calls - a.calls;
  return {
    surfaces: [...merged.values()]
      .map(({ siteSet, ...m }) => ({ ...m, runtime: { ...m.runtime, failures: failuresOf(m.runtime.calls, m.runtime.status), principals: m.runtime.principals.sort(), appVersions: m.runtime.appVersions.sort(), moduleKeys: m.runtime.moduleKeys.sort(), sites: siteSet.size } }))
      .sort((a, b) => busiest(a.runtime, b.runtime) || (surfaceKey(a) < surfaceKey(b) ? -1 : 1)),
    excluded: [...excluded.values()].map(({ siteSet, ...x }) => ({ ...x, sites: siteSet.size })).sort((a, b) => busiest(a, b) || (surfaceKey(a) < surfaceKey(b) ? -1 : 1)),
    own: [...own].map(([key, calls]) => ({ key, calls })),
    sitesByKey,
  };
}

/** Returns a surface call shape for people: `requestGraph query Me (jira, me)`, `fetch GET api.example.com/v1/items/{}`. */
export function describeSurface(s: Pick<RuntimeSurfaceReport, 'surface' | 'method' | 'target' | 'path' | 'graphql'>): string {
  const parts: string[] = [s.surface];
  if (s.graphql) parts.push(`${s.graphql.type}${s.graphql.operation ? ` ${s.graphql.operation}` : ''} (${s.graphql.fields.join(', ')})`);
  else if (s.graphql === null) parts.push('(a document that could not be read)');
  else {
    const where = `${s.target ?? ''}${s.path ?? ''}`;
    parts.push(`${s.method} ${s.target === null || s.path === null ? `${where} (partly unreadable)` : where || '/'}`);
  }
  return parts.join(' ');
}
