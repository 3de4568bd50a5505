import { countText, plural } from '../../../src/analysis/count-text';

/** Returns a count with thousands separators (the core's formatter: the CLI and the page write counts alike). */
export const formatCount = countText;

/** Returns a plural phrase: `1 call`, `2 calls`, `1,204 calls`. */
export { plural };

/** Returns a 0..1 share as a whole percentage, or an em dash when unknown. */
export const formatShare = (share: number | null | undefined): string => (share === null || share === undefined ? '—' : `${Math.round(share * 100)}%`);

/** Returns `YYYY-MM-DD` for an ISO date or day, or an em dash. */
export const formatDay = (value: string | null | undefined): string => (value ? value.slice(0, 10) : '—');

/** Returns refused calls with their unit: "5 calls refused (401)". */
export const refusedCalls = (n: number): string => `${plural(n, 'call')} refused (401)`;

/** Returns failed calls with their unit: "3 calls failed". */
export const failedCalls = (n: number): string => `${plural(n, 'call')} failed`;

/** Returns the window as words: "last 90 days", "all recorded usage". */
export const windowWords = (days: number | null): string => (days === null ? 'all recorded usage' : `last ${plural(days, 'day')}`);
