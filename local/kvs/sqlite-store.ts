import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/** Where a row lives: plain KVS, encrypted secrets (never queryable), or a custom entity. */
export type Space = 'kv' | 'secret' | 'entity';

/** One stored item. `value` is the parsed JSON value. */
export interface StoredItem {
  key: string;
  entityName?: string;
  value: unknown;
  createdAt: number;
  updatedAt: number;
  /** Epoch milliseconds after which the item no longer exists. */
  expireAt: number | null;
}

interface Row {
  key: string;
  entity: string;
  value: string;
  created_at: number;
  updated_at: number;
  expire_at: number | null;
}

const toItem = (r: Row): StoredItem => ({
  key: r.key,
  entityName: r.entity || undefined,
  value: JSON.parse(r.value),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  expireAt: r.expire_at,
});

/** SQLite persistence of one installation's KVS (better-sqlite3: synchronous, so each request is atomic). */
export class SqliteStore {
  private readonly db: Database.Database;
  private readonly stmts;
  /** Clock used for timestamps and TTL; tests may replace it. */
  now: () => number = Date.now;

  constructor(location: string) {
    if (location !== ':memory:') mkdirSync(dirname(location), { recursive: true });
    this.db = new Database(location);
    if (location !== ':memory:') {
      // WAL + busy timeout: several sandbox processes may share one file (npm start and a test run).
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('busy_timeout = 5000');
    }
    this.db.exec(`CREATE TABLE IF NOT EXISTS items (
      space TEXT NOT NULL, entity TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
      created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, expire_at INTEGER,
      PRIMARY KEY (space, entity, key)) WITHOUT ROWID`);
    const live = '(expire_at IS NULL OR expire_at > @now)';
    this.stmts = {
      get: this.db.prepare(`SELECT * FROM items WHERE space=@space AND entity=@entity AND key=@key AND ${live}`),
      upsert: this.db.prepare(`INSERT INTO items VALUES (@space,@entity,@key,@value,@now,@now,@expireAt)
        ON CONFLICT(space,entity,key) DO UPDATE SET value=excluded.value, updated_at=excluded.updated_at,
        expire_at=excluded.expire_at,
        created_at=CASE WHEN items.expire_at IS NOT NULL AND items.expire_at <= @now THEN excluded.created_at ELSE items.created_at END`),
      delete: this.db.prepare(`DELETE FROM items WHERE space=@space AND entity=@entity AND key=@key`),
      page: this.db.prepare(`SELECT * FROM items WHERE space=@space AND entity='' AND key >= @prefix AND key < @prefixEnd
        AND key > @after AND ${live} ORDER BY key LIMIT @limit`),
      all: this.db.prepare(`SELECT * FROM items WHERE space=@space AND entity=@entity AND ${live}`),
    };
  }

  /** Returns the live item, or undefined when absent or expired. */
  get(space: Space, key: string, entityName = ''): StoredItem | undefined {
    const row = this.stmts.get.get({ space, entity: entityName, key, now: this.now() }) as Row | undefined;
    return row && toItem(row);
  }

  /** Writes an item (JSON already validated) and returns it as stored. */
  set(space: Space, key: string, json: string, expireAt: number | null, entityName = ''): StoredItem {
    this.stmts.upsert.run({ space, entity: entityName, key, value: json, now: this.now(), expireAt });
    return this.get(space, key, entityName)!;
  }

  /** Deletes an item; returns whether a live one existed. */
  delete(space: Space, key: string, entityName = ''): boolean {
    const existed = this.get(space, key, entityName) !== undefined;
    this.stmts.delete.run({ space, entity: entityName, key });
    return existed;
  }

  /** Returns up to `limit` live plain items whose key starts with `prefix` and sorts after `after`, by key. */
  page(prefix: string, after: string, limit: number): StoredItem[] {
    const prefixEnd = prefix === '' ? '\u{10FFFF}' : prefix + '\u{10FFFF}';
    const rows = this.stmts.page.all({ space: 'kv', prefix, prefixEnd, after, limit, now: this.now() }) as Row[];
    return rows.map(toItem);
  }

  /** Returns every live item of one entity (entity queries filter and sort in memory). */
  entityItems(entityName: string): StoredItem[] {
    return (this.stmts.all.all({ space: 'entity', entity: entityName, now: this.now() }) as Row[]).map(toItem);
  }

  /** Runs `fn` in one SQLite transaction: all of its writes land, or none. */
  atomically<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** Removes everything (tests). */
  clear(): void {
    this.db.exec('DELETE FROM items');
  }

  /** Closes the database file. */
  close(): void {
    if (this.db.open) this.db.close();
  }
}
