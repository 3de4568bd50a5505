import { USAGE_FORMAT_NAME, USAGE_FORMAT_VERSION, type GrantedScopes, type UsageEndpoint, type UsageExport } from '../usage/format';
import { FAMILY_OF, PRINCIPAL_OF, rowKey, type EncodedRow } from '../usage/rows';
import type { DayAggregate } from './day-aggregate';

/** What an export is built from. */
export interface ExportInput {
  days: Iterable<DayAggregate>;
  grants: GrantedScopes[];
  installation: string;
  environment?: string;
  generatedAt: string;
}

function union(into: string[], values: readonly string[]): void {
  for (const v of values) if (!into.includes(v)) into.push(v);
}

/** Returns the usage export of the given daily aggregates: one endpoint per (family, method, template, principal). */
export function buildExport(input: ExportInput): UsageExport {
  const endpoints = new Map<string, UsageEndpoint & { days: Set<string> }>();
  const dataDays = new Set<string>();
  let dropped = 0;
  for (const day of input.days) {
    dropped += day.dropped;
    for (const row of day.rows.values()) {
      const key = rowKey(row as unknown as EncodedRow);
      let e = endpoints.get(key);
      if (!e) {
        const known = row[3] === 1;
        e = {
          family: FAMILY_OF[row[0]],
          method: row[1],
          template: row[2],
          ...(known ? { operationKey: `${row[1]} ${row[2]}` } : {}),
          known,
          principal: PRINCIPAL_OF[row[4]],
          calls: 0,
          status: { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, network: 0 },
          scopeMismatch401: 0,
          firstSeen: day.day,
          lastSeen: day.day,
          daysSeen: 0,
          appVersions: [],
          environments: [],
          moduleKeys: [],
          daily: [],
          days: new Set(),
        };
        endpoints.set(key, e);
      }
      e.calls += row[5];
      e.status['2xx'] += row[6];
      e.status['3xx'] += row[7];
      e.status['4xx'] += row[8];
      e.status['5xx'] += row[9];
      e.status.network += row[10];
      e.scopeMismatch401 += row[11];
      if (row[5] > 0) {
        e.daily!.push([day.day, row[5], row[6], row[7], row[8], row[9], row[10], row[11]]);
        e.days.add(day.day);
        dataDays.add(day.day);
      }
      if (day.day < e.firstSeen) e.firstSeen = day.day;
      if (day.day > e.lastSeen) e.lastSeen = day.day;
      union(e.appVersions, row[12]);
      union(e.environments, row[13]);
      union(e.moduleKeys, row[14]);
    }
  }
  const sortedDays = [...dataDays].sort();
  const list: UsageEndpoint[] = [...endpoints.values()]
    .map(({ days, ...e }) => ({ ...e, daysSeen: days.size, appVersions: e.appVersions.sort(), environments: e.environments.sort(), moduleKeys: e.moduleKeys.sort(), daily: e.daily!.sort((a, b) => (a[0] < b[0] ? -1 : 1)) }))
    .sort((a, b) => a.family.localeCompare(b.family) || a.template.localeCompare(b.template) || a.method.localeCompare(b.method) || a.principal.localeCompare(b.principal));
  return {
    format: USAGE_FORMAT_NAME,
    version: USAGE_FORMAT_VERSION,
    generatedAt: input.generatedAt,
    installation: input.installation,
    ...(input.environment ? { environment: input.environment } : {}),
    window: { firstDay: sortedDays[0] ?? null, lastDay: sortedDays[sortedDays.length - 1] ?? null, daysObserved: sortedDays.length },
    grantedScopes: input.grants.map((g) => ({ ...g, scopes: [...g.scopes] })),
    endpoints: list,
    droppedCalls: dropped,
  };
}
