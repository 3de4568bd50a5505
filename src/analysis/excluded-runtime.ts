import type { UsageExport } from '../usage/format';
import type { ExcludedRuntimeEndpoint } from './report-types';

/**
 * Returns the runtime rows the usage exports keep apart (`excluded`: browser-reported calls the
 * static analysis could not verify, Scope Inspector's own calls), merged over the exports and
 * busiest first. They are listed for people to see and never reach needs, verdicts or the plan.
 */
export function excludedRuntime(exports: readonly UsageExport[]): ExcludedRuntimeEndpoint[] {
  const merged = new Map<string, ExcludedRuntimeEndpoint & { siteSet: Set<string> }>();
  for (const usage of exports) {
    for (const e of usage.excluded ?? []) {
      const key = `${e.reason} ${e.principal} ${e.family} ${e.method} ${e.template}`;
      let m = merged.get(key);
      if (!m) {
        m = { reason: e.reason, family: e.family, method: e.method, template: e.template, ...(e.operationKey ? { operationKey: e.operationKey } : {}), principal: e.principal, calls: 0, sites: 0, siteSet: new Set() };
        merged.set(key, m);
      }
      m.calls += e.calls;
      m.siteSet.add(usage.installation);
    }
  }
  return [...merged.values()]
    .map(({ siteSet, ...m }) => ({ ...m, sites: siteSet.size }))
    .sort((a, b) => b.calls - a.calls || (a.template < b.template ? -1 : a.template > b.template ? 1 : 0));
}
