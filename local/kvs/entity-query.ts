import type { EntityDefinition } from '../app-manifest';
import { type ClauseGroup, type Clause, compareValues, matchesGroup, satisfies } from './conditions';
import { checkMetadataFields, decodeCursor, encodeCursor, itemBody } from './item-body';
import { KvsFailure } from './kvs-failure';
import { checkLimit } from './limits';
import type { StoredItem } from './sqlite-store';

/** The body of `POST /api/v1/entity/query`. */
export interface EntityQueryBody {
  entityName: string;
  indexName: string;
  partition?: unknown[];
  range?: Clause;
  filters?: ClauseGroup;
  sort?: 'ASC' | 'DESC';
  cursor?: string;
  limit?: number;
  options?: { metadataFields?: unknown };
}

function compareTuples(a: unknown[], b: unknown[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const c = compareValues(a[i], b[i]) ?? String(a[i]).localeCompare(String(b[i]));
    if (c !== 0) return c;
  }
  return 0;
}

/** Answers an entity query over an index the way the Custom Entity Store does: partition, range, filters, sort, page. */
export function queryEntity(def: EntityDefinition, items: StoredItem[], q: EntityQueryBody): { data: unknown[]; cursor?: string } {
  const index = def.indexes.find((ix) => ix.name === q.indexName);
  if (!index) throw new KvsFailure(400, 'INVALID_ENTITY_INDEX', `Entity '${def.name}' has no index '${q.indexName}'`);
  const partition = q.partition ?? [];
  if (partition.length !== index.partition.length) {
    throw new KvsFailure(400, 'BAD_REQUEST', `Index '${index.name}' needs ${index.partition.length} partition value(s), got ${partition.length}`);
  }
  const limit = checkLimit(q.limit);
  const fields = checkMetadataFields(q.options?.metadataFields);
  const after = decodeCursor(q.cursor);
  const sign = q.sort === 'DESC' ? -1 : 1;
  const position = (it: StoredItem) => [...index.range.map((a) => (it.value as Record<string, unknown>)[a]), it.key];

  const rows = items
    .filter((it) => {
      const v = it.value as Record<string, unknown>;
      // An index holds only items that have every attribute it is built on.
      if (index.range.some((a) => v[a] === undefined)) return false;
      if (index.partition.some((a, i) => v[a] !== partition[i])) return false;
      if (q.range && !satisfies(v[index.range[0]], q.range.condition, q.range.values)) return false;
      return matchesGroup(v, q.filters);
    })
    .sort((a, b) => sign * compareTuples(position(a), position(b)))
    .filter((it) => !after || sign * compareTuples(position(it), after) > 0);

  const page = rows.slice(0, limit);
  const more = rows.length > limit;
  return {
    data: page.map((it) => itemBody(it, fields)),
    ...(more ? { cursor: encodeCursor(position(page[page.length - 1])) } : {}),
  };
}
