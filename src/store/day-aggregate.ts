import { COUNT_COLUMNS, FIRST_COUNT, rowKey, type EncodedRow } from '../usage/rows';
import type { ShardValue } from './shard';
import { jsonBytes } from './shard';
import { VALUE_BUDGET_BYTES } from './limits';

/** A row of a daily aggregate: the shard row plus the versions, environments and modules seen. */
export type DayRow = [...EncodedRow, appVersions: string[], environments: string[], moduleKeys: string[]];

/** One stored part of a day's aggregate. */
export interface DayPartValue {
  v: 1;
  day: string;
  /** Calls lost to storage failures, reported on this day (kept in part 0 only). */
  dropped: number;
  rows: DayRow[];
}

/** A day's aggregate in memory: rows by identity, and the dropped-calls count. */
export interface DayAggregate {
  day: string;
  dropped: number;
  rows: Map<string, DayRow>;
}

const APP_VERSIONS = FIRST_COUNT + COUNT_COLUMNS;

function addUnique(list: string[], value: string): void {
  if (value !== '' && !list.includes(value)) {
    list.push(value);
    list.sort();
  }
}

/** Returns an empty aggregate of `day`. */
export function emptyDay(day: string): DayAggregate {
  return { day, dropped: 0, rows: new Map() };
}

/** Returns the aggregate rebuilt from its stored parts. */
export function dayFromParts(day: string, parts: Iterable<DayPartValue>): DayAggregate {
  const aggregate = emptyDay(day);
  for (const part of parts) {
    aggregate.dropped += part.dropped;
    for (const row of part.rows) mergeDayRow(aggregate, row);
  }
  return aggregate;
}

/** Adds one day row (counts summed, lists unioned) into the aggregate. */
export function mergeDayRow(aggregate: DayAggregate, row: DayRow): void {
  const key = rowKey(row as unknown as EncodedRow);
  const have = aggregate.rows.get(key);
  if (!have) {
    aggregate.rows.set(key, [...row.slice(0, APP_VERSIONS), [...row[12]], [...row[13]], [...row[14]]] as DayRow);
    return;
  }
  for (let i = FIRST_COUNT; i < APP_VERSIONS; i++) (have[i] as number) += row[i] as number;
  for (let j = 0; j < 3; j++) for (const value of row[APP_VERSIONS + j] as unknown as string[]) addUnique(have[APP_VERSIONS + j] as string[], value);
}

/** Adds a shard's rows and dropped count into the aggregate. */
export function mergeShard(aggregate: DayAggregate, shard: ShardValue): void {
  aggregate.dropped += shard.dropped;
  for (const row of shard.rows) {
    mergeDayRow(aggregate, [...row, [shard.appVersion], [shard.environment], [shard.moduleKey]] as DayRow);
  }
}

/** Returns a deep copy, so a failed write leaves the in-memory state as stored. */
export function cloneDay(aggregate: DayAggregate): DayAggregate {
  const copy = emptyDay(aggregate.day);
  copy.dropped = aggregate.dropped;
  for (const row of aggregate.rows.values()) mergeDayRow(copy, row);
  return copy;
}

/** Returns the aggregate as stored parts, each under the value budget, rows in a stable order. */
export function dayToParts(aggregate: DayAggregate, budget = VALUE_BUDGET_BYTES): DayPartValue[] {
  const keys = [...aggregate.rows.keys()].sort();
  const parts: DayPartValue[] = [];
  let current: DayPartValue = { v: 1, day: aggregate.day, dropped: aggregate.dropped, rows: [] };
  let size = jsonBytes(current);
  for (const key of keys) {
    const row = aggregate.rows.get(key)!;
    const rowSize = jsonBytes(row) + 1;
    if (current.rows.length > 0 && size + rowSize > budget) {
      parts.push(current);
      current = { v: 1, day: aggregate.day, dropped: 0, rows: [] };
      size = jsonBytes(current);
    }
    current.rows.push(row);
    size += rowSize;
  }
  parts.push(current);
  return parts;
}
