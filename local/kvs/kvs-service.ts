import type { EntityDefinition } from '../app-manifest';
import { type ClauseGroup, matchesGroup } from './conditions';
import { requireEntity, checkEntityValue } from './entity-schema';
import { type EntityQueryBody, queryEntity } from './entity-query';
import { checkMetadataFields, decodeCursor, encodeCursor, expiryFor, itemBody } from './item-body';
import { KvsFailure } from './kvs-failure';
import { KVS_LIMITS, checkBatch, checkEntityName, checkKey, checkLimit, checkValue } from './limits';
import type { Space, SqliteStore, StoredItem } from './sqlite-store';

/** A KVS answer before it becomes an HTTP response; `body` undefined means 204 No Content. */
export interface KvsAnswer {
  status: number;
  body?: unknown;
}

type Body = Record<string, any>;

/** One addressed item: plain, secret or entity. */
interface Target {
  space: Space;
  key: string;
  entity?: EntityDefinition;
}

/** The `/api/v1/...` endpoints that `@forge/kvs` calls, over one installation's SQLite store. */
export class KvsService {
  constructor(
    readonly store: SqliteStore,
    private readonly entities: () => readonly EntityDefinition[],
  ) {}

  /** Answers one request; KvsFailure becomes the `{ code, message }` error body with its status. */
  handle(path: string, body: unknown): KvsAnswer {
    const route = this.routes[path];
    if (!route) return { status: 404, body: { code: 'NOT_FOUND', message: `No KVS endpoint ${path}` } };
    try {
      if (body === null || typeof body !== 'object') throw new KvsFailure(400, 'BAD_REQUEST', 'Provided request body is invalid');
      if ((path.startsWith('/api/v1/batch/') || path === '/api/v1/transaction') && Buffer.byteLength(JSON.stringify(body)) > KVS_LIMITS.payloadMaxBytes) {
        throw new KvsFailure(400, 'BAD_REQUEST', 'The request payload exceeds the 4MB limit of batches and transactions');
      }
      const answer = route(body as Body);
      return answer === undefined ? { status: 204 } : { status: 200, body: answer };
    } catch (e) {
      if (e instanceof KvsFailure) return { status: e.status, body: { code: e.code, message: e.message } };
      // Anything else (a SQLite error, a bug) is what the real service reports as a 500.
      return { status: 500, body: { code: 'INTERNAL_SERVER_ERROR', message: `An internal server error has occurred: ${(e as Error).message}` } };
    }
  }

  private readonly routes: Record<string, (b: Body) => unknown> = {
    '/api/v1/get': (b) => this.get(this.target('kv', b), b.options),
    '/api/v1/set': (b) => this.set(this.target('kv', b), b.value, b.options),
    '/api/v1/delete': (b) => void this.remove(this.target('kv', b)),
    '/api/v1/secret/get': (b) => this.get(this.target('secret', b), b.options),
    '/api/v1/secret/set': (b) => this.set(this.target('secret', b), b.value, b.options),
    '/api/v1/secret/delete': (b) => void this.remove(this.target('secret', b)),
    '/api/v1/entity/get': (b) => this.get(this.target('entity', b), b.options),
    '/api/v1/entity/set': (b) => this.set(this.target('entity', b), b.value, b.options),
    '/api/v1/entity/delete': (b) => void this.remove(this.target('entity', b)),
    '/api/v1/query': (b) => this.query(b),
    '/api/v1/entity/query': (b) => {
      checkEntityName(b.entityName);
      const def = requireEntity(this.entities(), b.entityName);
      return queryEntity(def, this.store.entityItems(def.name), b as EntityQueryBody);
    },
    '/api/v1/batch/set': (b) => this.batch(b, 'batchSet', (t, item) => void this.set(t, item.value, item.options)),
    '/api/v1/batch/delete': (b) => this.batch(b, 'batchDelete', (t) => this.mustExist(t) && void this.remove(t)),
    '/api/v1/batch/get': (b) =>
      this.batch(b, 'batchGet', (t, item) => ({ ...(t.entity ? { entityName: t.entity.name } : {}), ...this.get(t, item.options) })),
    '/api/v1/transaction': (b) => this.transact(b),
  };

  private target(space: Space, b: Body): Target {
    checkKey(b.key);
    if (space !== 'entity' && b.entityName === undefined) return { space, key: b.key };
    checkEntityName(b.entityName);
    return { space: 'entity', key: b.key, entity: requireEntity(this.entities(), b.entityName) };
  }

  private find(t: Target): StoredItem | undefined {
    return this.store.get(t.space, t.key, t.entity?.name);
  }

