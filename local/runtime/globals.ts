import { AsyncLocalStorage } from 'node:async_hooks';
import type { ForgeRuntime } from '@forge/api';

/** The target object `@forge/api` and `@forge/kvs` pass as the first argument of `__forge_fetch__`. */
export interface FetchTarget {
  type: string;
  provider?: string;
  remote?: string;
  accountId?: string;
  contextAri?: string;
  /** `invokeService`'s container service key (target type `fcc`). */
  service?: string;
}

/** A sandbox as seen by the globals: it answers every `__forge_fetch__` made in its invocations. */
export interface Platform {
  readonly id: string;
  readonly kvsHost: string;
  fetch(target: FetchTarget, path: string, init: RequestInit | undefined, invocation: Invocation | undefined): Promise<Response>;
  /** Answers a function's outbound `fetch` (egress) made inside one of its invocations. */
  egress(input: unknown, init: RequestInit | undefined, invocation: Invocation): Promise<Response>;
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
let originalFetch: typeof fetch | undefined;

/** Returns the process's own `fetch`, before the sandbox's (for the sandbox's own requests, e.g. to a real site). */
export function realFetch(): typeof fetch {
  return originalFetch ?? globalThis.fetch;
}

/**
 * The global `fetch` while the sandbox is installed: inside an invocation it is the function's
 * egress, checked and answered by that invocation's sandbox (as Forge's runtime routes every
 * outbound request through its egress proxy); outside any invocation it is the process's own.
 */
function platformFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const invocation = storage.getStore();
  if (!invocation) return realFetch()(input, init);
  return invocation.platform.egress(input, init, invocation);
}

/**
 * Installs `global.__forge_runtime__` (a getter over AsyncLocalStorage, so concurrent invocations
 * each see their own), `global.__forge_fetch__` and the global `fetch` (egress inside
 * invocations). Idempotent. `@forge/api` keeps the global `fetch` it finds when it loads (its
 * `fetch` export), so install this first: `local/runtime/install-globals.ts`.
 */
export function installGlobals(): void {
  if (installed) return;
  installed = true;
  originalFetch = globalThis.fetch;
  globalThis.fetch = platformFetch as typeof fetch;
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
