/** Forge KVS limits this store stays within (developer.atlassian.com, "KVS and Custom Entity Store limits"). */

/** Largest stored value Forge accepts (240 KiB). */
export const MAX_VALUE_BYTES = 240 * 1024;
/** What we aim to stay under, leaving room for the envelope Forge adds around a value. */
export const VALUE_BUDGET_BYTES = 200 * 1024;
/** Largest page `kvs.query().limit()` accepts. */
export const MAX_QUERY_PAGE = 20;
/** Most keys in one batch operation. */
export const MAX_BATCH_KEYS = 25;
/** Most operations we put in one transaction (Forge documents the same cap as batches). */
export const MAX_TRANSACTION_OPS = 25;
/** Largest payload of one transaction or batch (Forge: 4 MB), with room for keys and envelope. */
export const MAX_TRANSACTION_BYTES = 3_500_000;
/** Forge counts storage reads and writes in units of 10 KB (rounded up per request). */
export const QUOTA_UNIT_BYTES = 10 * 1024;
/**
 * Write units one compaction run may spend. Forge allows an installation 4,000 write units a
 * minute; a run takes at most a fifth, so the app's own writes and a second run in the same
 * minute still fit. A run that reaches it stops early and the next run continues.
 */
export const MAX_COMPACTION_WRITE_UNITS = 800;
