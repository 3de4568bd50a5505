import type { Family } from '../catalog/types';
import { mergeRows, type EncodedRow } from '../usage/rows';
import { BRIDGE_TALLY_VERSION, MAX_BRIDGE_ROWS, type BridgeTallyPayload } from '../usage/validate';
import { BRIDGE_USAGE_RESOLVER_KEY } from './bridge-key';
import { bridgePayloads } from './bridge-payloads';
import { recordCalls, recordWith, type EndpointOf } from './record-call';
import { bridgeInvokeEndpoint, requestRemoteEndpoint, requestTeamworkGraphEndpoint } from './surface-endpoints';
import { Tally } from './tally';

/** The parts of `@forge/bridge` the recorder touches. */
export interface BridgeLike {
  invoke: (functionKey: string, payload?: any) => Promise<unknown>;
  requestJira?: (...args: any[]) => Promise<any>;
  requestConfluence?: (...args: any[]) => Promise<any>;
  requestBitbucket?: (...args: any[]) => Promise<any>;
  requestRemote?: (...args: any[]) => Promise<any>;
  invokeRemote?: (...args: any[]) => Promise<any>;
  invokeService?: (...args: any[]) => Promise<any>;
  requestTeamworkGraph?: (...args: any[]) => Promise<any>;
}

/** The bridge's other request surfaces and which endpoint a call is (reported as client input, verified server-side). */
const SURFACES: ReadonlyArray<readonly [member: 'requestRemote' | 'invokeRemote' | 'invokeService' | 'requestTeamworkGraph', endpointOf: EndpointOf]> = [
  ['requestRemote', requestRemoteEndpoint],
  ['invokeRemote', bridgeInvokeEndpoint('invokeRemote')],
  ['invokeService', bridgeInvokeEndpoint('invokeService')],
  ['requestTeamworkGraph', requestTeamworkGraphEndpoint],
];

/** When the browser tally is sent. */
export interface BridgeRecorderOptions {
  /** Resolver key the tally is sent to (default: the kit's `BRIDGE_USAGE_RESOLVER_KEY`). */
  resolverKey?: string;
  /** Quiet time after the last call before sending (default 2000 ms; sent on the next idle callback). */
  idleMs?: number;
  /** Send at once when this many distinct rows are pending (default 100). */
  maxRows?: number;
  /** Send at once when this many calls are pending (default 500). */
  maxCalls?: number;
}

const FAMILIES: readonly Family[] = ['requestJira', 'requestConfluence', 'requestBitbucket'];
const flushers = new Set<() => Promise<void>>();

/** Sends every instrumented bridge's pending tally now (e.g. before a route change); never rejects. */
export async function flushBridgeUsage(): Promise<void> {
  await Promise.all([...flushers].map((flush) => flush()));
}

/**
 * Returns `bridge` with `requestJira` / `requestConfluence` / `requestBitbucket` and the remote,
 * service and Teamwork Graph requests (`requestRemote`, `invokeRemote`, `invokeService`,
 * `requestTeamworkGraph`) recorded as principal `bridge`. Calls are tallied in the page and sent, batched, to the kit's usage
 * resolver through the original `invoke`: after `idleMs` of quiet (on an idle callback), when
 * the page is hidden or unloaded, or at once when the tally reaches its size cap.
 */
export function instrumentBridge<T extends BridgeLike>(bridge: T, options: BridgeRecorderOptions = {}): T {
  const resolverKey = options.resolverKey ?? BRIDGE_USAGE_RESOLVER_KEY;
  const idleMs = options.idleMs ?? 2000;
  const maxRows = Math.min(options.maxRows ?? 100, MAX_BRIDGE_ROWS);
  const maxCalls = options.maxCalls ?? 500;
  const tally = new Tally();
  let unsent = new Map<string, EncodedRow>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = async (): Promise<void> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    await tally.ready();
    const rows = [...mergeRows(unsent, tally.drain()).values()];
    unsent = new Map();
    for (const chunk of bridgePayloads(rows)) {
      const payload: BridgeTallyPayload = { v: BRIDGE_TALLY_VERSION, rows: chunk };
      try {
        await bridge.invoke(resolverKey, payload);
      } catch {
        // Keep them for the next send; bounded so a dead resolver cannot grow the page's memory.
        if (unsent.size < MAX_BRIDGE_ROWS) mergeRows(unsent, chunk);
      }
    }
  };
  flushers.add(flush);

  const schedule = (): void => {
    if (tally.size >= maxRows || tally.calls >= maxCalls) {
      void flush();
      return;
    }
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      const idle = (globalThis as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback;
      if (typeof idle === 'function') idle(() => void flush());
      else void flush();
    }, idleMs);
  };

  const target = globalThis as { addEventListener?: (type: string, listener: () => void) => void; document?: { visibilityState?: string } };
  if (typeof target.addEventListener === 'function') {
    target.addEventListener('pagehide', () => void flush());
    target.addEventListener('visibilitychange', () => {
      if (target.document?.visibilityState === 'hidden') void flush();
    });
  }

  const tallyOf = (): Tally => {
    // Scheduling after the row is counted would need a hook per call; scheduling here, just
    // before counting, is equivalent because the flush runs later (timer) or sees this call
    // in the next batch (size cap).
    queueMicrotask(schedule);
    return tally;
  };
  const out: Record<string, unknown> = { ...(bridge as Record<string, unknown>) };
  for (const family of FAMILIES) {
    const original = bridge[family];
    if (typeof original === 'function') out[family] = recordCalls(original, family, 'b', tallyOf);
  }
  for (const [member, endpointOf] of SURFACES) {
    const original = bridge[member];
    if (typeof original === 'function') out[member] = recordWith(original, endpointOf, 'b', tallyOf);
  }
  return out as T;
}
