import type { StoredItem } from './sqlite-store';
import { KvsFailure } from './kvs-failure';

/** Metadata a caller can ask for (`MetadataField` in @forge/kvs). */
export type MetadataField = 'CREATED_AT' | 'UPDATED_AT' | 'EXPIRE_TIME';
const ALL: readonly MetadataField[] = ['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME'];

/** Throws BAD_REQUEST for an unknown metadata field, as the service does. */
export function checkMetadataFields(fields: unknown): readonly MetadataField[] | undefined {
  if (fields === undefined) return undefined;
  if (!Array.isArray(fields) || fields.some((f) => !ALL.includes(f as MetadataField))) {
    throw new KvsFailure(400, 'BAD_REQUEST', 'Provided request body is invalid');
  }
  return fields as MetadataField[];
}

/**
 * Returns an item as the service sends it: key, value and the metadata asked for (all of it when
 * `fields` is undefined and `all` is set — get/set answers carry everything and the client picks).
 */
export function itemBody(item: StoredItem, fields: readonly MetadataField[] | undefined, all = false): Record<string, unknown> {
  const want = (f: MetadataField) => (fields ? fields.includes(f) : all);
  const body: Record<string, unknown> = { key: item.key, value: item.value };
  if (want('CREATED_AT')) body.createdAt = item.createdAt;
  if (want('UPDATED_AT')) body.updatedAt = item.updatedAt;
  if (want('EXPIRE_TIME') && item.expireAt !== null) body.expireTime = new Date(item.expireAt).toISOString();
  return body;
}

const UNIT_MS: Record<string, number> = { SECONDS: 1000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 };

/** Returns the expiry instant for a `ttl` option, null without one; throws BAD_REQUEST when malformed. */
export function expiryFor(ttl: unknown, now: number): number | null {
  if (ttl === undefined || ttl === null) return null;
  const { value, unit } = ttl as { value?: unknown; unit?: unknown };
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0 || typeof unit !== 'string' || !(unit in UNIT_MS)) {
    throw new KvsFailure(400, 'BAD_REQUEST', 'Provided request body is invalid: ttl needs a positive integer value and a unit');
  }
  return now + value * UNIT_MS[unit];
}

/** Encodes a position in a sorted result as an opaque cursor. */
export function encodeCursor(position: unknown[]): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** Decodes a cursor made by `encodeCursor`; throws BAD_REQUEST for anything else. */
export function decodeCursor(cursor: unknown): unknown[] | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(String(cursor), 'base64url').toString('utf8'));
    if (Array.isArray(parsed)) return parsed;
  } catch {
    // fall through to the error below
  }
  throw new KvsFailure(400, 'BAD_REQUEST', 'Provided cursor is invalid');
}
