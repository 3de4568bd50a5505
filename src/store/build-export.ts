import { USAGE_FORMAT_NAME, USAGE_FORMAT_VERSION, type DailyCounts, type ExcludedSurfaceUsage, type ExcludedUsageEndpoint, type GrantedScopes, type SurfaceUsage, type UsageEndpoint, type UsageExport } from '../usage/format';
import { COL, FAMILY_OF, SOURCE_OF, rowKey, type EncodedRow, type FamilyCode } from '../usage/rows';
import { SURFACE_OF, decodeIdentity, isSurfaceCode, type SurfaceCode } from '../usage/surfaces';
import type { DayAggregate, DayRow } from './day-aggregate';

/** What an export is built from. */
export interface ExportInput {
  days: Iterable<DayAggregate>;
  grants: GrantedScopes[];
  installation: string;
  environment?: string;
  generatedAt: string;
}

type Building = (UsageEndpoint | ExcludedUsageEndpoint) & { days: Set<string> };
/** A surface row being summed; `order` is its stored identity, for a stable sort. */
type BuildingSurface = (SurfaceUsage | ExcludedSurfaceUsage) & { days: Set<string>; order: string };

function union(into: string[], values: readonly string[]): void {
  for (const v of values) if (!into.includes(v)) into.push(v);
}

/** The counting fields every exported row starts with. */
function counts(row: DayRow, day: string) {
  const source = SOURCE_OF[row[4]];
  return {
    principal: source.principal,
    calls: 0,
    status: { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, network: 0 },
    scopeMismatch401: 0,
    firstSeen: day,
    lastSeen: day,
    daysSeen: 0,
    appVersions: [] as string[],
    environments: [] as string[],
    moduleKeys: [] as string[],
    daily: [] as DailyCounts[],
    ...(source.excluded ? { reason: source.excluded } : {}),
    days: new Set<string>(),
  };
}

function newEndpoint(row: DayRow, day: string): Building {
  const known = row[3] === 1;
  return {
    family: FAMILY_OF[row[0] as FamilyCode],
    method: row[1],
    template: row[2],
    ...(known ? { operationKey: `${row[1]} ${row[2]}` } : {}),
    known,
    platformErrors: { NEEDS_AUTHENTICATION_ERR: 0, PROXY_ERR: 0 },
    ...counts(row, day),
  };
}

function newSurface(row: DayRow, day: string): BuildingSurface {
  const surface = SURFACE_OF[row[0] as SurfaceCode];
  return { surface, method: row[1], ...decodeIdentity(surface, row[2]), known: row[3] === 1, platformErrors: { NEEDS_AUTHENTICATION_ERR: 0, refused: 0 }, ...counts(row, day), order: row[2] };
}

function addRow(e: Building | BuildingSurface, row: DayRow, day: string): void {
  e.calls += row[COL.calls];
  e.status['2xx'] += row[COL.s2];
  e.status['3xx'] += row[COL.s3];
  e.status['4xx'] += row[COL.s4];
  e.status['5xx'] += row[COL.s5];
  e.status.network += row[COL.network];
  e.scopeMismatch401 += row[COL.scopeMismatch401];
  const errors = e.platformErrors!;
  errors.NEEDS_AUTHENTICATION_ERR += row[COL.needsAuthentication];
  if ('refused' in errors) errors.refused += row[COL.proxyError];
  else errors.PROXY_ERR += row[COL.proxyError];
  if (row[COL.calls] > 0) {
    e.days.add(day);
    e.daily!.push([day, row[COL.calls], row[COL.s2], row[COL.s3], row[COL.s4], row[COL.s5], row[COL.network], row[COL.scopeMismatch401]]);
  }
  if (day < e.firstSeen) e.firstSeen = day;
  if (day > e.lastSeen) e.lastSeen = day;
  union(e.appVersions, row[14]);
  union(e.environments, row[15]);
  union(e.moduleKeys, row[16]);
}

function finish<T extends Building>(list: Iterable<T>): Omit<T, 'days'>[] {
  return [...list]
    .map(({ days, ...e }) => ({ ...e, daysSeen: days.size, appVersions: e.appVersions.sort(), environments: e.environments.sort(), moduleKeys: e.moduleKeys.sort(), daily: e.daily!.sort((a, b) => (a[0] < b[0] ? -1 : 1)) }))
    .sort((a, b) => a.family.localeCompare(b.family) || a.template.localeCompare(b.template) || a.method.localeCompare(b.method) || a.principal.localeCompare(b.principal));
}

function finishSurfaces<T extends BuildingSurface>(list: Iterable<T>): Omit<T, 'days' | 'order'>[] {
  return [...list]
    .sort((a, b) => a.surface.localeCompare(b.surface) || a.order.localeCompare(b.order) || a.method.localeCompare(b.method) || a.principal.localeCompare(b.principal))
    .map(({ days, order: _order, ...e }) => ({ ...e, daysSeen: days.size, appVersions: e.appVersions.sort(), environments: e.environments.sort(), moduleKeys: e.moduleKeys.sort(), daily: e.daily!.sort((a, b) => (a[0] < b[0] ? -1 : 1)) }));
}

/**
 * Returns the usage export of the given daily aggregates: one endpoint per (family, method,
 * template, principal), the app's evidence in `endpoints` and rows that are not (unverified
 * browser reports) in `excluded`; the other request surfaces likewise in `surfaces` and
 * `excludedSurfaces`. The window counts the app's evidence only, so excluded rows cannot stretch it.
 */
export function buildExport(input: ExportInput): UsageExport {
  const endpoints = new Map<string, Building>();
  const surfaces = new Map<string, BuildingSurface>();
  const dataDays = new Set<string>();
  let dropped = 0;
  for (const day of input.days) {
    dropped += day.dropped;
    for (const row of day.rows.values()) {
      const key = rowKey(row as unknown as EncodedRow);
      const isSurface = isSurfaceCode(row[0]);
      const into: Map<string, Building | BuildingSurface> = isSurface ? surfaces : endpoints;
      let e = into.get(key);
      if (!e) into.set(key, (e = isSurface ? newSurface(row, day.day) : newEndpoint(row, day.day)));
      addRow(e, row, day.day);
      if (row[COL.calls] > 0 && !('reason' in e)) dataDays.add(day.day);
    }
  }
  const all = [...endpoints.values()];
  const allSurfaces = [...surfaces.values()];
  const sortedDays = [...dataDays].sort();
  return {
    format: USAGE_FORMAT_NAME,
    version: USAGE_FORMAT_VERSION,
    generatedAt: input.generatedAt,
    installation: input.installation,
    ...(input.environment ? { environment: input.environment } : {}),
    window: { firstDay: sortedDays[0] ?? null, lastDay: sortedDays[sortedDays.length - 1] ?? null, daysObserved: sortedDays.length },
    grantedScopes: input.grants.map((g) => ({ ...g, scopes: [...g.scopes] })),
    endpoints: finish(all.filter((e): e is UsageEndpoint & { days: Set<string> } => !('reason' in e))),
    excluded: finish(all.filter((e): e is ExcludedUsageEndpoint & { days: Set<string> } => 'reason' in e)),
    surfaces: finishSurfaces(allSurfaces.filter((e) => !('reason' in e))),
    excludedSurfaces: finishSurfaces(allSurfaces.filter((e): e is ExcludedSurfaceUsage & { days: Set<string>; order: string } => 'reason' in e)),
    droppedCalls: dropped,
  };
}
