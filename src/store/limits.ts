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
