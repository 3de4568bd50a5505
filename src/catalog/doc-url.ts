import type { HttpMethod } from './types';

/** Returns the reference-documentation URL Atlassian uses for an operation: the group page plus an anchor. */
export function docUrl(page: string, tag: string, method: HttpMethod, documentPath: string): string {
  const group = slug(tag);
  const anchor = `api-${slug(documentPath)}-${method.toLowerCase()}`;
  return group ? `${page}/api-group-${group}/#${anchor}` : `${page}/#${anchor}`;
}

/** Returns the document's own path for a template, undoing the prefix the build added (first matching pair wins). */
export function documentPath(template: string, prefixes: readonly (readonly [string, string])[] | undefined): string {
  for (const [from, to] of prefixes ?? []) if (template.startsWith(from)) return to + template.slice(from.length);
  return template;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[{}]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
