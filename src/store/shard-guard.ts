import { rowProblem } from '../usage/validate-rows';
import type { ShardValue } from './shard';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Returns true when a stored value is a shard this version can merge (anything else is discarded). */
export function isShardValue(value: unknown): value is ShardValue {
  if (value === null || typeof value !== 'object') return false;
  const s = value as Partial<ShardValue>;
  return (
    s.v === 1 &&
    typeof s.day === 'string' &&
    DAY.test(s.day) &&
    typeof s.appVersion === 'string' &&
    typeof s.environment === 'string' &&
    typeof s.moduleKey === 'string' &&
    Array.isArray(s.granted) &&
    s.granted.every((g) => typeof g === 'string') &&
    typeof s.dropped === 'number' &&
    Array.isArray(s.rows) &&
    s.rows.every((r) => rowProblem(r) === undefined)
  );
}

/** Returns true for a shard written by a newer format version, which this version must not touch. */
export function isFutureShard(value: unknown): boolean {
  const v = (value as { v?: unknown } | null)?.v;
  return typeof v === 'number' && v > 1;
}
