import { randomUUID } from 'node:crypto';
import { LEASE_KEY } from './keys';
import type { KvsPort } from './kvs-port';

/** How long a lease lasts if its holder dies without releasing it. */
export const LEASE_TTL_MS = 120_000;

interface LeaseValue {
  token: string;
  expires: number;
}

/** Proof of holding the compaction lease. */
export interface Lease {
  readonly token: string;
  /** Releases the lease if still ours; never throws. */
  release(): Promise<void>;
}

/**
 * Returns the compaction lease, or undefined when another compactor holds it. Acquisition is
 * an atomic create (`keyPolicy: FAIL_IF_EXISTS`) with a TTL, so at most one compactor
 * read-modify-writes the aggregates at a time and a crashed holder frees it by expiry.
 */
export async function tryAcquireLease(kvs: KvsPort, now: () => number = Date.now): Promise<Lease | undefined> {
  const token = randomUUID();
  const value: LeaseValue = { token, expires: now() + LEASE_TTL_MS };
  const lease: Lease = {
    token,
    release: async () => {
      try {
        const current = await kvs.get<LeaseValue>(LEASE_KEY);
        if (current?.token === token) await kvs.delete(LEASE_KEY);
      } catch {
        // The TTL frees it.
      }
    },
  };
  try {
    await kvs.set(LEASE_KEY, value, { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: Math.ceil(LEASE_TTL_MS / 1000), unit: 'SECONDS' } });
    return lease;
  } catch {
    // Either someone holds it, or our create landed but its answer was lost: look.
  }
  try {
    const current = await kvs.get<LeaseValue>(LEASE_KEY);
    if (current?.token === token) return lease;
    // A store that ignores TTLs would keep a dead holder's lease forever; its own expiry says it is dead.
    if (current && typeof current.expires === 'number' && current.expires + LEASE_TTL_MS < now()) {
      await kvs.delete(LEASE_KEY);
    }
  } catch {
    // Unknown state: behave as not acquired.
  }
  return undefined;
}

/** Returns the lease, polling until `waitMs` have passed; undefined when it stayed busy. */
export async function acquireLease(kvs: KvsPort, waitMs: number, now: () => number = Date.now): Promise<Lease | undefined> {
  const until = now() + waitMs;
  let pause = 50;
  for (;;) {
    const lease = await tryAcquireLease(kvs, now);
    if (lease || now() + pause > until) return lease;
    await new Promise((resolve) => setTimeout(resolve, pause));
    pause = Math.min(pause * 2, 500);
  }
}
