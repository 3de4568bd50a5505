import type { Family } from '../catalog/types';

/** Fields whose link leads to the next or previous page of the same list (a `Link` header: `rel="next"`, `"prev"`). */
const PAGINATION = new Set(['next', 'nextPage', 'nextPageUrl', 'nextLink', 'nextUrl', 'prev', 'previous', 'Link header']);

let table: { ops: string[]; links: Record<string, Record<string, string>> } | undefined;

/** The generated table, loaded on first use (most apps follow no links). */
function load(): NonNullable<typeof table> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const data = require('./generated/response-links') as { LINK_OPERATIONS: string; RESPONSE_LINKS: Record<string, Record<string, string>> };
  return (table ??= { ops: data.LINK_OPERATIONS.split('\n'), links: data.RESPONSE_LINKS });
}

/** The API an operation belongs to (`/wiki/api/v2`, `/wiki/rest/api`, `/rest/api/3`, `/rest/agile/1.0`, `/2.0`). */
export function apiOf(operationKey: string): string {
  const path = operationKey.slice(operationKey.indexOf(' ') + 1);
  return /^\/(?:wiki\/api\/v2|wiki\/rest\/api|rest\/[^/]+\/[^/]+|2\.0)/.exec(path)?.[0] ?? path.split('/').slice(0, 2).join('/');
}

/** Operations of a family whose documented success response holds `field` (exactly, else by its last name). */
function holders(family: Family, field: string): string[] {
  const { ops, links } = load();
  const leaf = field.split('.').pop()!;
  const entry = links[field]?.[family] ?? (field.endsWith(' header') ? undefined : links[leaf]?.[family] ?? links[`_links.${leaf}`]?.[family]);
  return entry ? entry.split(',').map((i) => ops[Number(i)]) : [];
}

/**
 * Returns the candidates of a request that follows a link read from a response. A pagination
 * link (`next`, `_links.next`, `nextPage`, ...) returned by known operations leads to the next page of
 * those same operations. Any other link (`self`, a `Location` header, ...), or one whose origin is
 * unknown, may be any operation of that API whose documented response holds such a field.
 */
export function linkCandidates(family: Family, field: string, returnedBy: string[]): string[] {
  const leaf = field.split('.').pop()!;
  if (PAGINATION.has(leaf) && returnedBy.length > 0) return [...returnedBy].sort();
  const all = holders(family, field);
  const apis = new Set(returnedBy.map(apiOf));
  return (apis.size ? all.filter((k) => apis.has(apiOf(k))) : all).sort();
}
