/**
 * Key layout of Scope Inspector's data in Forge storage (see docs/storage.md). Every key is
 * ASCII from Forge's allowed set `[a-zA-Z0-9:._\s-#]` and well under the 500-character limit.
 */
export const KEY_PREFIX = 'scope-inspector:';
/** Per-invocation shards: `scope-inspector:s:<day>:<uuid>`. */
export const SHARD_PREFIX = `${KEY_PREFIX}s:`;
/** Compacted daily aggregates, split into parts: `scope-inspector:d:<day>:<part>`. */
export const DAY_PREFIX = `${KEY_PREFIX}d:`;
/** Granted scopes per app version. */
export const GRANTS_KEY = `${KEY_PREFIX}grants`;
/** Per-account, per-day counters of browser-reported rows: `scope-inspector:q:<day>:<keyed hash>`. */
export const QUOTA_PREFIX = `${KEY_PREFIX}q:`;
/** Secret (in the KVS secret store) keying the hash that names a quota counter. */
export const QUOTA_SECRET_KEY = `${KEY_PREFIX}quota-secret`;
/** Compaction lease. */
export const LEASE_KEY = `${KEY_PREFIX}lease`;

/** Returns the key of a new shard written on `day`. */
export function shardKey(day: string, id: string): string {
  return `${SHARD_PREFIX}${day}:${id}`;
}

/**
 * Returns the key of a part of the aggregate of `day`: `<nnn>` for parts numbered by older
 * versions, a content id for parts written by merges and folds (see docs/storage.md).
 */
export function dayPartKey(day: string, part: number | string): string {
  return `${DAY_PREFIX}${day}:${typeof part === 'number' ? String(part).padStart(3, '0') : part}`;
}

/** Returns the day a shard or day-part key belongs to, or undefined for a foreign key. */
export function dayOfKey(key: string): string | undefined {
  const prefix = key.startsWith(SHARD_PREFIX) ? SHARD_PREFIX : key.startsWith(DAY_PREFIX) ? DAY_PREFIX : undefined;
  if (!prefix) return undefined;
  const day = key.slice(prefix.length, prefix.length + 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined;
}

/** Returns the UTC day (`YYYY-MM-DD`) of a timestamp. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
