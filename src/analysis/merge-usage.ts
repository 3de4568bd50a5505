import { failuresOf } from './failures';
import { getOperation } from '../catalog';
import type { Operation } from '../catalog/types';
import type { UsageExport } from '../usage/format';
import type { RuntimeEvidence, UnknownRuntimeEndpoint } from './report-types';

/** Runtime usage merged over several installations' exports. */
export interface MergedUsage {
  byOperation: Map<Operation, RuntimeEvidence>;
  /** Installations that called each operation (by operation key). */
  sitesByOperation: Map<string, Set<string>>;
  /** Scope Inspector's own calls (principal `inspector`), per operation or shape: kept out of the app's usage. */
  own: { key: string; calls: number }[];
  unknown: UnknownRuntimeEndpoint[];
  sites: number;
  window: { firstDay: string | null; lastDay: string | null; daysObserved: number };
  droppedCalls: number;
}

const minDay = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);
const maxDay = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);

/** Merges usage exports: sums counts per operation, counts the sites that saw each, spans the window. */
export function mergeUsage(exports: readonly UsageExport[]): MergedUsage {
  // `failures` is derived once every export is summed.
  const byOperation = new Map<Operation, Omit<RuntimeEvidence, 'failures'> & { siteSet: Set<string> }>();
  const unknown = new Map<string, UnknownRuntimeEndpoint & { siteSet: Set<string> }>();
  let firstDay: string | null = null;
  let lastDay: string | null = null;
  let daysObserved = 0;
  let droppedCalls = 0;
  const own = new Map<string, number>();
  for (const usage of exports) {
    firstDay = minDay(firstDay, usage.window.firstDay);
    lastDay = maxDay(lastDay, usage.window.lastDay);
    daysObserved = Math.max(daysObserved, usage.window.daysObserved);
    droppedCalls += usage.droppedCalls;
    for (const e of usage.endpoints) {
      if (e.principal === 'inspector') {
        const key = e.operationKey ?? `${e.method} ${e.template}`;
        own.set(key, (own.get(key) ?? 0) + e.calls);
        continue;
      }
      // An export from an older catalog may name an operation we no longer know: keep it as unknown.
      const op = e.known && e.operationKey ? getOperation(e.operationKey) : undefined;
      if (!op) {
        const key = `${e.family} ${e.method} ${e.template}`;
        const u = unknown.get(key) ?? { family: e.family, method: e.method, shape: e.template, calls: 0, sites: 0, siteSet: new Set() };
        u.calls += e.calls;
        u.siteSet.add(usage.installation);
        unknown.set(key, u);
        continue;
      }
      let r = byOperation.get(op);
      if (!r) {
        r = {
          calls: 0,
          status: { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, network: 0 },
          scopeMismatch401: 0,
          firstSeen: e.firstSeen,
          lastSeen: e.lastSeen,
          principals: [],
          appVersions: [],
          moduleKeys: [],
          sites: 0,
          siteSet: new Set(),
        };
        byOperation.set(op, r);
      }
      r.calls += e.calls;
      for (const k of Object.keys(r.status) as (keyof typeof r.status)[]) r.status[k] += e.status[k] ?? 0;
      r.scopeMismatch401 += e.scopeMismatch401;
      r.firstSeen = minDay(r.firstSeen, e.firstSeen)!;
      r.lastSeen = maxDay(r.lastSeen, e.lastSeen)!;
      if (!r.principals.includes(e.principal)) r.principals.push(e.principal);
      for (const v of e.appVersions) if (!r.appVersions.includes(v)) r.appVersions.push(v);
      for (const m of e.moduleKeys ?? []) if (!r.moduleKeys.includes(m)) r.moduleKeys.push(m);
      r.siteSet.add(usage.installation);
    }
  }
  const finish = <T extends { siteSet: Set<string>; sites: number }>(x: T): Omit<T, 'siteSet'> => {
    const { siteSet, ...rest } = x;
    return { ...rest, sites: siteSet.size };
  };
  return {
    byOperation: new Map([...byOperation].map(([op, r]) => [op, { ...finish(r), failures: failuresOf(r.calls, r.status), principals: r.principals.sort(), appVersions: r.appVersions.sort(), moduleKeys: r.moduleKeys.sort() }])),
    sitesByOperation: new Map([...byOperation].map(([op, r]) => [op.key, r.siteSet])),
    own: [...own].map(([key, calls]) => ({ key, calls })).sort((a, b) => b.calls - a.calls || (a.key < b.key ? -1 : 1)),
    unknown: [...unknown.values()].map(finish).sort((a, b) => b.calls - a.calls),
    sites: new Set(exports.map((u) => u.installation)).size,
    window: { firstDay, lastDay, daysObserved },
    droppedCalls,
  };
}
