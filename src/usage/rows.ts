import type { Family, HttpMethod } from '../catalog/types';
import type { Principal } from './format';

/**
 * The compact row every tally, shard and bridge payload is made of. Arrays instead of
 * objects keep shards small (Forge values are capped at 240 KiB) and make strict
 * validation a matter of checking positions.
 */
export type CountsTuple = [calls: number, s2xx: number, s3xx: number, s4xx: number, s5xx: number, network: number, scopeMismatch401: number];

/** One (family, method, template, principal) row: `[f, method, template, known, p, ...counts]`. */
export type EncodedRow = [
  family: FamilyCode,
  method: HttpMethod,
  template: string,
  known: 0 | 1,
  principal: PrincipalCode,
  ...counts: CountsTuple,
];

/** One-letter family codes used in stored rows. */
export type FamilyCode = 'j' | 'c' | 'b';
/** One-letter principal codes used in stored rows. */
export type PrincipalCode = 'a' | 'u' | 'b' | 'i';

/** Family → stored code. */
export const FAMILY_CODE: Readonly<Record<Family, FamilyCode>> = { requestJira: 'j', requestConfluence: 'c', requestBitbucket: 'b' };
/** Stored code → family. */
export const FAMILY_OF: Readonly<Record<FamilyCode, Family>> = { j: 'requestJira', c: 'requestConfluence', b: 'requestBitbucket' };
/** Principal → stored code. */
export const PRINCIPAL_CODE: Readonly<Record<Principal, PrincipalCode>> = { app: 'a', user: 'u', bridge: 'b', inspector: 'i' };
/** Stored code → principal. */
export const PRINCIPAL_OF: Readonly<Record<PrincipalCode, Principal>> = { a: 'app', u: 'user', b: 'bridge', i: 'inspector' };

/** HTTP methods a row may carry (the catalog's `HttpMethod`). */
export const HTTP_METHODS: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']);

/** Number of count columns after the identity columns of an `EncodedRow`. */
export const COUNT_COLUMNS = 7;
/** Index of the first count column in an `EncodedRow`. */
export const FIRST_COUNT = 5;

/** Returns the identity of a row (everything but the counts) as a map key. */
export function rowKey(row: EncodedRow): string {
  return `${row[0]} ${row[1]} ${row[4]} ${row[2]}`;
}

/** Returns a new map of rows by identity, with counts of equal rows summed. */
export function mergeRows(target: Map<string, EncodedRow>, rows: Iterable<EncodedRow>): Map<string, EncodedRow> {
  for (const row of rows) {
    const key = rowKey(row);
    const have = target.get(key);
    if (!have) {
      target.set(key, row.slice() as EncodedRow);
      continue;
    }
    for (let i = FIRST_COUNT; i < FIRST_COUNT + COUNT_COLUMNS; i++) (have[i] as number) += row[i] as number;
  }
  return target;
}

/** Returns the total call count of the rows. */
export function totalCalls(rows: Iterable<EncodedRow>): number {
  let n = 0;
  for (const row of rows) n += row[FIRST_COUNT];
  return n;
}
