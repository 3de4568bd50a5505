import { mergeRows, type EncodedRow, type SourceCode } from '../usage/rows';
import type { Endpoint } from './endpoint';
import { countRejection } from './error-class';
import { inspectResponse } from './response-status';

/** Counters of one (endpoint, source) in one tally, with its settlement handlers pre-bound. */
export class TallyRow {
  calls = 0;
  s2 = 0;
  s3 = 0;
  s4 = 0;
  s5 = 0;
  network = 0;
  scopeMismatch401 = 0;
  needsAuthentication = 0;
  proxyError = 0;
  /** Counts the response and hands back the very same object. */
  readonly onResponse: <R>(response: R) => R;
  /** Counts the failure by its code and rethrows the very same error. */
  readonly onRejection: (error: unknown) => never;

  constructor(
    readonly endpoint: Endpoint,
    readonly source: SourceCode,
    tally: Tally,
  ) {
    // Bound once per row rather than per call: the hot path then allocates only one promise.
    this.onResponse = <R>(response: R): R => {
      inspectResponse(this, tally, response);
      return response;
    };
    this.onRejection = (error: unknown): never => {
      countRejection(this, error, 'network');
      throw error;
    };
  }

  /** Returns the row in its stored form. */
  encode(): EncodedRow {
    const e = this.endpoint;
    return [e.familyCode, e.method, e.template, e.known ? 1 : 0, this.source, this.calls, this.s2, this.s3, this.s4, this.s5, this.network, this.scopeMismatch401, this.needsAuthentication, this.proxyError];
  }
}

/** The calls of one invocation (or one browser page), counted in memory until flushed. */
export class Tally {
  private readonly rows = new Map<SourceCode, Map<Endpoint, TallyRow>>();
  private pending: Promise<unknown>[] | undefined;
  private preparing: Set<() => Promise<void>> | undefined;
  /** Total calls counted since the last `drain()`. */
  calls = 0;
  /** Distinct rows since the last `drain()`. */
  size = 0;

  /** Returns the row for this endpoint and source, creating it on first use. */
  row(endpoint: Endpoint, source: SourceCode): TallyRow {
    let map = this.rows.get(source);
    if (map === undefined) {
      map = new Map();
      this.rows.set(source, map);
    }
    let row = map.get(endpoint);
    if (row === undefined) {
      row = new TallyRow(endpoint, source, this);
      map.set(endpoint, row);
      this.size++;
      // A lazily read endpoint (a GraphQL document) needs something loaded before it is read:
      // noted here, loaded by `ready()` when the tally is stored, never during the host's call.
      const prepare = (endpoint as { prepare?: () => Promise<void> }).prepare;
      if (prepare) (this.preparing ??= new Set()).add(prepare);
    }
    return row;
  }

  /** Remembers background work (a cheap body check) that must settle before a flush reads the counts. */
  track(work: Promise<unknown>): void {
    (this.pending ??= []).push(work);
  }

  /** Resolves once tracked background work has settled, or after `timeoutMs`, whichever is first. */
  async settle(timeoutMs: number): Promise<void> {
    const pending = this.pending;
    if (!pending || pending.length === 0) return;
    this.pending = undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([Promise.allSettled(pending), timeout]);
    if (timer !== undefined) clearTimeout(timer);
  }

  /** Resolves once every lazily read endpoint counted so far can be read (the GraphQL parser loaded). Never rejects. */
  async ready(): Promise<void> {
    const preparing = this.preparing;
    this.preparing = undefined;
    if (preparing) await Promise.allSettled([...preparing].map((prepare) => prepare()));
  }

  /** Returns the counted rows in stored form (rows of one identity summed) and starts counting afresh. */
  drain(): EncodedRow[] {
    const out: EncodedRow[] = [];
    let lazy = false;
    for (const map of this.rows.values()) {
      for (const [endpoint, row] of map) {
        if (row.calls > 0) out.push(row.encode());
        lazy ||= 'prepare' in endpoint;
      }
      map.clear();
    }
    this.calls = 0;
    this.size = 0;
    // Two documents can read the same (whitespace, argument values): one row each in storage.
    return lazy ? [...mergeRows(new Map(), out).values()] : out;
  }
}
