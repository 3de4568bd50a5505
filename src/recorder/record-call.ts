import type { Family } from '../catalog/types';
import type { SourceCode } from '../usage/rows';
import { resolveEndpoint, type Endpoint } from './endpoint';
import type { Tally, TallyRow } from './tally';

/** Any `requestX(path, init)` function. */
export type RequestFn = (path: any, init?: any) => Promise<any>;

/**
 * Returns the promise the host gets for a recorded call: it settles exactly as `result` does,
 * with the very value or the very error, after `onValue` / `onRejection` have counted it.
 *
 * It is a derived promise, never `result` itself with a side branch: any handler attached to
 * `result` marks its rejection handled, so an un-awaited failing call would no longer raise
 * `unhandledRejection` (which decides whether Node crashes). Here `result` is handled by us and
 * the derived promise, rejected with the same error object, is the host's to handle or not:
 * the same number of events with the same values, for one extra microtask per call.
 * A value that is not a native promise is returned untouched (counted, outcome unknown).
 */
export function settleThrough<T>(result: T, onValue: (value: any) => any, onRejection: (error: unknown) => never): T {
  if (!(result instanceof Promise)) return result;
  return result.then(onValue, onRejection) as T;
}

/** Returns the row a call to `endpoint` counts in, with the call counted; undefined if counting failed. */
export function countCall(tallyOf: () => Tally | undefined, endpoint: Endpoint, source: SourceCode): TallyRow | undefined {
  try {
    const tally = tallyOf();
    if (tally === undefined) return undefined;
    const row = tally.row(endpoint, source);
    row.calls++;
    tally.calls++;
    return row;
  } catch {
    return undefined; // never let recording hurt the host
  }
}

// How many recorded functions are running synchronously right now (0 between calls): never per tenant.
let depth = 0;

/** Says which endpoint a call to a recorded function is, from its arguments; undefined leaves it unrecorded. */
export type EndpointOf = (args: readonly unknown[]) => Endpoint | undefined;

/**
 * Returns a function that behaves exactly like `original` and counts each call under `source`
 * at the endpoint `endpointOf` names (see `settleThrough` for what the host gets). A new
 * recorded surface is an `EndpointOf`. A synchronous throw (an unsafe URL) is not a request and
 * propagates uncounted, synchronously, as it would unwrapped. A recorded call made synchronously
 * by another one's original is not counted again.
 */
export function recordWith<F extends (...args: any[]) => any>(original: F, endpointOf: EndpointOf, source: SourceCode, tallyOf: () => Tally | undefined): F {
  return function recorded(this: unknown, ...args: unknown[]): unknown {
    // A recorded function reached synchronously from inside another one is the same request
    // (`api.fetch` over an instrumented global `fetch`, an api instrumented twice): counted once.
    if (depth > 0) return original.apply(this, args);
    let result;
    depth++;
    try {
      result = original.apply(this, args);
    } finally {
      depth--;
    }
    if (result === null || typeof result !== 'object' || typeof result.then !== 'function') return result;
    let endpoint: Endpoint | undefined;
    try {
      endpoint = endpointOf(args);
    } catch {
      return result; // never let recording hurt the host
    }
    if (endpoint === undefined) return result;
    const row = countCall(tallyOf, endpoint, source);
    return row === undefined ? result : settleThrough(result, row.onResponse, row.onRejection);
  } as F;
}

/** Returns the endpoint of a product request `requestX(path, init)` of this family. */
export function restEndpoint(family: Family): EndpointOf {
  return ([path, init]) => {
    const concrete: unknown = typeof path === 'string' ? path : (path as { value?: unknown } | null | undefined)?.value;
    if (typeof concrete !== 'string') return undefined;
    const method = init === undefined || init === null ? undefined : (init as { method?: string }).method;
    return resolveEndpoint(family, method, concrete);
  };
}

/** Returns a recorded `requestX` of this family (see `recordWith`). */
export function recordCalls(original: RequestFn, family: Family, source: SourceCode, tallyOf: () => Tally | undefined): RequestFn {
  return recordWith(original, restEndpoint(family), source, tallyOf);
}
