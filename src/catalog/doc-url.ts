import type { HttpMethod, Product } from './types';

const BASE = 'https://developer.atlassian.com/cloud';

/** Returns the reference-documentation URL Atlassian uses for an operation (group page + anchor). */
export function docUrl(product: Product, sourceName: string, tag: string, method: HttpMethod, documentPath: string): string {
  const group = slug(tag);
  const anchor = `api-${slug(documentPath)}-${method.toLowerCase()}`;
  const page = pageFor(product, sourceName);
  return group ? `${page}/api-group-${group}/#${anchor}` : `${page}/#${anchor}`;
}

function pageFor(product: Product, sourceName: string): string {
  switch (product) {
    case 'jira':
      return `${BASE}/jira/platform/rest/v3`;
    case 'jira-software':
      return `${BASE}/jira/software/rest`;
    case 'jira-service-management':
      return `${BASE}/jira/service-desk/rest`;
    case 'confluence':
      return sourceName.includes('v2') ? `${BASE}/confluence/rest/v2` : `${BASE}/confluence/rest/v1`;
    case 'bitbucket':
      return `${BASE}/bitbucket/rest`;
  }
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[{}]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
