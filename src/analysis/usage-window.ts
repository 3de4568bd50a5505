import type { DailyCounts, SurfaceUsage, UsageEndpoint, UsageExport } from '../usage/format';

/** The window a report is computed for: the last `days` days up to `endDay` (UTC, inclusive), or everything (`days: null`). */
export interface UsageWindow {
  /** 7, 30, 90… days; null for every day the usage holds. */
  days: number | null;
  /** Last day of the window (`YYYY-MM-DD`); defaults to the newest day in the usage. */
  endDay?: string;
}

/** Usage restricted to a window, and what could not be restricted exactly. */
export interface WindowedUsage {
  usage: UsageExport[];
  /** First and last day of the window (null when it is "all" and there is no usage). */
  start: string | null;
  end: string | null;
  /** Calls counted whole because their endpoint carries no per-day counts (files written before `daily`). */
  undated: number;
}

const DAY_MS = 86_400_000;

/** Longest window one can ask for, in days. */
export const MAX_WINDOW_DAYS = 366;

/** Returns the window length a value asks for: a whole number of days (1–366), or null for `all`; undefined when it is neither. */
export function windowDaysOf(value: unknown): number | null | undefined {
  if (value === 'all') return null;
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_WINDOW_DAYS ? n : undefined;
}

/** Returns today's UTC day, the end of a window counted up to now. */
export function todayUtc(now = Date.now()): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** Returns the day `n` days before `day` (`YYYY-MM-DD`, UTC). */
export function daysBefore(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - n * DAY_MS).toISOString().slice(0, 10);
}

/** Returns every day from `start` to `end`, inclusive. */
export function daysBetween(start: string, end: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${start}T00:00:00Z`), last = Date.parse(`${end}T00:00:00Z`); t <= last; t += DAY_MS) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** Returns an endpoint (or surface row) with only the days in [start, end], counts summed from them; undefined when none is left. */
function endpointIn<T extends UsageEndpoint | SurfaceUsage>(e: T, start: string, end: string): T | undefined {
  const daily = e.daily!;
  // Every day inside: the endpoint as it is (its totals are those days' sums).
  if (daily.length && daily[0][0] >= start && daily[daily.length - 1][0] <= end) return e;
  const days: DailyCounts[] = [];
  const sum = [0, 0, 0, 0, 0, 0, 0, 0];
  for (const d of daily) {
    if (d[0] < start || d[0] > end) continue;
    days.push(d);
    for (let i = 1; i < 8; i++) sum[i] += d[i] as number;
  }
  if (days.length === 0) return undefined;
  return {
    ...e,
    calls: sum[1],
    status: { '2xx': sum[2], '3xx': sum[3], '4xx': sum[4], '5xx': sum[5], network: sum[6] },
    scopeMismatch401: sum[7],
    firstSeen: days[0][0],
    lastSeen: days[days.length - 1][0],
    daysSeen: days.length,
    daily: days,
  };
}

/** Returns the newest day any export has data for. */
function newestDay(exports: readonly UsageExport[]): string | null {
  let newest: string | null = null;
  for (const u of exports) if (u.window.lastDay && (newest === null || u.window.lastDay > newest)) newest = u.window.lastDay;
  return newest;
}

/**
 * Returns the usage restricted to the window: per-day counts outside it are dropped and every
 * endpoint's counts, first/last seen and days seen are summed again from the days left, so the
 * analysis (and every surface after it) counts the window only. An endpoint without per-day
 * counts is kept whole when its first or last day falls in the window (its calls are `undated`),
 * and dropped when it lies entirely before it.
 */
export function windowUsage(exports: readonly UsageExport[], window: UsageWindow = { days: null }): WindowedUsage {
  if (window.days === null) {
    // Everything: the exports as they are (their own windows), nothing to restrict.
    const first = exports.reduce<string | null>((min, u) => (u.window.firstDay && (min === null || u.window.firstDay < min) ? u.window.firstDay : min), null);
    return { usage: [...exports], start: first, end: window.endDay ?? newestDay(exports), undated: 0 };
  }
  const end = window.endDay ?? newestDay(exports);
  if (end === null) return { usage: [...exports], start: null, end: null, undated: 0 };
  const start = daysBefore(end, window.days - 1);
  let undated = 0;
  const restrict = <T extends UsageEndpoint | SurfaceUsage>(rows: readonly T[]): T[] => {
    const kept: T[] = [];
    for (const e of rows) {
      if (e.daily) {
        const inside = endpointIn(e, start, end);
        if (inside) kept.push(inside);
      } else if (e.lastSeen >= start && e.firstSeen <= end) {
        if (e.principal !== 'inspector') undated += e.calls;
        kept.push(e);
      }
    }
    return kept;
  };
  const usage = exports.map((u) => {
    const endpoints = restrict(u.endpoints);
    const surfaces = u.surfaces && restrict(u.surfaces);
    return { ...u, endpoints, ...(surfaces ? { surfaces } : {}), window: windowOf([...endpoints, ...(surfaces ?? [])], u, start, end) };
  });
  return { usage, start, end, undated };
}

/** Returns an export's observation window within [start, end]: the days its app endpoints and surface calls carry calls. */
function windowOf(endpoints: readonly (UsageEndpoint | SurfaceUsage)[], u: UsageExport, start: string, end: string): UsageExport['window'] {
  const app = endpoints.filter((e) => e.principal !== 'inspector');
  if (app.some((e) => !e.daily)) {
    // Without per-day counts the days observed can only be bounded by the export's own window.
    const firstDay = u.window.firstDay && u.window.firstDay > start ? u.window.firstDay : app.length ? start : null;
    const lastDay = u.window.lastDay && u.window.lastDay < end ? u.window.lastDay : app.length ? end : null;
    return { firstDay, lastDay, daysObserved: Math.min(u.window.daysObserved, firstDay && lastDay ? daysBetween(firstDay, lastDay).length : 0) };
  }
  const days = new Set<string>();
  for (const e of app) for (const d of e.daily as DailyCounts[]) if (d[1] > 0) days.add(d[0]);
  const sorted = [...days].sort();
  return { firstDay: sorted[0] ?? null, lastDay: sorted[sorted.length - 1] ?? null, daysObserved: sorted.length };
}
