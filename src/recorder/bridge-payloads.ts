import { COL, FIRST_COUNT, ROW_LENGTH, type EncodedRow } from '../usage/rows';
import { MAX_BRIDGE_PAYLOAD_CALLS, MAX_BRIDGE_ROWS } from '../usage/validate';

// Status and platform-error columns, in the order a split hands them out.
const OUTCOMES = [COL.s2, COL.s3, COL.s4, COL.s5, COL.network, COL.needsAuthentication, COL.proxyError];

/** Returns the row cut into pieces of at most `cap` calls each, the counts summing to the row's and each piece valid. */
export function splitRow(row: EncodedRow, cap = MAX_BRIDGE_PAYLOAD_CALLS): EncodedRow[] {
  if (row[COL.calls] <= cap) return [row];
  const left = row.slice() as EncodedRow;
  const pieces: EncodedRow[] = [];
  while (left[COL.calls] > 0) {
    const piece = row.slice() as EncodedRow;
    for (let i = FIRST_COUNT; i < ROW_LENGTH; i++) piece[i] = 0;
    piece[COL.calls] = Math.min(cap, left[COL.calls]);
    let room = piece[COL.calls];
    for (const col of OUTCOMES) {
      const take = Math.min(left[col], room);
      piece[col] = take;
      room -= take;
    }
    // Scope mismatches are a subset of the 4xx: never more than this piece's 4xx.
    piece[COL.scopeMismatch401] = Math.min(left[COL.scopeMismatch401], piece[COL.s4]);
    for (let i = FIRST_COUNT; i < ROW_LENGTH; i++) (left[i] as number) -= piece[i] as number;
    pieces.push(piece);
  }
  return pieces;
}

/**
 * Returns the rows cut into payloads the usage resolver accepts: at most 500 rows and 5,000
 * calls each, a row with more calls split into several (the store sums them back). A page that
 * fires thousands of calls in one tick still reports them all.
 */
export function bridgePayloads(rows: readonly EncodedRow[]): EncodedRow[][] {
  const out: EncodedRow[][] = [];
  let current: EncodedRow[] = [];
  let calls = 0;
  for (const piece of rows.flatMap((r) => splitRow(r))) {
    if (current.length > 0 && (current.length >= MAX_BRIDGE_ROWS || calls + piece[COL.calls] > MAX_BRIDGE_PAYLOAD_CALLS)) {
      out.push(current);
      current = [];
      calls = 0;
    }
    current.push(piece);
    calls += piece[COL.calls];
  }
  if (current.length > 0) out.push(current);
  return out;
}
