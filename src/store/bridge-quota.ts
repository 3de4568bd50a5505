import { createHmac, randomBytes } from 'node:crypto';
import { invocationBudget, type Budget } from './budget';
import { confirmedSet } from './confirmed-write';
import { QUOTA_PREFIX, QUOTA_SECRET_KEY, utcDay } from './keys';
import { defaultKvs, type KvsPort } from './kvs-port';
import { retryWithinBudget } from './retry';

/**
 * Most browser-reported rows one account may have stored per UTC day. Rows are what grows
 * storage; calls per payload are capped by the validation (5,000), and counts only ever
 * add evidence to operations the app's own Custom UI code makes.
 */
export const MAX_BRIDGE_ROWS_PER_ACCOUNT_DAY = 2_000;
/** Counters outlive their day by one day (time zones, clock skew), then expire on their own. */
const COUNTER_TTL_SECONDS = 2 * 86_400;
const QUOTA_CAP_MS = 3000;

interface Counter {
  rows: number;
}

/** Options of `takeBridgeQuota`. */
export interface QuotaOptions {
  kvs?: KvsPort;
  budget?: Budget;
  now?: () => number;
}

async function quotaSecret(kvs: KvsPort, budget: Budget): Promise<string> {
  const have = await retryWithinBudget(() => kvs.getSecret<string>(QUOTA_SECRET_KEY), budget);
  if (typeof have === 'string' && have.length >= 32) return have;
  // Two first calls at once may each create one; the later wins, and counters keyed by the
  // earlier one are merely orphaned (one more day's allowance for an account, at most once).
  const fresh = randomBytes(32).toString('hex');
  await retryWithinBudget(() => kvs.setSecret(QUOTA_SECRET_KEY, fresh), budget);
  return fresh;
}

/**
 * Returns true and counts the rows against the account's allowance for today, or false when
 * they would exceed it. The counter's key is a keyed hash (HMAC-SHA-256 with a
 * secret kept in the KVS secret store) of the day and the account id, so storage never holds
 * an account id, counters of different days cannot be linked, and nothing of it is exported.
 * Approximate under concurrent calls of one account (each may add one payload past the limit).
 */
export async function takeBridgeQuota(accountId: string | undefined, rows: number, options: QuotaOptions = {}): Promise<boolean> {
  const kvs = options.kvs ?? defaultKvs();
  const budget = options.budget ?? invocationBudget(QUOTA_CAP_MS);
  const day = utcDay((options.now ?? Date.now)());
  const secret = await quotaSecret(kvs, budget);
  const key = `${QUOTA_PREFIX}${day}:${createHmac('sha256', secret).update(`${day}\n${accountId ?? ''}`).digest('hex').slice(0, 32)}`;
  const stored = await retryWithinBudget(() => kvs.get<Counter>(key), budget);
  const have = stored && Number.isSafeInteger(stored.rows) ? stored.rows : 0;
  const next: Counter = { rows: have + rows };
  if (next.rows > MAX_BRIDGE_ROWS_PER_ACCOUNT_DAY) return false;
  await retryWithinBudget(() => confirmedSet(kvs, key, next, { ttlSeconds: COUNTER_TTL_SECONDS }), budget);
  return true;
}
