import { AsyncLocalStorage } from 'node:async_hooks';
import { Tally } from './tally';

/** Per-invocation recording state: the tally, and calls an earlier flush of the same invocation lost. */
export interface RecordingContext {
  readonly tally: Tally;
  /** Calls a failed flush of this invocation could not store; the next flush of the same invocation reports them. */
  dropped: number;
  /** Per-invocation memos (wrapped `asUser(accountId)` method sets), gone with the invocation. */
  memo?: Map<object, Map<unknown, unknown>>;
}

interface RuntimeContext extends RecordingContext {
  readonly invocationId: unknown;
}

const storage = new AsyncLocalStorage<RecordingContext>();

// Calls made outside `withUsageRecording` are kept with the Forge invocation they belong to:
// its runtime object (`__forge_runtime__`, which @forge/api reads per call) holds them, so they
// die with the invocation and a warm container serving many installations never mixes one
// installation's calls or losses into another's storage. Keyed weakly, and checked against the
// invocation id in case a platform reuses the object.
const byRuntime = new WeakMap<object, RuntimeContext>();

function runtimeContext(): RecordingContext | undefined {
  const runtime: unknown = (globalThis as { __forge_runtime__?: unknown }).__forge_runtime__;
  if (runtime === null || typeof runtime !== 'object') return undefined;
  const invocationId = (runtime as { appContext?: { invocationId?: unknown } }).appContext?.invocationId;
  let context = byRuntime.get(runtime);
  if (context === undefined || context.invocationId !== invocationId) {
    context = { tally: new Tally(), dropped: 0, invocationId };
    byRuntime.set(runtime, context);
  }
  return context;
}

/**
 * Returns the recording context of the current invocation: `withUsageRecording`'s, else the
 * one attached to the Forge invocation running now, else undefined (no invocation: nothing
 * could store the calls for anyone, so they are not counted).
 */
export function currentContext(): RecordingContext | undefined {
  return storage.getStore() ?? runtimeContext();
}

/** Returns the tally of the current invocation, or undefined outside any invocation. */
export function currentTally(): Tally | undefined {
  return currentContext()?.tally;
}

/** Most entries one invocation memo keeps; past this it starts afresh. */
export const MAX_MEMO_ENTRIES = 256;

/** Returns the current invocation's memo for `owner`, or undefined outside any invocation. */
export function invocationMemo(owner: object): Map<unknown, unknown> | undefined {
  const context = currentContext();
  if (context === undefined) return undefined;
  const memos = (context.memo ??= new Map());
  let memo = memos.get(owner);
  if (memo === undefined || memo.size >= MAX_MEMO_ENTRIES) memos.set(owner, (memo = new Map()));
  return memo;
}

/** Returns true inside `withUsageRecording`. */
export function insideRecording(): boolean {
  return storage.getStore() !== undefined;
}

/** Runs `fn` with a fresh context of its own; concurrent runs never share one. */
export function runWithTally<T>(context: RecordingContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** Returns a fresh recording context. */
export function newContext(): RecordingContext {
  return { tally: new Tally(), dropped: 0 };
}
