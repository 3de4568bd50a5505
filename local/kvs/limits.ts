import { KvsFailure } from './kvs-failure';

/**
 * Forge's documented KVS limits (developer.atlassian.com/platform/forge: "Error handling for the
 * Key-Value Store", "Storage limits", "KVS Transactions", "Executing batch operations").
 */
export const KVS_LIMITS = {
  keyMaxLength: 500,
  /** Maximum JSON size of one value. */
  valueMaxBytes: 240 * 1024,
  valueMaxDepth: 32,
  queryMaxLimit: 100,
  queryDefaultLimit: 10,
  batchMaxItems: 25,
  transactionMaxOperations: 25,
  /** Payload limit of one transaction or batch. */
  payloadMaxBytes: 4 * 1024 * 1024,
  entityNameMinLength: 3,
  entityNameMaxLength: 60,
} as const;

// The documented key pattern, verbatim.
const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;
const ENTITY_NAME_PATTERN = /^(?![_.-])(?!.*\.{2})[a-z0-9:\-_.]*(?<![.])$/;

/** Throws the documented 400 error when `key` is not a valid KVS key. */
export function checkKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || key.length === 0) throw new KvsFailure(400, 'EMPTY_KEY', 'Key cannot be empty.');
  if (key.length > KVS_LIMITS.keyMaxLength) {
    throw new KvsFailure(400, 'KEY_TOO_LONG', `The provided key has exceeded the maximum ${KVS_LIMITS.keyMaxLength} characters.`);
  }
  if (!KEY_PATTERN.test(key)) {
    throw new KvsFailure(400, 'INVALID_KEY', `The provided key does not match the regex: ${KEY_PATTERN}`);
  }
}

function depth(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let max = 0;
  for (const v of Object.values(value)) max = Math.max(max, depth(v));
  return max + 1;
}

/** Throws MAX_SIZE / MAX_DEPTH / BAD_REQUEST when a value cannot be stored; returns its JSON text. */
export function checkValue(value: unknown): string {
  if (value === undefined) throw new KvsFailure(400, 'BAD_REQUEST', 'Provided request body is invalid: value is required');
  const json = JSON.stringify(value);
  if (Buffer.byteLength(json) > KVS_LIMITS.valueMaxBytes) {
    throw new KvsFailure(400, 'MAX_SIZE', 'The provided value has exceeded the maximum size limit.');
  }
  if (depth(value) > KVS_LIMITS.valueMaxDepth) {
    throw new KvsFailure(400, 'MAX_DEPTH', `The provided value has exceeded the maximum object depth (${KVS_LIMITS.valueMaxDepth}) limit.`);
  }
  return json;
}

/** Throws the documented entity-name errors. */
export function checkEntityName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || name.length < KVS_LIMITS.entityNameMinLength) {
    throw new KvsFailure(400, 'ENTITY_TYPE_TOO_SHORT', 'The provided entity name needs to be more than 3 characters.');
  }
  if (name.length > KVS_LIMITS.entityNameMaxLength) {
    throw new KvsFailure(400, 'ENTITY_TYPE_TOO_LARGE', 'The provided entity name has exceeded the maximum 60 characters.');
  }
  if (!ENTITY_NAME_PATTERN.test(name)) {
    throw new KvsFailure(400, 'INVALID_ENTITY_TYPE', `The provided entity name does not match the regex: ${ENTITY_NAME_PATTERN}`);
  }
}

/** Returns the page size for a query, or throws when it is outside 1..100. */
export function checkLimit(limit: unknown): number {
  if (limit === undefined || limit === null) return KVS_LIMITS.queryDefaultLimit;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > KVS_LIMITS.queryMaxLimit) {
    throw new KvsFailure(400, 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE', 'The page limit must be set between 1 and 100.');
  }
  return limit;
}

/** Throws when a batch is empty, too large, or names the same key twice. */
export function checkBatch(items: unknown, label: string): asserts items is Array<Record<string, unknown>> {
  if (!Array.isArray(items) || items.length === 0) throw new KvsFailure(400, 'BAD_REQUEST', `${label} must contain at least one item`);
  if (items.length > KVS_LIMITS.batchMaxItems) {
    throw new KvsFailure(400, 'BAD_REQUEST', `${label} can contain at most ${KVS_LIMITS.batchMaxItems} items`);
  }
  const seen = new Set<string>();
  for (const item of items as Array<Record<string, unknown>>) {
    const id = `${String(item.entityName ?? '')}\u0000${String(item.key)}`;
    if (seen.has(id)) throw new KvsFailure(400, 'BAD_REQUEST', `${label} names key '${String(item.key)}' more than once`);
    seen.add(id);
  }
}
