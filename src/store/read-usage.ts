import { createHash } from 'node:crypto';
import { getAppContext } from '@forge/api';
import { ScopeInspectorError } from '../errors';
import type { UsageExport } from '../usage/format';
import { buildExport } from './build-export';
import { fixedBudget } from './budget';
import { compactHeld, emptyResult, newState, type CompactOptions, type CompactResult } from './compact';
import { consolidateDay } from './consolidate';
import { dayFromParts, emptyDay, mergeShard, type DayAggregate } from './day-aggregate';
import { DAY_PREFIX, GRANTS_KEY, KEY_PREFIX, LEASE_KEY, SHARD_PREFIX, dayOfKey } from './keys';
import { mergeGrants } from './grants';
import { acquireLease } from './lease';
import { MAX_TRANSACTION_OPS } from './limits';
import { retryWithinBudget } from './retry';
import { scanPrefix, type Entry } from './scan';
import { readShard } from './shard-guard';

/** How long a read waits for a running compaction before reading without the lease. */
export const READ_LEASE_WAIT_MS = 5000;

/** Options of `readUsage`. */
export interface ReadOptions extends CompactOptions {
  /** Called with what the on-demand compaction did (for tests and logs). */
  onCompaction?: (result: CompactResult) => void;
}

function installationInfo(): { installation: string; environment?: string } {
  try {
    const context = getAppContext();
    const id = String(context.installationAri ?? '');
    return { installation: createHash('sha256').update(id).digest('hex').slice(0, 16), environment: context.environmentType || undefined };
  } catch {
    return { installation: 'unknown' };
  }
}

/**
 * Returns this installation's usage export. Compacts first (on-demand compaction) and reads
 * while holding the lease, so the numbers are exact; shards a short budget left unmerged are
 * added in memory. Holding the lease with every part in memory, it also folds a day's small
 * parts together. Throws `USAGE_READ_FAILED` when storage cannot be read at all.
 */
export async function readUsage(options: ReadOptions = {}): Promise<UsageExport> {
  const state = newState(options);
  const lease = await acquireLease(state.kvs, options.leaseWaitMs ?? READ_LEASE_WAIT_MS).catch(() => undefined);
  try {
    const result = emptyResult(!!lease);
    if (lease) {
      // Compaction gets half of the time left, so a slow store still leaves time to read.
      const full = state.budget;
      state.budget = fixedBudget(full.remaining() / 2);
      await compactHeld(state, result).catch(() => undefined);
      state.budget = full;
    }
    options.onCompaction?.(result);
    const partsByDay = new Map<string, Entry<unknown>[]>();
    for (const entry of await scanPrefix<unknown>(state.kvs, DAY_PREFIX, state.budget)) {
      const day = dayOfKey(entry.key);
      if (day && day >= state.cutoffDay) partsByDay.set(day, [...(partsByDay.get(day) ?? []), entry]);
    }
    const days = new Map<string, DayAggregate>();
    for (const [day, parts] of partsByDay) {
      // A fold keeps the day's sum, so the parts read stay right even if a fold fails half way.
      const current = result.complete ? await consolidateDay(state, day, parts).catch(() => parts) : parts;
      days.set(day, dayFromParts(day, current.map((p) => p.value)));
    }
    if (!result.complete) {
      // Shards still pending are in no part (a merge deletes them in the same transaction).
      const stored = await retryWithinBudget(() => state.kvs.get<{ versions?: unknown }>(GRANTS_KEY), state.budget);
      state.grants = Array.isArray(stored?.versions) ? (stored!.versions as typeof state.grants) : [];
      for (const entry of await scanPrefix<unknown>(state.kvs, SHARD_PREFIX, state.budget)) {
        const shard = readShard(entry.value);
        if (!shard || shard.day < state.cutoffDay) continue;
        const day = days.get(shard.day) ?? emptyDay(shard.day);
        mergeShard(day, shard);
        days.set(shard.day, day);
        state.grants = mergeGrants(state.grants, shard);
      }
    }
    return buildExport({ days: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)), grants: state.grants, ...installationInfo(), generatedAt: new Date((options.now ?? Date.now)()).toISOString() });
  } catch (error) {
    throw new ScopeInspectorError('USAGE_READ_FAILED', `usage could not be read from Forge storage: ${(error as Error)?.message ?? error}`, { cause: error });
  } finally {
    await lease?.release();
  }
}

/** Deletes every key Scope Inspector stored (shards, aggregates, grants); returns how many. */
export async function resetUsage(options: CompactOptions = {}): Promise<number> {
  const state = newState(options);
  const lease = await acquireLease(state.kvs, options.leaseWaitMs ?? READ_LEASE_WAIT_MS);
  if (!lease) throw new ScopeInspectorError('USAGE_BUSY', 'a compaction is running; try again');
  try {
    const keys = (await scanPrefix<unknown>(state.kvs, KEY_PREFIX, state.budget)).map((e) => e.key).filter((k) => k !== LEASE_KEY);
    for (let i = 0; i < keys.length; i += MAX_TRANSACTION_OPS) {
      const tx = state.kvs.transact();
      for (const key of keys.slice(i, i + MAX_TRANSACTION_OPS)) tx.delete(key);
      await retryWithinBudget(() => tx.execute(), state.budget);
    }
    return keys.length;
  } finally {
    await lease.release();
  }
}
