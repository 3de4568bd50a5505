import type { RawOperation } from './extract-operations';

/**
 * The one inferred rule (documented in docs/catalog.md): Jira Software's `/rest/agile/`
 * operations also accept the classic Jira scopes — `read:jira-work` for GET, `write:jira-work`
 * otherwise — as Atlassian's Jira Software reference documents for OAuth 2.0 apps, although
 * the OpenAPI document lists only granular scopes. Added only where no classic alternative
 * exists, and labelled `inferred`.
 */
export function addInferredAlternatives(product: string, operations: RawOperation[]): number {
  if (product !== 'jira-software') return 0;
  let added = 0;
  for (const op of operations) {
    if (!op.template.startsWith('/rest/agile/')) continue;
    if (op.alternatives.length === 0 || op.alternatives.some((a) => a.kind === 'classic')) continue;
    op.alternatives.push({ kind: 'classic', scopes: [op.method === 'GET' ? 'read:jira-work' : 'write:jira-work'], source: 'inferred' });
    added++;
  }
  return added;
}
