import type { Family } from '../catalog/types';
import type { PrincipalCode, SourceCode } from '../usage/rows';
import { recordAuthorize } from './authorize';
import { currentTally, invocationMemo } from './context';
import { recordWith, restEndpoint, type EndpointOf } from './record-call';
import { atlassianPathEndpoint, egressEndpoint, keyedInvokeEndpoint, providerFetchEndpoint, requestGraphEndpoint, requestTeamworkGraphEndpoint } from './surface-endpoints';

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
const SURFACES: ReadonlyArray<readonly [member: string, endpointOf: EndpointOf]> = [
  ...FAMILIES.map((family) => [family, restEndpoint(family)] as const),
  ['requestGraph', requestGraphEndpoint],
  ['requestTeamworkGraph', requestTeamworkGraphEndpoint],
  ['requestAtlassian', atlassianPathEndpoint('requestAtlassian')],
  ['requestConnectedData', atlassianPathEndpoint('requestConnectedData')],
];
/**
 * The recorded functions of the module itself (and its default export), each with the principal
 * its calls are made as: outbound `fetch` carries no Atlassian token (`n`); a remote or service
 * is the app's own (`a`).
 */
const MODULE_SURFACES: ReadonlyArray<readonly [member: string, endpointOf: EndpointOf, code: PrincipalCode]> = [
  ['fetch', egressEndpoint, 'n'],
  ['invokeRemote', keyedInvokeEndpoint('invokeRemote'), 'a'],
  ['invokeService', keyedInvokeEndpoint('invokeService'), 'a'],
];

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
  if (typeof methods.withProvider === 'function') {
    const withProvider = methods.withProvider;
    out.withProvider = (...args: unknown[]) => wrapProvider(withProvider.apply(methods, args), providerFetchEndpoint(args[0], args[1]), code);
  }
  if (typeof methods.withContext === 'function') {
    const withContext = methods.withContext;
    out.withContext = (...args: unknown[]) => wrapMethods(withContext.apply(methods, args), code);
  }
  return out as T;
}

/** Returns a copy of `asUser().withProvider(…)`'s methods (or `asAccount(id)`'s) whose `fetch` is recorded. */
function wrapProvider(methods: AnyRecord, endpointOf: EndpointOf, code: SourceCode): AnyRecord {
  if (methods === null || typeof methods !== 'object') return methods;
  const out: AnyRecord = { ...methods };
  if (typeof methods.fetch === 'function') out.fetch = recordWith(methods.fetch, endpointOf, code, currentTally);
  if (typeof methods.asAccount === 'function') {
    const asAccount = methods.asAccount;
    out.asAccount = (...args: unknown[]) => wrapProvider(asAccount.apply(methods, args), endpointOf, code);
  }
  return out;
}

/**
 * Returns `api` (the `@forge/api` default export or its module namespace) with the same
 * surface and types, whose product requests are recorded: bare `requestJira` /
 * `requestConfluence` / `requestBitbucket` (principal `none`: `@forge/api` sends them with
 * provider `none`, unauthenticated), the same under `asApp()` (`app`), `asUser()` and
 * `asUser(accountId)` (`user`) and their `withContext(ari)`, and the permission checks
 * `authorize()` makes as the user; the other request surfaces (`requestGraph`,
 * `requestTeamworkGraph`, `requestAtlassian`, `requestConnectedData`, `withProvider(…).fetch`,
 * `fetch`, `invokeRemote`, `invokeService`). Everything else is the original, untouched.
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
  for (const [member, endpointOf, principal] of MODULE_SURFACES) {
    if (typeof source[member] === 'function') put(out, member, recordWith(source[member], endpointOf, code(principal), currentTally));
  }
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

/**
 * Returns `fetch` (the global one, or any WHATWG `fetch`) with each call counted as egress: its
 * host and path template, never the query, headers or body. `instrument(api)` already records
 * `@forge/api`'s `fetch`; use this for the global one (`const fetch = instrumentFetch(globalThis.fetch)`).
 */
export function instrumentFetch<F extends (...args: any[]) => Promise<unknown>>(fetch: F, options: InstrumentOptions = {}): F {
  return recordWith(fetch, egressEndpoint, options.as === 'inspector' ? 'i' : 'n', currentTally);
}
