import { kvs } from '@forge/kvs';

/** The `@forge/kvs` surface this store uses; the real `kvs` unless a test passes another. */
export type KvsPort = Pick<typeof kvs, 'get' | 'set' | 'delete' | 'query' | 'transact' | 'batchSet' | 'batchDelete' | 'getSecret' | 'setSecret'>;

/** Returns the real `@forge/kvs` client. */
export function defaultKvs(): KvsPort {
  return kvs;
}
