import type { Family, Product } from './types';

/** The product functions. */
export const FAMILIES: readonly Family[] = ['requestJira', 'requestConfluence', 'requestBitbucket'];

/** Returns true for a product function name (`requestJira`, ...); false for anything else, `__proto__` included. */
export function isFamily(name: unknown): name is Family {
  return name === 'requestJira' || name === 'requestConfluence' || name === 'requestBitbucket';
}

/** Which fetch function an app calls a product's operations through. */
export const FAMILY_OF_PRODUCT: Readonly<Record<Product, Family>> = {
  jira: 'requestJira',
  'jira-software': 'requestJira',
  'jira-service-management': 'requestJira',
  confluence: 'requestConfluence',
  bitbucket: 'requestBitbucket',
};

/**
 * The units the generated catalog is loaded in, each on first use. Jira is split in two
 * because the platform API (`/rest/api/...`, most of what apps call) is half of it; see
 * docs/benchmarks.md for the measurement.
 */
export type CatalogPart = 'jira-platform' | 'jira' | 'confluence' | 'bitbucket';

/** The parts, in the order the generated modules list operations; each part's family. */
export const PARTS: readonly { readonly name: CatalogPart; readonly family: Family }[] = [
  { name: 'jira-platform', family: 'requestJira' },
  { name: 'jira', family: 'requestJira' },
  { name: 'confluence', family: 'requestConfluence' },
  { name: 'bitbucket', family: 'requestBitbucket' },
];

/** Bit of each part in masks (`CompactIndex.scopeParts`). */
export const PART_BITS: Readonly<Record<CatalogPart, number>> = { 'jira-platform': 1, jira: 2, confluence: 4, bitbucket: 8 };

const JIRA_PLATFORM = '/rest/api/';

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

/** Returns the part a catalog template belongs to (Jira's `/rest/api/...` is its own part). */
export function partOfTemplate(template: string): CatalogPart {
  const family = familyOfTemplate(template);
  if (family === 'requestConfluence') return 'confluence';
  if (family === 'requestBitbucket') return 'bitbucket';
  return template.startsWith(JIRA_PLATFORM) ? 'jira-platform' : 'jira';
}

/**
 * Returns the one part of `family` a concrete request path can match in (undefined for a name
 * that is no family). Segments are compared after percent-decoding, so an encoded
 * `/rest/%61pi/...` is routed like `/rest/api/...`.
 */
export function partOfPath(family: Family, path: string): CatalogPart | undefined {
  if (family === 'requestJira') return path.startsWith(JIRA_PLATFORM) ? 'jira-platform' : encodedJiraPart(path);
  if (family === 'requestConfluence') return 'confluence';
  if (family === 'requestBitbucket') return 'bitbucket';
  return undefined;
}

// Longest start an encoded `/rest/api/` can have: each letter as `%XX`.
const ENCODED_PLATFORM_MAX = 3 * JIRA_PLATFORM.length;

function encodedJiraPart(path: string): CatalogPart {
  // Only a `%` early enough can hide `/rest/api/`; scan that far, not the whole path.
  const end = Math.min(path.length, ENCODED_PLATFORM_MAX);
  let percent = false;
  for (let i = 1; i < end && !percent; i++) percent = path.charCodeAt(i) === 37;
  if (!percent) return 'jira';
  const [, first = '', second = ''] = path.split('/', 3);
  return safeDecode(first) === 'rest' && safeDecode(second) === 'api' ? 'jira-platform' : 'jira';
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Returns the parts of a family, in order. */
export function partsOf(family: Family): CatalogPart[] {
  return PARTS.filter((p) => p.family === family).map((p) => p.name);
}
