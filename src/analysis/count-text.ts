/**
 * Returns an integer with thousands separators (`12,345`), as `toLocaleString('en-US')` writes it,
 * without starting ICU's number formatting: its first use costs ~12 ms of CPU, a tenth of a small
 * app's whole audit (docs/benchmarks.md, "CLI start"). Other numbers go to `toLocaleString`.
 */
export function countText(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** Returns a count with its noun, plural unless it is one: `1 file`, `1,204 files` (`many` for an irregular plural). */
export const plural = (n: number, one: string, many = `${one}s`): string => `${countText(n)} ${n === 1 ? one : many}`;
