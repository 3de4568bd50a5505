import { ScopeInspectorError } from '../errors';
import type { GrantedScopes } from '../usage/format';
import { invocationBudget, type Budget } from './budget';
import { cloneDay, dayFromParts, dayToParts, mergeShard, type DayAggregate, type DayPartValue } from './day-aggregate';
import { mergeGrants, pruneGrants, type GrantsValue } from './grants';
import { DAY_PREFIX, GRANTS_KEY, SHARD_PREFIX, dayOfKey, dayPartKey, utcDay } from './keys';
import { acquireLease } from './lease';
import { defaultKvs, type KvsPort } from './kvs-port';
import { MAX_TRANSACTION_OPS } from './limits';
import { retryWithinBudget } from './retry';
import { queryPage, scanPrefix, type Entry } from './scan';
import { isFutureShard, isShardValue } from './shard-guard';
import type { ShardValue } from './shard';

/** Days of usage kept unless configured otherwise. */
export const DEFAULT_RETENTION_DAYS = 90;
/** Longest a compaction runs when the invocation's remaining time is unknown. */
export const COMPACTION_CAP_MS = 20_000;

/** Options of a compaction. */
export interface CompactOptions {
  kvs?: KvsPort;
  /** Clock deciding "today" (days, retention); time budgets always use the real clock. */
  now?: () => number;
  budget?: Budget;
  retentionDays?: number;
  /** How long to wait for a concurrent compaction's lease; 0 gives up at once. */
  leaseWaitMs?: number;
}

/** What a compaction did. */
export interface CompactResult {
  /** False when another compactor held the lease. */
  ran: boolean;
  /** True when no shard was left behind (time budget or storage errors stop early). */
  complete: boolean;
  shardsMerged: number;
  shardsDiscarded: number;
  dayPartsExpired: number;
}

/** State a compaction keeps while it holds the lease. */
export interface CompactionState {
  kvs: KvsPort;
  budget: Budget;
  cutoffDay: string;
  days: Map<string, { aggregate: DayAggregate; parts: number }>;
  grants: GrantedScopes[];
  /** Shard keys this run already merged or discarded. */
  handled: Set<string>;
}

/** Environment variable (`forge variables set`) that overrides the retention period, in days. */
export const RETENTION_ENV = 'SCOPE_INSPECTOR_RETENTION_DAYS';

/** Returns the retention period: the option, else the environment variable, else 90 days. */
export function retentionDays(option?: number): number {
  if (option !== undefined && Number.isFinite(option) && option >= 1) return Math.floor(option);
  const fromEnv = Number(process.env[RETENTION_ENV]);
  return Number.isFinite(fromEnv) && fromEnv >= 1 ? Math.floor(fromEnv) : DEFAULT_RETENTION_DAYS;
}

/** Returns the first day still kept under `retentionDays`. */
export function cutoffDay(now: number, retentionDays: number): string {
  return utcDay(now - (retentionDays - 1) * 86_400_000);
}

/** Returns a day's aggregate as stored, loading it once per compaction. */
export async function loadDay(state: CompactionState, day: string): Promise<{ aggregate: DayAggregate; parts: number }> {
  let have = state.days.get(day);
  if (!have) {
    const parts = await scanPrefix<DayPartValue>(state.kvs, `${DAY_PREFIX}${day}:`, state.budget);
    have = { aggregate: dayFromParts(day, parts.map((p) => p.value)), parts: parts.length };
    state.days.set(day, have);
  }
  return have;
}

/**
 * Merges shards of one day into its aggregate in one transaction that also deletes them.
 * The transaction writes absolute values computed under the lease, so repeating it after an
 * ambiguous failure stores the same thing: a shard is never counted twice.
 */
async function mergeDayChunk(state: CompactionState, day: string, shards: Entry<ShardValue>[]): Promise<void> {
  const have = await loadDay(state, day);
  const next = cloneDay(have.aggregate);
  let grants = state.grants;
  for (const shard of shards) {
    mergeShard(next, shard.value);
    grants = mergeGrants(grants, shard.value);
  }
  const parts = dayToParts(next);
  const tx = state.kvs.transact();
  parts.forEach((value, i) => tx.set(dayPartKey(day, i), value));
  for (let i = parts.length; i < have.parts; i++) tx.delete(dayPartKey(day, i));
  for (const shard of shards) tx.delete(shard.key);
  if (grants !== state.grants) tx.set<GrantsValue>(GRANTS_KEY, { v: 1, versions: grants });
  await retryWithinBudget(() => tx.execute(), state.budget);
  state.days.set(day, { aggregate: next, parts: parts.length });
  state.grants = grants;
  for (const shard of shards) state.handled.add(shard.key);
}

