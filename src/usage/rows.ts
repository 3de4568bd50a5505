import type { Family, HttpMethod } from '../catalog/types';
import type { ExclusionReason, Principal } from './format';
import type { SurfaceCode } from './surfaces';

/**
 * The compact row every tally, shard and bridge payload is made of. Arrays instead of
 * objects keep shards small (Forge values are capped at 240 KiB) and make strict
 * validation a matter of checking positions.
 */
export type CountsTuple = [
  calls: number,
  s2xx: number,
  s3xx: number,
  s4xx: number,
  s5xx: number,
  network: number,
  scopeMismatch401: number,
  needsAuthentication: number,
  proxyError: number,
];

/**
 * One (family or surface, method, template, source) row: `[code, method, template, known, source, ...counts]`.
 * For a surface row (`src/usage/surfaces.ts`) the template is its identity (`target path graphql`).
 */
export type EncodedRow = [family: RowCode, method: HttpMethod, template: string, known: 0 | 1, source: SourceCode, ...counts: CountsTuple];

/** One-letter family codes used in stored rows. */
export type FamilyCode = 'j' | 'c' | 'b';
/** What the first column of a row names: a product family or another request surface. */
export type RowCode = FamilyCode | SurfaceCode;
/**
 * Who made a call, and whether it may count as the app's evidence: `a` asApp, `u` asUser, `n`
 * bare (unauthenticated), `b` Custom UI bridge verified against the static analysis, `i`
 * Scope Inspector's own calls (principal `inspector`, which the analysis keeps out of every
 * verdict), and `x` a bridge row the static analysis does not vouch for (client input, never
 * evidence: exported under `excluded`).
 */
export type SourceCode = 'a' | 'u' | 'n' | 'b' | 'i' | 'x';
/** The principal codes (every source but the unverified bridge). */
export type PrincipalCode = Exclude<SourceCode, 'x'>;

/** Family → stored code. */
export const FAMILY_CODE: Readonly<Record<Family, FamilyCode>> = { requestJira: 'j', requestConfluence: 'c', requestBitbucket: 'b' };
/** Stored code → family. */
export const FAMILY_OF: Readonly<Record<FamilyCode, Family>> = { j: 'requestJira', c: 'requestConfluence', b: 'requestBitbucket' };
/** Principal → stored code. */
export const PRINCIPAL_CODE: Readonly<Record<Principal, PrincipalCode>> = { app: 'a', user: 'u', none: 'n', bridge: 'b', inspector: 'i' };
/** Stored code → principal, and why the row is kept out of the app's evidence (when it is). */
export const SOURCE_OF: Readonly<Record<SourceCode, { principal: Principal; excluded?: ExclusionReason }>> = {
  a: { principal: 'app' },
  u: { principal: 'user' },
  n: { principal: 'none' },
  b: { principal: 'bridge' },
  i: { principal: 'inspector' },
  x: { principal: 'bridge', excluded: 'unverified-bridge' },
};
/** The code of a bridge row that the static analysis could not verify. */
export const UNVERIFIED_BRIDGE: SourceCode = 'x';

/** HTTP methods a row may carry (the catalog's `HttpMethod`). */
export const HTTP_METHODS: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']);

/** Number of count columns after the identity columns of an `EncodedRow`. */
export const COUNT_COLUMNS = 9;
/** Index of the first count column in an `EncodedRow`. */
export const FIRST_COUNT = 5;
/** Length of a row (`FIRST_COUNT + COUNT_COLUMNS`). */
export const ROW_LENGTH = 14;
/** Length of a row written by version 1 (no platform-error columns). */
export const V1_ROW_LENGTH = 12;
/** Column of each count. */
export const COL = { calls: 5, s2: 6, s3: 7, s4: 8, s5: 9, network: 10, scopeMismatch401: 11, needsAuthentication: 12, proxyError: 13 } as const;

/** Returns a copy of a stored row in the current layout: a version-1 row gets zero platform-error counts. */
export function upgradeRow<T extends readonly unknown[]>(row: T): unknown[] {
  return row.length === V1_ROW_LENGTH ? [...row, 0, 0] : row.slice();
}

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
    for (let i = FIRST_COUNT; i < ROW_LENGTH; i++) (have[i] as number) += row[i] as number;
  }
  return target;
}

/** Returns the total call count of the rows. */
export function totalCalls(rows: Iterable<EncodedRow>): number {
  let n = 0;
  for (const row of rows) n += row[FIRST_COUNT];
  return n;
}
