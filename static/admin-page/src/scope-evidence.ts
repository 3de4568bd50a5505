import type { EndpointReport } from '../../../src/analysis/report-types';

/** Runtime and static evidence of one scope, summed over the endpoints that need it. */
export interface ScopeEvidence {
  calls: number;
  lastSeen?: string;
  /** Static call sites (file:line) of those endpoints. */
  locations: string[];
}

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
