import type { Family, Product } from './types';

/** The product functions, in the order the generated family modules are written. */
export const FAMILIES: readonly Family[] = ['requestJira', 'requestConfluence', 'requestBitbucket'];

/** Which fetch function an app calls a product's operations through. */
export const FAMILY_OF_PRODUCT: Readonly<Record<Product, Family>> = {
  jira: 'requestJira',
  'jira-software': 'requestJira',
  'jira-service-management': 'requestJira',
  confluence: 'requestConfluence',
  bitbucket: 'requestBitbucket',
};

/**
 * Returns the family a catalog template belongs to, from its first segment: Confluence
 * templates start `/wiki/`, Bitbucket ones `/2.0/`, every other is Jira's. The build checks
 * that every operation obeys this, so a key names its family without loading any.
 */
export function familyOfTemplate(template: string): Family {
  if (template.startsWith('/wiki/')) return 'requestConfluence';
  if (template.startsWith('/2.0/')) return 'requestBitbucket';
  return 'requestJira';
}
