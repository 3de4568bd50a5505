import type { EncodedRow } from '../usage/rows';
import { isSurfaceCode } from '../usage/surfaces';
import { VALUE_BUDGET_BYTES } from './limits';

/** Version of the shards this code writes (2: rows with platform-error counts; 1 is still read). */
export const SHARD_VERSION = 2 as const;

/** What one flush writes: the calls of one invocation plus the context they were made in. */
export interface ShardValue {
  v: typeof SHARD_VERSION;
  /** UTC day of the flush, `YYYY-MM-DD`. */
  day: string;
  appVersion: string;
  environment: string;
  moduleKey: string;
  /** Scopes the installation granted, from `getAppContext().permissions`. */
  granted: string[];
  /** Calls an earlier flush of the same invocation failed to store, or rows cut off for size. */
  dropped: number;
  rows: EncodedRow[];
}

/**
 * A shard as stored: product rows in `rows`, the other surfaces' rows in `surfaces` (written only
 * when there are some). Older versions read `rows` alone and never see a row they do not know.
 */
export type StoredShard = ShardValue & { surfaces?: EncodedRow[] };

/** Returns the stored form of a shard (surface rows moved to `surfaces`). */
export function storedShard(shard: ShardValue): StoredShard {
  const surfaces = shard.rows.filter((r) => isSurfaceCode(r[0]));
  if (surfaces.length === 0) return shard;
  return { ...shard, rows: shard.rows.filter((r) => !isSurfaceCode(r[0])), surfaces };
}

/** Returns the UTF-8 size of a value once JSON-encoded, as Forge measures it. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/**
 * Returns the shard split into values that each fit Forge's value limit. Almost always one;
 * an invocation touching thousands of distinct endpoints gets several, written in one batch.
 */
export function splitShard(shard: ShardValue, budget = VALUE_BUDGET_BYTES): ShardValue[] {
  if (jsonBytes(shard) <= budget) return [shard];
  const envelope = jsonBytes({ ...shard, rows: [] });
  const parts: ShardValue[] = [];
  let rows: EncodedRow[] = [];
  let size = envelope;
  for (const row of shard.rows) {
    const rowSize = jsonBytes(row) + 1;
    if (rows.length > 0 && size + rowSize > budget) {
      parts.push({ ...shard, rows, dropped: parts.length === 0 ? shard.dropped : 0 });
      rows = [];
      size = envelope;
    }
    rows.push(row);
    size += rowSize;
  }
  parts.push({ ...shard, rows, dropped: parts.length === 0 ? shard.dropped : 0 });
  return parts;
}
