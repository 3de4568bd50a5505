import { ROW_LENGTH, FIRST_COUNT, V1_ROW_LENGTH, rowKey, type EncodedRow } from '../usage/rows';
import { SURFACE_OF, identityProblem, isSurfaceCode } from '../usage/surfaces';
import type { ShardValue } from './shard';
import { jsonBytes } from './shard';
import { VALUE_BUDGET_BYTES } from './limits';

/** A row of a daily aggregate: the shard row plus the versions, environments and modules seen. */
export type DayRow = [...EncodedRow, appVersions: string[], environments: string[], moduleKeys: string[]];

/** Version of the day parts this code writes (2: rows with platform-error counts; 1 is still read). */
export const DAY_PART_VERSION = 2 as const;

/**
 * One stored part of a day's aggregate. A day is the sum of all its parts: compaction adds a
 * part per merged chunk of shards and folds small parts together, so no write ever has to
 * rewrite the whole day (see docs/storage.md).
 */
export interface DayPartValue {
  v: typeof DAY_PART_VERSION;
  day: string;
  /** Calls lost to storage failures, reported on this day. */
  dropped: number;
  /** Product rows. */
  rows: DayRow[];
  /** The other surfaces' rows, apart so that older versions (which read `rows`) never see them; absent when none. */
  surfaces?: DayRow[];
}

/** A day's aggregate in memory: rows by identity, and the dropped-calls count. */
export interface DayAggregate {
  day: string;
  dropped: number;
  rows: Map<string, DayRow>;
}

const LISTS = ROW_LENGTH;

function addUnique(list: string[], value: string): void {
  if (value !== '' && !list.includes(value)) {
    list.push(value);
    list.sort();
  }
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** Returns a stored day row in the current layout (version-1 rows get zero platform-error counts), or undefined when malformed. */
export function readDayRow(row: unknown): DayRow | undefined {
  if (!Array.isArray(row)) return undefined;
  const counts = row.length === V1_ROW_LENGTH + 3 ? V1_ROW_LENGTH : row.length === ROW_LENGTH + 3 ? ROW_LENGTH : 0;
  if (counts === 0) return undefined;
  const lists = row.slice(counts);
  if (!lists.every(isStrings)) return undefined;
  for (let i = FIRST_COUNT; i < counts; i++) if (!Number.isSafeInteger(row[i]) || row[i] < 0) return undefined;
  return [...row.slice(0, counts), ...(counts === V1_ROW_LENGTH ? [0, 0] : []), ...lists] as DayRow;
}

/** Returns an empty aggregate of `day`. */
export function emptyDay(day: string): DayAggregate {
  return { day, dropped: 0, rows: new Map() };
}

/** Returns the aggregate rebuilt from its stored parts (any version this code reads). */
export function dayFromParts(day: string, parts: Iterable<unknown>): DayAggregate {
  const aggregate = emptyDay(day);
  for (const part of parts) addPart(aggregate, part);
  return aggregate;
}

/** Adds one stored part into the aggregate; a part that is not one is ignored. */
export function addPart(aggregate: DayAggregate, part: unknown): void {
  const p = part as Partial<DayPartValue> | null;
  if (p === null || typeof p !== 'object' || !Array.isArray(p.rows)) return;
  if (typeof p.dropped === 'number' && Number.isSafeInteger(p.dropped) && p.dropped > 0) aggregate.dropped += p.dropped;
  const surfaces = Array.isArray(p.surfaces) ? p.surfaces.filter((r) => Array.isArray(r) && isSurfaceCode(r[0])) : [];
  for (const raw of [...p.rows, ...surfaces]) {
    const row = readDayRow(raw);
    // A surface row's identity is decoded for the export: one that does not decode is skipped, not fatal.
    if (row && (!isSurfaceCode(row[0]) || identityProblem(SURFACE_OF[row[0]], row[2], row[3]) === undefined)) mergeDayRow(aggregate, row);
  }
}

/** Adds one day row (counts summed, lists unioned) into the aggregate. */
export function mergeDayRow(aggregate: DayAggregate, row: DayRow): void {
  const key = rowKey(row as unknown as EncodedRow);
  const have = aggregate.rows.get(key);
  if (!have) {
    aggregate.rows.set(key, [...row.slice(0, LISTS), [...row[14]], [...row[15]], [...row[16]]] as DayRow);
    return;
  }
  for (let i = FIRST_COUNT; i < LISTS; i++) (have[i] as number) += row[i] as number;
  for (let j = 0; j < 3; j++) for (const value of row[LISTS + j] as unknown as string[]) addUnique(have[LISTS + j] as string[], value);
}

/** Adds a shard's rows and dropped count into the aggregate. */
export function mergeShard(aggregate: DayAggregate, shard: ShardValue): void {
  aggregate.dropped += shard.dropped;
  for (const row of shard.rows) {
    mergeDayRow(aggregate, [...row, [shard.appVersion], [shard.environment], [shard.moduleKey]] as DayRow);
  }
}

/** Returns an upper bound of the JSON size the shard's rows take once merged into a day part. */
export function dayBytesBound(shard: ShardValue): number {
  const lists = jsonBytes([[shard.appVersion], [shard.environment], [shard.moduleKey]]);
  let bytes = 0;
  for (const row of shard.rows) bytes += jsonBytes(row) + lists + 1;
  return bytes;
}

/** Returns the aggregate as stored parts, each under the value budget, rows in a stable order. */
export function dayToParts(aggregate: DayAggregate, budget = VALUE_BUDGET_BYTES): DayPartValue[] {
  const keys = [...aggregate.rows.keys()].sort();
  const parts: DayPartValue[] = [];
  let current: DayPartValue = { v: DAY_PART_VERSION, day: aggregate.day, dropped: aggregate.dropped, rows: [] };
  let size = jsonBytes(current);
  for (const key of keys) {
    const row = aggregate.rows.get(key)!;
    const rowSize = jsonBytes(row) + 1;
    if ((current.rows.length > 0 || current.surfaces) && size + rowSize > budget) {
      parts.push(current);
      current = { v: DAY_PART_VERSION, day: aggregate.day, dropped: 0, rows: [] };
      size = jsonBytes(current);
    }
    if (isSurfaceCode(row[0])) {
      if (!current.surfaces) size += 14; // ,"surfaces":[]
      (current.surfaces ??= []).push(row);
    } else current.rows.push(row);
    size += rowSize;
  }
  parts.push(current);
  return parts;
}
