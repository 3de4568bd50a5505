import { AsyncLocalStorage } from 'node:async_hooks';
import type { ForgeRuntime } from '@forge/api';

/** The target object `@forge/api` and `@forge/kvs` pass as the first argument of `__forge_fetch__`. */
export interface FetchTarget {
  type: string;
  provider?: string;
  remote?: string;
  accountId?: string;
  contextAri?: string;
}

/** A sandbox as seen by the globals: it answers every `__forge_fetch__` made in its invocations. */
export interface Platform {
  readonly id: string;
  readonly kvsHost: string;
  fetch(target: FetchTarget, path: string, init: RequestInit | undefined, invocation: Invocation | undefined): Promise<Response>;
}

/** One running invocation: its runtime object and the sandbox it belongs to. */
export interface Invocation {
  readonly runtime: ForgeRuntime;
  readonly platform: Platform;
  /** Whether the invocation's user passes the product's admin checks. */
  readonly userIsAdmin?: boolean;
}

const storage = new AsyncLocalStorage<Invocation>();
const platforms: Platform[] = [];
let assignedRuntime: unknown;
let installed = false;

/**
 * Installs `global.__forge_runtime__` (a getter over AsyncLocalStorage, so concurrent invocations
 * each see their own) and `global.__forge_fetch__`. Idempotent.
 */
export function installGlobals(): void {
  if (installed) return;
  installed = true;
  Object.defineProperty(globalThis, '__forge_runtime__', {
    configurable: true,
    enumerable: false,
    // @forge/api reads the global at call time (__getRuntime), so a getter is enough.
    get: () => storage.getStore()?.runtime ?? assignedRuntime,
    // Code that assigns the global (old tests, other harnesses) still works outside invocations.
    set: (value: unknown) => {
      assignedRuntime = value;
    },
  });
  Object.defineProperty(globalThis, '__forge_fetch__', {
    configurable: true,
    enumerable: false,
    writable: true,
    value: forgeFetch,
  });
}

/** Makes a sandbox reachable by `__forge_fetch__`; the latest one answers calls made outside any invocation. */
export function registerPlatform(platform: Platform): void {
  installGlobals();
  platforms.push(platform);
}

/** Stops routing to a closed sandbox. */
export function unregisterPlatform(platform: Platform): void {
  const i = platforms.indexOf(platform);
  if (i >= 0) platforms.splice(i, 1);
}

/** Runs `fn` as the given invocation: inside it, `__forge_runtime__` is that invocation's runtime. */
export function runInInvocation<T>(invocation: Invocation, fn: () => T): T {
  return storage.run(invocation, fn);
}

/** Returns the invocation the caller runs in, if any. */
export function currentInvocation(): Invocation | undefined {
  return storage.getStore();
}

function headerValue(init: RequestInit | undefined, name: string): string | undefined {
  if (!init?.headers) return undefined;
  return new Headers(init.headers).get(name) ?? undefined;
}

/** Chooses the sandbox for a call: the invocation's, else the one whose KVS host the client sent, else the latest. */
function choosePlatform(init: RequestInit | undefined, invocation: Invocation | undefined): Platform | undefined {
  if (invocation) return invocation.platform;
  const host = headerValue(init, 'host');
  return platforms.find((p) => p.kvsHost === host) ?? platforms[platforms.length - 1];
}

async function forgeFetch(target: FetchTarget, path: string, init?: RequestInit): Promise<Response> {
  const invocation = storage.getStore();
  const platform = choosePlatform(init, invocation);
  if (!platform) {
    throw new Error(`[sandbox] __forge_fetch__(${JSON.stringify(target)}, ${path}): no sandbox is running`);
  }
  return platform.fetch(target, path, init, invocation);
}
