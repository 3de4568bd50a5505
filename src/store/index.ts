export { writeShard, FLUSH_CAP_MS, type WriteShardOptions } from './write-shard';
export { compactUsage, DEFAULT_RETENTION_DAYS, RETENTION_ENV, retentionDays, type CompactOptions, type CompactResult } from './compact';
export { scheduledCompaction } from './scheduled-compaction';
export { readUsage, resetUsage, type ReadOptions } from './read-usage';
export { storageStats } from './stats';
export { fixedBudget, invocationBudget, type Budget } from './budget';
export type { KvsPort } from './kvs-port';
export * as storageKeys from './keys';
