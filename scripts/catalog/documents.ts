import type { Family, PathForm, Product } from '../../src/catalog/types';

/** One Atlassian OpenAPI document the catalog is built from. */
export interface DocumentSpec {
  /** File name under the OpenAPI folder (current editions) or under `history/`. */
  readonly file: string;
  readonly product: Product;
  readonly family: Family;
  /** The official URL of the document (current editions only; `--online` fetches it). */
  readonly url?: string;
  /** Date of an older edition; absent for today's documents. */
  readonly edition?: string;
  /** Atlassian's reference pages for the document's operations (group pages sit below it). */
  readonly docs: string;
  /**
   * How a template maps back to the document's own path for documentation anchors: the first
   * `[templatePrefix, documentPrefix]` pair whose template prefix matches is swapped.
   */
  readonly docPrefixes?: readonly (readonly [string, string])[];
  /**
   * For documents without tags: the documentation group is the first path segment after this
   * prefix (Atlassian's group pages are named after the resource, e.g. `api-group-alerts`).
   */
  readonly groupAfter?: string;
  /**
   * A second path form the document's operations are also called with, reported with each
   * match (see docs/catalog.md, "Path forms"). `prefix` is the documented Forge form's start.
   */
  readonly pathForms?: { readonly prefix: string; readonly form: PathForm; readonly alternate: { readonly prefix: string; readonly form: PathForm } };
}

const BASE = 'https://developer.atlassian.com/cloud';

/** Today's documents, in the order their operations win a tie. */
export const CURRENT_DOCUMENTS: readonly DocumentSpec[] = [
  { file: 'jira-platform.json', product: 'jira', family: 'requestJira', url: `${BASE}/jira/platform/swagger-v3.v3.json`, docs: `${BASE}/jira/platform/rest/v3` },
  { file: 'jira-software.json', product: 'jira-software', family: 'requestJira', url: `${BASE}/jira/software/swagger.v3.json`, docs: `${BASE}/jira/software/rest` },
  {
    file: 'jira-service-management.json',
    product: 'jira-service-management',
    family: 'requestJira',
    url: `${BASE}/jira/service-desk/swagger.v3.json`,
    docs: `${BASE}/jira/service-desk/rest`,
  },
  {
    // Paths already carry the /jsm/assets/workspace/{workspaceId}/v1 prefix a Forge app passes to requestJira.
    file: 'assets.json',
    product: 'jira-service-management',
    family: 'requestJira',
    url: 'https://dac-static.atlassian.com/cloud/assets/swagger.v3.json',
    docs: `${BASE}/assets/rest`,
    docPrefixes: [['/jsm/assets/workspace/{workspaceId}/v1', '']],
    groupAfter: '/jsm/assets/workspace/{workspaceId}/v1/',
  },
  {
    // Paths are the Forge form /jsm/ops/api/v1/...; the basic-auth form puts the cloud id before v1.
    file: 'jsm-ops.json',
    product: 'jira-service-management',
    family: 'requestJira',
    url: `${BASE}/jira/service-desk-ops/swagger.v3.json`,
    docs: `${BASE}/jira/service-desk-ops/rest/v2`,
    docPrefixes: [
      ['/jsm/ops/api/', '/api/{cloudId}/'],
      ['/jsm/ops/', '/'],
    ],
    groupAfter: '/jsm/ops/api/v1/',
    pathForms: { prefix: '/jsm/ops/api/v1/', form: 'forge', alternate: { prefix: '/jsm/ops/api/{cloudId}/v1/', form: 'cloud-id' } },
  },
  { file: 'confluence-v1.json', product: 'confluence', family: 'requestConfluence', url: `${BASE}/confluence/swagger.v3.json`, docs: `${BASE}/confluence/rest/v1` },
  {
    file: 'confluence-v2.json',
    product: 'confluence',
    family: 'requestConfluence',
    url: `${BASE}/confluence/openapi-v2.v3.json`,
    docs: `${BASE}/confluence/rest/v2`,
    docPrefixes: [['/wiki/api/v2', '']],
  },
  { file: 'bitbucket.json', product: 'bitbucket', family: 'requestBitbucket', url: `${BASE}/bitbucket/swagger.json`, docs: `${BASE}/bitbucket/rest`, docPrefixes: [['/2.0', '']] },
];

/**
 * Older editions whose operations are kept (flagged `removed`) when today's documents dropped
 * them, because real apps still call them. The date comes from the file name.
 */
export const HISTORY_DOCUMENTS: readonly DocumentSpec[] = [
  { file: 'history/jira-platform.2022-07-17.json', product: 'jira', family: 'requestJira', edition: '2022-07-17', docs: `${BASE}/jira/platform/rest/v3` },
  { file: 'history/jira-software.2022-07-17.json', product: 'jira-software', family: 'requestJira', edition: '2022-07-17', docs: `${BASE}/jira/software/rest` },
  { file: 'history/confluence-v1.2021-11-23.json', product: 'confluence', family: 'requestConfluence', edition: '2021-11-23', docs: `${BASE}/confluence/rest/v1` },
];
