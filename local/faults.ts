import { seededRandom } from './seeded-random';

/** Which traffic a fault applies to. */
export type FaultTarget = 'kvs' | 'product' | 'surface';

/** A failure mode to inject; every field is optional and they combine. */
export interface FaultSpec {
  /** Traffic it applies to: KVS, product APIs, or the other surfaces (GraphQL, remotes, services, providers, egress); default all. */
  target?: FaultTarget;
  /** Only requests whose path contains this text or matches this pattern. */
  path?: string | RegExp;
  /** Probability in [0, 1] that a matching request fails (default 1). Drawn from a seeded generator. */
  rate?: number;
  /** Number of matching requests to fail before the fault retires itself (default: unlimited). */
  times?: number;
  /** Answer 429 with this `Retry-After` (seconds) and the service's rate-limit error body. */
  retryAfterSeconds?: number;
  /** Answer with this status (e.g. 500, 503) and a `{ code, message }` body. */
  status?: number;
  /** Answer 200 with a body that is not JSON. */
  malformed?: boolean;
  /** Answer 200 with exactly this body (JSON that parses but is not the answer, e.g. `{}` or `null`). */
  body?: string;
  /** Reject the request like a network timeout after this many milliseconds. */
  timeoutMs?: number;
  /** Delay the (otherwise normal) answer by this many milliseconds. */
  latencyMs?: number;
}

/** What to do with one request. */
export type FaultDecision =
  | { kind: 'none'; latencyMs: number }
  | { kind: 'respond'; latencyMs: number; response: Response }
  | { kind: 'timeout'; afterMs: number };


const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** The set of active faults of one sandbox; switch them per test with `set`, `add` and `clear`. */
export class Faults {
  private active: Array<FaultSpec & { used: number }> = [];
  private random: () => number;
  /** Number of requests a fault was applied to, by target. */
  readonly injected: Record<FaultTarget, number> = { kvs: 0, product: 0, surface: 0 };

  constructor(seed = 1) {
    this.random = seededRandom(seed); // seeded, so a fault schedule replays identically
  }

  /** Replaces all faults (and reseeds, so a schedule replays). */
  set(specs: FaultSpec | FaultSpec[], seed = 1): void {
    this.active = (Array.isArray(specs) ? specs : [specs]).map((s) => ({ ...s, used: 0 }));
    this.random = seededRandom(seed); // seeded, so a fault schedule replays identically
  }

  /** Adds one fault to the active ones. */
  add(spec: FaultSpec): void {
    this.active.push({ ...spec, used: 0 });
  }

  /** Removes every fault. */
  clear(): void {
    this.active = [];
  }

  /** Decides the fate of one request. */
  decide(target: FaultTarget, path: string): FaultDecision {
    let latencyMs = 0;
    for (const f of this.active) {
      if (f.target && f.target !== target) continue;
      if (f.path && !(typeof f.path === 'string' ? path.includes(f.path) : f.path.test(path))) continue;
      if (f.times !== undefined && f.used >= f.times) continue;
      if (this.random() >= (f.rate ?? 1)) continue;
      latencyMs += f.latencyMs ?? 0;
      const failing = f.timeoutMs !== undefined || f.retryAfterSeconds !== undefined || f.status !== undefined || f.malformed || f.body !== undefined;
      if (!failing) continue;
      f.used++;
      this.injected[target]++;
      if (f.timeoutMs !== undefined) return { kind: 'timeout', afterMs: latencyMs + f.timeoutMs };
      if (f.retryAfterSeconds !== undefined) {
        const body = { code: 'RATE_LIMIT_EXCEEDED', message: 'Rate limit exceeded (sandbox fault)' };
        return { kind: 'respond', latencyMs, response: json(429, body, { 'retry-after': String(f.retryAfterSeconds) }) };
      }
      if (f.body !== undefined) {
        return { kind: 'respond', latencyMs, response: new Response(f.body, { status: 200, headers: { 'content-type': 'application/json' } }) };
      }
      if (f.malformed) {
        return { kind: 'respond', latencyMs, response: new Response('<html>502 Bad Gateway</html>', { status: 200, headers: { 'content-type': 'text/html' } }) };
      }
      const status = f.status ?? 500;
      return { kind: 'respond', latencyMs, response: json(status, { code: 'INTERNAL_SERVER_ERROR', message: `Sandbox fault: status ${status}` }) };
    }
    return { kind: 'none', latencyMs };
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Runs `answer` under the active faults: delays it, replaces it, or rejects like a timed-out socket. */
export async function withFaults(faults: Faults, target: FaultTarget, path: string, answer: () => Promise<Response> | Response): Promise<Response> {
  const d = faults.decide(target, path);
  if (d.kind === 'timeout') {
    await sleep(d.afterMs);
    // undici rejects a timed-out request with TypeError('fetch failed') whose cause names the timeout.
    throw new TypeError('fetch failed', { cause: Object.assign(new Error(`Sandbox fault: ${path} timed out`), { code: 'UND_ERR_HEADERS_TIMEOUT' }) });
  }
  if (d.latencyMs > 0) await sleep(d.latencyMs);
  return d.kind === 'respond' ? d.response : answer();
}
