import { upgradeRow } from '../usage/rows';
import { isSurfaceCode } from '../usage/surfaces';
import { rowProblem } from '../usage/validate-rows';
import { SHARD_VERSION, type ShardValue } from './shard';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Returns a stored value as a current shard when it is a shard this version can merge (its own
 * format, or version 1 whose rows lack the platform-error counts), its `surfaces` rows joined to
 * its `rows`, else undefined: anything else is discarded by compaction.
 */
export function readShard(value: unknown): ShardValue | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const s = value as Partial<Omit<ShardValue, 'v'>> & { v?: unknown; surfaces?: unknown };
  if (s.v !== 1 && s.v !== SHARD_VERSION) return undefined;
  if (typeof s.day !== 'string' || !DAY.test(s.day)) return undefined;
  if (typeof s.appVersion !== 'string' || typeof s.environment !== 'string' || typeof s.moduleKey !== 'string') return undefined;
  if (!Array.isArray(s.granted) || !s.granted.every((g) => typeof g === 'string')) return undefined;
  if (typeof s.dropped !== 'number' || !Number.isSafeInteger(s.dropped) || s.dropped < 0 || !Array.isArray(s.rows)) return undefined;
  if (s.surfaces !== undefined && (!Array.isArray(s.surfaces) || !s.surfaces.every((r) => Array.isArray(r) && isSurfaceCode(r[0])))) return undefined;
  const rows = [...s.rows, ...(s.surfaces ?? [])].map((r) => (Array.isArray(r) ? upgradeRow(r) : r));
  if (!rows.every((r) => rowProblem(r) === undefined)) return undefined;
  return { v: SHARD_VERSION, day: s.day, appVersion: s.appVersion, environment: s.environment, moduleKey: s.moduleKey, granted: s.granted, dropped: s.dropped, rows } as ShardValue;
}

/** Returns true for a shard written by a newer format version, which this version must not touch. */
export function isFutureShard(value: unknown): boolean {
  const v = (value as { v?: unknown } | null)?.v;
  return typeof v === 'number' && v > SHARD_VERSION;
}
