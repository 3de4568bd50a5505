import { WhereConditions } from '@forge/kvs';
import type { Budget } from './budget';
import type { KvsPort } from './kvs-port';
import { MAX_QUERY_PAGE } from './limits';
import { retryWithinBudget } from './retry';

/** One stored entry. */
export interface Entry<T> {
  key: string;
  value: T;
}

/** Returns one page of entries whose key starts with `prefix`, after `cursor`. */
export async function queryPage<T>(kvs: KvsPort, prefix: string, budget: Budget, cursor?: string): Promise<{ entries: Entry<T>[]; cursor?: string }> {
  const page = await retryWithinBudget(() => {
    let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(MAX_QUERY_PAGE);
    if (cursor) query = query.cursor(cursor);
    return query.getMany<T>();
  }, budget);
  return { entries: page.results.map((r) => ({ key: r.key, value: r.value })), cursor: page.nextCursor };
}

/** Returns every entry whose key starts with `prefix`, page by page (Forge caps pages at 20). */
export async function scanPrefix<T>(kvs: KvsPort, prefix: string, budget: Budget): Promise<Entry<T>[]> {
  const out: Entry<T>[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryPage<T>(kvs, prefix, budget, cursor);
    out.push(...page.entries);
    cursor = page.cursor;
  } while (cursor);
  return out;
}