async function deleteKeys(state: CompactionState, keys: string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += MAX_TRANSACTION_OPS) {
    const tx = state.kvs.transact();
    for (const key of keys.slice(i, i + MAX_TRANSACTION_OPS)) tx.delete(key);
    await retryWithinBudget(() => tx.execute(), state.budget);
  }
}

/** Merges every pending shard while the budget lasts; returns counts. Caller holds the lease. */
export async function compactHeld(state: CompactionState, result: CompactResult): Promise<CompactResult> {
  const stored = await retryWithinBudget(() => state.kvs.get<GrantsValue>(GRANTS_KEY), state.budget);
  state.grants = Array.isArray(stored?.versions) ? stored.versions : [];
  let cursor: string | undefined;
  for (;;) {
    if (state.budget.remaining() <= 0) return result;
    // The same page again: merged shards are deleted, so it holds the next ones (and no
    // cursor has to survive our own deletes). Only shards left in place move the cursor on.
    const page = await queryPage<unknown>(state.kvs, SHARD_PREFIX, state.budget, cursor);
    if (page.entries.length === 0) break;
    // A shard we already merged is still there: the store acknowledged a transaction it did
    // not apply. Our in-memory aggregates are then ahead of storage; stop and trust storage.
    if (page.entries.some((e) => state.handled.has(e.key))) {
      state.days.clear();
      throw new ScopeInspectorError('STORAGE_INCONSISTENT', 'storage acknowledged a compaction it did not apply');
    }
    const byDay = new Map<string, Entry<ShardValue>[]>();
    const discard: string[] = [];
    let kept = 0;
    for (const entry of page.entries) {
      const day = dayOfKey(entry.key);
      // A newer version's shard (during an upgrade) is left for that version to merge.
      if (isFutureShard(entry.value)) kept++;
      else if (!day || !isShardValue(entry.value) || day < state.cutoffDay) discard.push(entry.key);
      else byDay.set(day, [...(byDay.get(day) ?? []), entry as Entry<ShardValue>]);
    }
    if (discard.length > 0) await deleteKeys(state, discard);
    for (const key of discard) state.handled.add(key);
    result.shardsDiscarded += discard.length;
    for (const [day, shards] of byDay) {
      const { parts } = await loadDay(state, day);
      const chunk = Math.max(1, MAX_TRANSACTION_OPS - parts - 2);
      for (let i = 0; i < shards.length; i += chunk) {
        const slice = shards.slice(i, i + chunk);
        await mergeDayChunk(state, day, slice);
        result.shardsMerged += slice.length;
      }
    }
    if (kept > 0) {
      if (!page.cursor) break;
      cursor = page.cursor;
    }
  }
  const expired = (await scanPrefix<unknown>(state.kvs, DAY_PREFIX, state.budget)).map((e) => e.key).filter((key) => (dayOfKey(key) ?? '') < state.cutoffDay);
  await deleteKeys(state, expired);
  result.dayPartsExpired = expired.length;
  const kept = pruneGrants(state.grants, state.cutoffDay);
  if (kept.length !== state.grants.length) {
    await retryWithinBudget(() => state.kvs.set<GrantsValue>(GRANTS_KEY, { v: 1, versions: kept }), state.budget);
    state.grants = kept;
  }
  result.complete = true;
  return result;
}

/** Returns a fresh compaction state. */
export function newState(options: CompactOptions): CompactionState {
  const now = options.now ?? Date.now;
  return {
    kvs: options.kvs ?? defaultKvs(),
    budget: options.budget ?? invocationBudget(COMPACTION_CAP_MS),
    cutoffDay: cutoffDay(now(), retentionDays(options.retentionDays)),
    days: new Map(),
    grants: [],
    handled: new Set(),
  };
}

/**
 * Merges pending shards into daily aggregates and applies retention. Run from a scheduled
 * trigger and before every read. Never throws: storage trouble ends it early (`complete: false`)
 * and the next run continues where it stopped.
 */
export async function compactUsage(options: CompactOptions = {}): Promise<CompactResult> {
  const state = newState(options);
  const result: CompactResult = { ran: false, complete: false, shardsMerged: 0, shardsDiscarded: 0, dayPartsExpired: 0 };
  const lease = await acquireLease(state.kvs, Math.min(options.leaseWaitMs ?? 0, Math.max(0, state.budget.remaining()))).catch(() => undefined);
  if (!lease) return result;
  result.ran = true;
  try {
    return await compactHeld(state, result);
  } catch {
    return result;
  } finally {
    await lease.release();
  }
}

