import { dayFromParts, dayToParts } from './day-aggregate';
import { dayPartKey } from './keys';
import { MAX_TRANSACTION_OPS, VALUE_BUDGET_BYTES } from './limits';
import { commit, contentId, type MergeState } from './merge-shards';
import type { Entry } from './scan';
import { jsonBytes } from './shard';

/** A day keeps at most this many parts before reads fold its small ones together. */
export const CONSOLIDATE_ABOVE = 4;

/**
 * Folds a day's smallest parts into one, as long as they fit one value together: one
 * transaction (the new part, the old ones deleted) per fold, each within the limits whatever
 * the number of parts, so a day merged in many small chunks does not stay many values. Parts
 * already full are left as they are. Returns the day's parts afterwards. Caller holds the lease.
 */
export async function consolidateDay(state: MergeState, day: string, parts: Entry<unknown>[]): Promise<Entry<unknown>[]> {
  let current = parts.map((p) => ({ ...p, bytes: jsonBytes(p.value) }));
  while (current.length > CONSOLIDATE_ABOVE) {
    const bySize = [...current].sort((a, b) => a.bytes - b.bytes || (a.key < b.key ? -1 : 1));
    const group: typeof current = [];
    let bytes = 0;
    for (const part of bySize) {
      if (group.length >= MAX_TRANSACTION_OPS - 2 || bytes + part.bytes > VALUE_BUDGET_BYTES) break;
      group.push(part);
      bytes += part.bytes;
    }
    if (group.length < 2) break;
    const merged = dayToParts(dayFromParts(day, group.map((p) => p.value)));
    const id = `m${contentId(group.map((p) => p.key).sort())}`;
    const sets = merged.map((value, i) => ({ key: dayPartKey(day, `${id}-${i}`), value }));
    await commit(state, { sets, deletes: group.map((p) => p.key) });
    const gone = new Set(group.map((p) => p.key));
    current = [...current.filter((p) => !gone.has(p.key)), ...sets.map((s) => ({ ...s, bytes: jsonBytes(s.value) }))];
  }
  return current.map(({ key, value }) => ({ key, value }));
}
