export { writeShard, FLUSH_CAP_MS, type WriteShardOptions } from './write-shard';
export { compactUsage, DEFAULT_RETENTION_DAYS, type CompactOptions, type CompactResult } from './compact';
export { readUsage, resetUsage, type ReadOptions } from './read-usage';
export { storageStats } from './stats';
export { fixedBudget, invocationBudget, type Budget } from './budget';
export type { KvsPort } from './kvs-port';
export * as storageKeys from './keys';
