import type { EndpointReport } from '../analysis/report-types';
import type { GetEndpointsInput, GetEndpointsResult } from './contract';

/** Returns one page of endpoints, filtered and sorted as asked. */
export function queryEndpoints(endpoints: readonly EndpointReport[], input: GetEndpointsInput & { offset: number; limit: number }): GetEndpointsResult {
  const needle = input.text?.trim().toLowerCase();
  const filtered = endpoints.filter((e) => {
    if (input.product && e.product !== input.product) return false;
    if (input.evidence && e.evidence !== input.evidence) return false;
    if (input.status === 'missing' && e.authorized) return false;
    if (input.status === 'mismatch' && !e.runtime?.scopeMismatch401) return false;
    if (input.status === 'ok' && (!e.authorized || e.runtime?.scopeMismatch401)) return false;
    if (!needle) return true;
    return (
      e.key.toLowerCase().includes(needle) ||
      e.operationId.toLowerCase().includes(needle) ||
      e.alternatives.some((a) => a.scopes.some((s) => s.toLowerCase().includes(needle)))
    );
  });
  const sign = input.direction === 'asc' ? 1 : -1;
  const sort = input.sort ?? 'calls';
  const value = (e: EndpointReport): number | string => (sort === 'calls' ? (e.runtime?.calls ?? 0) : sort === 'lastSeen' ? (e.runtime?.lastSeen ?? '') : e.template);
  const sorted = [...filtered].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const order = x < y ? -1 : x > y ? 1 : 0;
    return order !== 0 ? sign * order : a.key < b.key ? -1 : 1;
  });
  return { ok: true, items: sorted.slice(input.offset, input.offset + input.limit), total: filtered.length, offset: input.offset, limit: input.limit };
}
