import type { Family } from '../catalog/types';
import type { PrincipalCode, SourceCode } from '../usage/rows';
import { recordAuthorize } from './authorize';
import { currentTally, invocationMemo } from './context';
import { recordWith, restEndpoint, type EndpointOf } from './record-call';

type AnyRecord = Record<string, any>;

/** Options of `instrument`. */
export interface InstrumentOptions {
  /** Records every call as this principal instead: `inspector` for Scope Inspector's own calls, kept apart from the app's usage. */
  as?: 'inspector';
}

const FAMILIES: readonly Family[] = ['requestJira', 'requestConfluence', 'requestBitbucket'];
/**
 * The recorded request functions of `@forge/api`'s objects (bare, `asApp()`, `asUser()`,
 * `withContext()`): member name and which endpoint a call is. A new surface is one entry.
 */
const SURFACES: ReadonlyArray<readonly [member: string, endpointOf: EndpointOf]> = FAMILIES.map((family) => [family, restEndpoint(family)] as const);

/** Records every surface `from` has onto `out`, under `code`. */
function wrapSurfaces(from: AnyRecord, out: AnyRecord, code: SourceCode): void {
  for (const [member, endpointOf] of SURFACES) {
    if (typeof from[member] === 'function') put(out, member, recordWith(from[member], endpointOf, code, currentTally));
  }
}

/** Defines `value` as an own, writable member of `out`. */
function put(out: AnyRecord, key: string, value: unknown): void {
  Object.defineProperty(out, key, { value, enumerable: true, configurable: true, writable: true });
}

/** Returns a copy of `methods` whose request surfaces (and `withContext(ari)`'s) are recorded under `code`. */
function wrapMethods<T extends AnyRecord>(methods: T, code: SourceCode): T {
  if (methods === null || typeof methods !== 'object') return methods;
  const out: AnyRecord = { ...methods };
  wrapSurfaces(methods, out, code);
  if (typeof methods.withContext === 'function') {
    const withContext = methods.withContext;
    out.withContext = (...args: unknown[]) => wrapMethods(withContext.apply(methods, args), code);
  }
  return out as T;
}

/**
 * Returns `api` (the `@forge/api` default export or its module namespace) with the same
 * surface and types, whose product requests are recorded: bare `requestJira` /
 * `requestConfluence` / `requestBitbucket` (principal `none`: `@forge/api` sends them with
 * provider `none`, unauthenticated), the same under `asApp()` (`app`), `asUser()` and
 * `asUser(accountId)` (`user`) and their `withContext(ari)`, and the permission checks
 * `authorize()` makes as the user. Everything else is the original, untouched.
 */
export function instrument<T extends object>(api: T, options: InstrumentOptions = {}): T {
  const source = api as AnyRecord;
  const code = (c: PrincipalCode): SourceCode => (options.as === 'inspector' ? 'i' : c);
  const out: AnyRecord = {};
  // Copy descriptors, not values: a CommonJS namespace exposes its exports as getters.
  for (const key of Reflect.ownKeys(api)) {
    const descriptor = Object.getOwnPropertyDescriptor(api, key);
    if (descriptor) Object.defineProperty(out, key, { ...descriptor, configurable: true });
  }
  wrapSurfaces(source, out, code('n'));
  // @forge/api's asApp() / asUser() build stateless closures (they read the runtime at call
  // time), so one wrapped set each is reused: wrapping per call would cost more than the
  // recording. asUser(accountId) sets are reused within one invocation only, so no account id
  // outlives the invocation that used it.
  const asApp = source.asApp;
  if (typeof asApp === 'function') {
    let methods: AnyRecord | undefined;
    put(out, 'asApp', () => (methods ??= wrapMethods(asApp.call(source), code('a'))));
  }
  const asUser = source.asUser;
  if (typeof asUser === 'function') {
    let methods: AnyRecord | undefined;
    const owner = {};
    put(out, 'asUser', (accountId?: unknown) => {
      if (accountId === undefined) return (methods ??= wrapMethods(asUser.call(source), code('u')));
      const memo = invocationMemo(owner);
      let forAccount = memo?.get(accountId) as AnyRecord | undefined;
      if (forAccount === undefined) {
        forAccount = wrapMethods(asUser.call(source, accountId), code('u'));
        memo?.set(accountId, forAccount);
      }
      return forAccount;
    });
  }
  if (typeof source.authorize === 'function') put(out, 'authorize', recordAuthorize(source.authorize, source, code('u'), currentTally));
  // The default export is reachable from the namespace too; instrument it as well.
  if (source.default && typeof source.default === 'object' && source.default !== api && typeof source.default.asApp === 'function') {
    put(out, 'default', instrument(source.default, options));
  }
  return out as T;
}
