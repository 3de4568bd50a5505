import type { Family } from '../catalog/types';
import type { Principal } from '../usage/format';
import { currentTally } from './context';
import { recordCalls as recordInto, type RequestFn } from './record-call';

const recordCalls = (original: RequestFn, family: Family, principal: Principal): RequestFn => recordInto(original, family, principal, currentTally);

/** Options of `instrument`. */
export interface InstrumentOptions {
  /** Records every call as this principal instead: `inspector` for Scope Inspector's own calls, kept apart from the app's usage. */
  as?: 'inspector';
}
type AnyRecord = Record<string, any>;

const FAMILIES: readonly Family[] = ['requestJira', 'requestConfluence', 'requestBitbucket'];
/** Most `asUser(accountId)` method sets kept; accounts beyond that are wrapped afresh. */
export const MAX_CACHED_PRINCIPALS = 256;

function wrapFamilies<T extends AnyRecord>(methods: T, principal: Principal): T {
  if (methods === null || typeof methods !== 'object') return methods;
  const out: AnyRecord = { ...methods };
  for (const family of FAMILIES) {
    if (typeof methods[family] === 'function') out[family] = recordCalls(methods[family], family, principal);
  }
  if (typeof methods.withContext === 'function') {
    const withContext = methods.withContext;
    out.withContext = (...args: unknown[]) => wrapFamilies(withContext.apply(methods, args), principal);
  }
  return out as T;
}

/**
 * Returns `api` (the `@forge/api` default export or its module namespace) with the same
 * surface and types, whose `requestJira` / `requestConfluence` / `requestBitbucket` (bare, and
 * under `asApp()`, `asUser()`, `asUser(accountId)` and `withContext`) are recorded. Everything
 * else is the original, untouched. Bare calls are recorded as `app`.
 */
export function instrument<T extends object>(api: T, options: InstrumentOptions = {}): T {
  const source = api as AnyRecord;
  const as = (principal: Principal): Principal => options.as ?? principal;
  const out: AnyRecord = {};
  // Copy descriptors, not values: a CommonJS namespace exposes its exports as getters.
  for (const key of Reflect.ownKeys(api)) {
    const descriptor = Object.getOwnPropertyDescriptor(api, key);
    if (descriptor) Object.defineProperty(out, key, { ...descriptor, configurable: true });
  }
  for (const family of FAMILIES) {
    if (typeof source[family] === 'function') {
      Object.defineProperty(out, family, { value: recordCalls(source[family], family, as('app')), enumerable: true, configurable: true, writable: true });
    }
  }
  const wrapFactory = (name: 'asApp' | 'asUser', principal: Principal) => {
    const factory = source[name];
    if (typeof factory !== 'function') return;
    // @forge/api's asApp()/asUser(id) build stateless closures (they read the runtime at call
    // time, like the bare requestJira it builds once at load), so one wrapped set per
    // argument is reused: wrapping per call would cost more than the recording itself.
    const cache = new Map<unknown, AnyRecord>();
    // asApp() takes no argument and asUser(accountId?) one, so the first one is the cache key.
    const wrapped = (id?: unknown): AnyRecord => {
      let methods = cache.get(id);
      if (methods === undefined) {
        const built: AnyRecord = wrapFamilies(id === undefined ? factory.call(source) : factory.call(source, id), principal);
        if (cache.size >= MAX_CACHED_PRINCIPALS) cache.clear();
        cache.set(id, built);
        methods = built;
      }
      return methods;
    };
    Object.defineProperty(out, name, { value: wrapped, enumerable: true, configurable: true, writable: true });
  };
  wrapFactory('asApp', as('app'));
  wrapFactory('asUser', as('user'));
  // The default export is reachable from the namespace too; instrument it as well.
  if (source.default && typeof source.default === 'object' && source.default !== api && typeof source.default.asApp === 'function') {
    Object.defineProperty(out, 'default', { value: instrument(source.default, options), enumerable: true, configurable: true, writable: true });
  }
  return out as T;
}
