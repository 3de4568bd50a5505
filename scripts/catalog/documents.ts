import type { Family, Product } from '../../src/catalog/types';

/** One Atlassian OpenAPI document the catalog is built from. */
export interface DocumentSpec {
  /** File name under the OpenAPI folder (current editions) or under `history/`. */
  readonly file: string;
  readonly product: Product;
  readonly family: Family;
  /** The official URL `forge lint` fetches (current editions only). */
  readonly url?: string;
  /** Date of an older edition; absent for today's documents. */
  readonly edition?: string;
}

const BASE = 'https://developer.atlassian.com/cloud';

/** Today's documents, in the order their operations win a tie. */
export const CURRENT_DOCUMENTS: readonly DocumentSpec[] = [
  { file: 'jira-platform.json', product: 'jira', family: 'requestJira', url: `${BASE}/jira/platform/swagger-v3.v3.json` },
  { file: 'jira-software.json', product: 'jira-software', family: 'requestJira', url: `${BASE}/jira/software/swagger.v3.json` },
  { file: 'jira-service-management.json', product: 'jira-service-management', family: 'requestJira', url: `${BASE}/jira/service-desk/swagger.v3.json` },
  { file: 'confluence-v1.json', product: 'confluence', family: 'requestConfluence', url: `${BASE}/confluence/swagger.v3.json` },
  { file: 'confluence-v2.json', product: 'confluence', family: 'requestConfluence', url: `${BASE}/confluence/openapi-v2.v3.json` },
  { file: 'bitbucket.json', product: 'bitbucket', family: 'requestBitbucket', url: `${BASE}/bitbucket/swagger.json` },
];

/**
 * Older editions whose operations are kept (flagged `removed`) when today's documents dropped
 * them, because real apps still call them. The date comes from the file name.
 */
export const HISTORY_DOCUMENTS: readonly DocumentSpec[] = [
  { file: 'history/jira-platform.2022-07-17.json', product: 'jira', family: 'requestJira', edition: '2022-07-17' },
  { file: 'history/jira-software.2022-07-17.json', product: 'jira-software', family: 'requestJira', edition: '2022-07-17' },
  { file: 'history/confluence-v1.2021-11-23.json', product: 'confluence', family: 'requestConfluence', edition: '2021-11-23' },
];
