import { createHash } from 'node:crypto';
import type { GrantedScopes } from '../usage/format';
import type { Budget } from './budget';
import { dayBytesBound, dayToParts, emptyDay, mergeShard, type DayPartValue } from './day-aggregate';
import { mergeGrants, type GrantsValue } from './grants';
import { GRANTS_KEY, SHARD_PREFIX, dayPartKey } from './keys';
import type { KvsPort } from './kvs-port';
import { MAX_COMPACTION_WRITE_UNITS, MAX_TRANSACTION_BYTES, MAX_TRANSACTION_OPS, QUOTA_UNIT_BYTES, VALUE_BUDGET_BYTES } from './limits';
import { retryWithinBudget } from './retry';
import type { Entry } from './scan';
import { jsonBytes, type ShardValue } from './shard';
import { ScopeInspectorError } from '../errors';

/** What merging needs from the compaction that runs it (it holds the lease). */
export interface MergeState {
  kvs: KvsPort;
  budget: Budget;
  grants: GrantedScopes[];
  /** Shard and part keys this run already merged or replaced. */
  handled: Set<string>;
  /** Write units spent by this run. */
  writeUnits: number;
}

/** A planned write: values to set and keys to delete, committed together. */
interface Plan {
  sets: { key: string; value: unknown }[];
  deletes: string[];
}

// A first cut before the exact check: few enough shards that their merged rows make at most
// three parts, leaving room for grants and the deletes.
const FIRST_CUT_SHARDS = 20;
const FIRST_CUT_BYTES = 3 * VALUE_BUDGET_BYTES;

function planBytes(plan: Plan): number {
  return plan.sets.reduce((n, s) => n + jsonBytes(s.value) + s.key.length, 0) + plan.deletes.reduce((n, k) => n + k.length, 0);
}

function fits(plan: Plan): boolean {
  return plan.sets.length + plan.deletes.length <= MAX_TRANSACTION_OPS && planBytes(plan) <= MAX_TRANSACTION_BYTES;
}

/** Commits a plan as one transaction, within the run's write quota; the plan is absolute, so a retry rewrites the same values. */
export async function commit(state: MergeState, plan: Plan): Promise<void> {
  const units = Math.ceil(planBytes(plan) / QUOTA_UNIT_BYTES) || 1;
  if (state.writeUnits + units > MAX_COMPACTION_WRITE_UNITS) throw new ScopeInspectorError('STORAGE_WRITE_QUOTA', 'this run spent its share of the storage write quota');
  const tx = state.kvs.transact();
  for (const s of plan.sets) tx.set(s.key, s.value);
  for (const key of plan.deletes) tx.delete(key);
  await retryWithinBudget(() => tx.execute(), state.budget);
  state.writeUnits += units;
}

/** Returns a part-key suffix naming a set of inputs, so retrying the same merge writes the same keys. */
export function contentId(keys: readonly string[]): string {
  return createHash('sha256').update(keys.join('\n')).digest('hex').slice(0, 24);
}

/**
 * Merges one chunk of a day's shards: their rows become new day parts (a day is the sum of its
 * parts), committed in one transaction that also deletes the shards and updates the grants. The
 * existing parts are not read or rewritten, so the transaction's size depends on the chunk
 * only; a chunk too big for one transaction (25 operations, 4 MB) is halved until it fits.
 */
async function mergeChunk(state: MergeState, day: string, shards: Entry<ShardValue>[]): Promise<number> {
  const delta = emptyDay(day);
  let grants = state.grants;
  for (const shard of shards) {
    mergeShard(delta, shard.value);
    grants = mergeGrants(grants, shard.value);
  }
  const id = contentId(shards.map((s) => s.key.slice(SHARD_PREFIX.length)));
  const parts: DayPartValue[] = delta.rows.size === 0 && delta.dropped === 0 ? [] : dayToParts(delta);
  const plan: Plan = {
    sets: parts.map((value, i) => ({ key: dayPartKey(day, `${id}-${i}`), value })),
    deletes: shards.map((s) => s.key),
  };
  if (grants !== state.grants) plan.sets.push({ key: GRANTS_KEY, value: { v: 1, versions: grants } satisfies GrantsValue });
  if (!fits(plan) && shards.length > 1) {
    const half = Math.ceil(shards.length / 2);
    return (await mergeChunk(state, day, shards.slice(0, half))) + (await mergeChunk(state, day, shards.slice(half)));
  }
  await commit(state, plan);
  state.grants = grants;
  for (const shard of shards) state.handled.add(shard.key);
  return shards.length;
}

/** Merges a day's shards chunk by chunk; returns how many were merged (stops by throwing when storage or the quota says so). */
export async function mergeDay(state: MergeState, day: string, shards: Entry<ShardValue>[]): Promise<number> {
  let merged = 0;
  let chunk: Entry<ShardValue>[] = [];
  let bytes = 0;
  for (const shard of shards) {
    const size = dayBytesBound(shard.value);
    if (chunk.length > 0 && (chunk.length >= FIRST_CUT_SHARDS || bytes + size > FIRST_CUT_BYTES)) {
      merged += await mergeChunk(state, day, chunk);
      chunk = [];
      bytes = 0;
    }
    chunk.push(shard);
    bytes += size;
  }
  if (chunk.length > 0) merged += await mergeChunk(state, day, chunk);
  return merged;
}
