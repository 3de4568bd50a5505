import type { Family } from '../catalog/types';
import type { Principal } from '../usage/format';
import { resolveEndpoint } from './endpoint';
import type { Tally, TallyRow } from './tally';

/** Any `requestX(path, init)` function. */
export type RequestFn = (path: any, init?: any) => Promise<any>;

/**
 * Returns a `requestX` that behaves exactly like `original` and counts the call. It returns
 * the original's very promise (so the very Response or error, with no extra tick); counting
 * happens on a side branch registered first, so it has run by the time the host resumes.
 * A synchronous throw (an unsafe URL) is not a request and propagates uncounted.
 */
export function recordCalls(original: RequestFn, family: Family, principal: Principal, tallyOf: () => Tally): RequestFn {
  return function recordedRequest(this: unknown, path: any, init?: any): Promise<any> {
    const result = original.call(this, path, init);
    let row: TallyRow;
    try {
      if (result === null || typeof result !== 'object' || typeof result.then !== 'function') return result;
      const concrete: unknown = typeof path === 'string' ? path : path?.value;
      if (typeof concrete !== 'string') return result;
      const endpoint = resolveEndpoint(family, init === undefined || init === null ? undefined : init.method, concrete);
      if (endpoint === undefined) return result;
      const tally = tallyOf();
      row = tally.row(endpoint, principal);
      row.calls++;
      tally.calls++;
    } catch {
      return result; // never let recording hurt the host
    }
    result.then(row.onResponse, row.onError);
    return result;
  };
}
