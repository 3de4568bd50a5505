import { KvsFailure } from './kvs-failure';

/** A filter or range clause as `@forge/kvs` sends it. */
export interface Clause {
  property?: string;
  condition: string;
  values: unknown[];
}

/** `{ and: [...] }` or `{ or: [...] }`, as built by `new Filter().and(...)`. */
export type ClauseGroup = { and?: Clause[]; or?: Clause[] };

type Comparable = string | number | boolean;

/** Orders two attribute values: numbers numerically, strings by code unit; undefined when incomparable. */
export function compareValues(a: unknown, b: unknown): number | undefined {
  if (typeof a !== typeof b || (typeof a !== 'number' && typeof a !== 'string' && typeof a !== 'boolean')) return undefined;
  const x = a as Comparable;
  const y = b as Comparable;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Returns whether `value` satisfies one condition (BEGINS_WITH, BETWEEN, CONTAINS, EQUAL_TO, ...). */
export function satisfies(value: unknown, condition: string, values: unknown[]): boolean {
  const cmp = (i: number) => compareValues(value, values[i]);
  const first = cmp(0);
  switch (condition) {
    case 'BEGINS_WITH':
      return typeof value === 'string' && value.startsWith(String(values[0]));
    case 'BETWEEN': {
      const lo = cmp(0);
      const hi = cmp(1);
      return lo !== undefined && hi !== undefined && lo >= 0 && hi <= 0;
    }
    case 'CONTAINS':
      return (typeof value === 'string' && value.includes(String(values[0]))) || (Array.isArray(value) && value.includes(values[0]));
    case 'NOT_CONTAINS':
      return !satisfies(value, 'CONTAINS', values);
    case 'EQUAL_TO':
      return value === values[0];
    case 'NOT_EQUAL_TO':
      return value !== values[0];
    case 'EXISTS':
      return value !== undefined;
    case 'NOT_EXISTS':
      return value === undefined;
    // Incomparable values (different types, objects) never satisfy an ordering condition.
    case 'GREATER_THAN':
      return first !== undefined && first > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return first !== undefined && first >= 0;
    case 'LESS_THAN':
      return first !== undefined && first < 0;
    case 'LESS_THAN_EQUAL_TO':
      return first !== undefined && first <= 0;
    default:
      throw new KvsFailure(400, 'BAD_REQUEST', `Unknown condition '${condition}'`);
  }
}

/** Returns whether an entity value satisfies a filter group (no group: true). */
export function matchesGroup(value: Record<string, unknown> | undefined, group: ClauseGroup | undefined): boolean {
  if (!group) return true;
  const attr = (c: Clause) => (value ? value[c.property ?? ''] : undefined);
  if (group.and && group.or) throw new KvsFailure(400, 'BAD_REQUEST', 'A filter is either "and" or "or", not both');
  if (group.and) return group.and.every((c) => satisfies(attr(c), c.condition, c.values));
  if (group.or) return group.or.some((c) => satisfies(attr(c), c.condition, c.values));
  return true;
}
