import type { ScopeKind } from './types';

/** Returns `granular` for three-part names (`read:issue:jira`), `classic` otherwise (`read:jira-work`). */
export function scopeKind(name: string): ScopeKind {
  let colons = 0;
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) === 58) colons++;
  return colons >= 2 ? 'granular' : 'classic';
}

/** Returns the product a scope name belongs to (`jira`, `confluence`, `bitbucket`, `jira-software`, ...). */
export function scopeProduct(name: string): string {
  const parts = name.split(':');
  if (parts.length >= 3) return parts[parts.length - 1];
  // Classic names carry the product in their second part: read:jira-work, read:confluence-content.all.
  const object = parts[1] ?? '';
  for (const product of ['jira-service-management', 'servicedesk', 'jira', 'confluence', 'bitbucket', 'compass']) {
    if (object.startsWith(product)) return product === 'servicedesk' ? 'jira-service-management' : product;
  }
  return object || name;
}
