import { ScopeInspectorError } from '../errors';
import { invocationBudget, type Budget } from './budget';
import { pruneGrants, type GrantsValue } from './grants';
import { DAY_PREFIX, GRANTS_KEY, SHARD_PREFIX, dayOfKey, utcDay } from './keys';
import { acquireLease } from './lease';
import { defaultKvs, type KvsPort } from './kvs-port';
import { MAX_TRANSACTION_OPS } from './limits';
import { commit, mergeDay, type MergeState } from './merge-shards';
import { retryWithinBudget } from './retry';
import { queryPage, type Entry } from './scan';
import { isFutureShard, readShard } from './shard-guard';
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
  /** True when no shard was left behind (time budget, write quota or storage errors stop early). */
  complete: boolean;
  shardsMerged: number;
  shardsDiscarded: number;
  dayPartsExpired: number;
}

/** State a compaction keeps while it holds the lease. */
export interface CompactionState extends MergeState {
  cutoffDay: string;
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

async function deleteKeys(state: CompactionState, keys: string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += MAX_TRANSACTION_OPS) await commit(state, { sets: [], deletes: keys.slice(i, i + MAX_TRANSACTION_OPS) });
}

/** Deletes day parts older than the cutoff. Keys sort by day, so only expired parts and one page more are read. */
async function expireDays(state: CompactionState): Promise<number> {
  let expired = 0;
  for (;;) {
    const page = await queryPage<unknown>(state.kvs, DAY_PREFIX, state.budget);
    const old = page.entries.map((e) => e.key).filter((key) => (dayOfKey(key) ?? '') < state.cutoffDay);
    if (old.length === 0) return expired;
    await deleteKeys(state, old);
    expired += old.length;
    if (old.length < page.entries.length) return expired;
  }
}

/** Merges every pending shard while the budget and the write quota last; returns counts. Caller holds the lease. */
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
    // not apply. Stop; reads then trust what storage holds.
    if (page.entries.some((e) => state.handled.has(e.key))) {
      throw new ScopeInspectorError('STORAGE_INCONSISTENT', 'storage acknowledged a compaction it did not apply');
    }
    const byDay = new Map<string, Entry<ShardValue>[]>();
    const discard: string[] = [];
    let kept = 0;
    for (const entry of page.entries) {
      const day = dayOfKey(entry.key);
      const shard = readShard(entry.value);
      // A newer version's shard (during an upgrade) is left for that version to merge.
      if (isFutureShard(entry.value)) kept++;
      else if (!day || !shard || day < state.cutoffDay) discard.push(entry.key);
      else byDay.set(day, [...(byDay.get(day) ?? []), { key: entry.key, value: shard }]);
    }
    if (discard.length > 0) await deleteKeys(state, discard);
    for (const key of discard) state.handled.add(key);
    result.shardsDiscarded += discard.length;
    for (const [day, shards] of byDay) result.shardsMerged += await mergeDay(state, day, shards);
    if (kept > 0) {
      if (!page.cursor) break;
      cursor = page.cursor;
    }
  }
  result.dayPartsExpired = await expireDays(state);
  const kept = pruneGrants(state.grants, state.cutoffDay);
  if (kept.length !== state.grants.length) {
    await commit(state, { sets: [{ key: GRANTS_KEY, value: { v: 1, versions: kept } satisfies GrantsValue }], deletes: [] });
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
    grants: [],
    handled: new Set(),
    writeUnits: 0,
  };
}

/** Returns an empty compaction result. */
export function emptyResult(ran: boolean): CompactResult {
  return { ran, complete: false, shardsMerged: 0, shardsDiscarded: 0, dayPartsExpired: 0 };
}

/**
 * Merges pending shards into daily aggregates and applies retention. Run from a scheduled
 * trigger and before every read. Never throws: storage trouble or the write quota ends it
 * early (`complete: false`) and the next run continues where it stopped.
 */
export async function compactUsage(options: CompactOptions = {}): Promise<CompactResult> {
  const state = newState(options);
  const lease = await acquireLease(state.kvs, Math.min(options.leaseWaitMs ?? 0, Math.max(0, state.budget.remaining()))).catch(() => undefined);
  if (!lease) return emptyResult(false);
  const result = emptyResult(true);
  try {
    return await compactHeld(state, result);
  } catch {
    return result;
  } finally {
    await lease.release();
  }
}