  private mustExist(t: Target): StoredItem {
    const item = this.find(t);
    if (!item) throw new KvsFailure(404, 'KEY_NOT_FOUND', 'Provided key does not exist');
    return item;
  }

  private get(t: Target, options: Body | undefined): Record<string, unknown> {
    checkMetadataFields(options?.metadataFields);
    return itemBody(this.mustExist(t), undefined, true);
  }

  private set(t: Target, value: unknown, options: Body | undefined): Record<string, unknown> | undefined {
    const json = checkValue(value);
    if (t.entity) checkEntityValue(t.entity, value);
    const previous = this.find(t);
    if (options?.keyPolicy === 'FAIL_IF_EXISTS' && previous) {
      throw new KvsFailure(409, 'KEY_ALREADY_EXISTS', `Key '${t.key}' already exists`);
    }
    const stored = this.store.set(t.space, t.key, json, expiryFor(options?.ttl, this.store.now()), t.entity?.name);
    if (options?.returnValue === 'LATEST') return itemBody(stored, undefined, true);
    if (options?.returnValue === 'PREVIOUS') return previous && itemBody(previous, undefined, true);
    return undefined;
  }

  private remove(t: Target): void {
    this.store.delete(t.space, t.key, t.entity?.name);
  }

  private query(b: Body): { data: unknown[]; cursor?: string } {
    const limit = checkLimit(b.limit);
    const fields = checkMetadataFields(b.options?.metadataFields);
    const where = (b.where ?? []) as Array<{ property?: string; condition?: string; values?: unknown[] }>;
    if (where.some((w) => w.property !== 'key' || w.condition !== 'BEGINS_WITH' || typeof w.values?.[0] !== 'string')) {
      throw new KvsFailure(400, 'BAD_REQUEST', "kvs.query() supports only where('key', beginsWith(string))");
    }
    const prefix = (where[0]?.values?.[0] as string | undefined) ?? '';
    const after = decodeCursor(b.after);
    // One extra row tells whether another page exists.
    const rows = this.store.page(prefix, after ? String(after[0]) : '', limit + 1);
    const page = rows.slice(0, limit);
    return {
      data: page.map((it) => itemBody(it, fields)),
      ...(rows.length > limit ? { cursor: encodeCursor([page[page.length - 1].key]) } : {}),
    };
  }

  private batch(b: unknown, label: string, each: (t: Target, item: Body) => unknown) {
    checkBatch(b, label);
    const successfulKeys: unknown[] = [];
    const failedKeys: unknown[] = [];
    for (const item of b) {
      const id = { key: item.key, ...(item.entityName !== undefined ? { entityName: item.entityName } : {}) };
      try {
        const result = each(this.target('kv', item), item);
        successfulKeys.push(result && typeof result === 'object' ? result : id);
      } catch (e) {
        if (!(e instanceof KvsFailure)) throw e;
        failedKeys.push({ ...id, error: { code: e.code, message: e.message } });
      }
    }
    return { successfulKeys, failedKeys };
  }

  private transact(b: Body): undefined {
    const sets = (b.set ?? []) as Body[];
    const deletes = (b.delete ?? []) as Body[];
    const checks = (b.check ?? []) as Body[];
    const all = [...sets, ...deletes, ...checks];
    if (all.length === 0) throw new KvsFailure(400, 'BAD_REQUEST', 'A transaction needs at least one operation');
    if (all.length > KVS_LIMITS.transactionMaxOperations) {
      throw new KvsFailure(400, 'BAD_REQUEST', `A transaction can contain at most ${KVS_LIMITS.transactionMaxOperations} operations`);
    }
    checkBatch(all, 'A transaction');
    const conditionHolds = (op: Body) => {
      const t = this.target('kv', op);
      const current = this.find(t)?.value as Record<string, unknown> | undefined;
      return op.conditions === undefined || matchesGroup(current, op.conditions as ClauseGroup);
    };
    this.store.atomically(() => {
      for (const op of checks) {
        if (!this.find(this.target('kv', op)) || !conditionHolds(op)) {
          throw new KvsFailure(409, 'CONDITION_CHECK_FAILED', `Transaction check on key '${op.key}' failed`);
        }
      }
      for (const op of [...sets, ...deletes]) {
        if (!conditionHolds(op)) throw new KvsFailure(409, 'CONDITION_CHECK_FAILED', `Transaction condition on key '${op.key}' failed`);
      }
      for (const op of sets) this.set(this.target('kv', op), op.value, op.options);
      for (const op of deletes) this.remove(this.target('kv', op));
    });
    return undefined;
  }
}
