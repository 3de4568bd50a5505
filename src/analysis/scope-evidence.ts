import type { EndpointReport, Report, ScopeEvidence } from './report-types';

/** Returns the evidence of a scope: the endpoints among `endpoints` whose key is in `neededBy`. */
export function scopeEvidence(neededBy: readonly string[], endpoints: ReadonlyMap<string, EndpointReport>): ScopeEvidence {
  let calls = 0;
  let lastSeen: string | undefined;
  const locations = new Set<string>();
  for (const key of neededBy) {
    const endpoint = endpoints.get(key);
    if (!endpoint) continue;
    calls += endpoint.runtime?.calls ?? 0;
    const seen = endpoint.runtime?.lastSeen;
    if (seen && (!lastSeen || seen > lastSeen)) lastSeen = seen;
    for (const call of endpoint.calls) locations.add(`${call.file}:${call.line}`);
  }
  return { calls, ...(lastSeen ? { lastSeen } : {}), locations: [...locations].sort() };
}

/**
 * Returns each used or missing scope's evidence: the runtime calls, last use and static call
 * sites of the endpoints that need it (used: the needs it helps authorize; missing: the needs
 * it would authorize). Computed with the report so the admin page never has to page every endpoint.
 */
export function scopeEvidenceOf(scopes: Pick<Report['scopes'], 'used' | 'missing'>, endpoints: readonly EndpointReport[]): Record<string, ScopeEvidence> {
  const byKey = new Map(endpoints.map((e) => [e.key, e]));
  const needs = new Map<string, string[]>();
  for (const u of scopes.used) needs.set(u.name, [...u.neededBy]);
  for (const m of scopes.missing) for (const name of m.add) needs.set(name, [...(needs.get(name) ?? []), m.need]);
  const out: Record<string, ScopeEvidence> = {};
  for (const [name, keys] of [...needs].sort(([a], [b]) => (a < b ? -1 : 1))) out[name] = scopeEvidence(keys, byKey);
  return out;
}
