/** Returns a count with thousands separators. */
export const formatCount = (n: number): string => n.toLocaleString('en-US');

/** Returns a 0..1 share as a whole percentage, or an em dash when unknown. */
export const formatShare = (share: number | null | undefined): string => (share === null || share === undefined ? '—' : `${Math.round(share * 100)}%`);

/** Returns a plural phrase: `1 call`, `2 calls`. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${formatCount(n)} ${n === 1 ? one : many}`;

/** Returns `YYYY-MM-DD` for an ISO date or day, or an em dash. */
export const formatDay = (value: string | null | undefined): string => (value ? value.slice(0, 10) : '—');
