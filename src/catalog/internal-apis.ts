import type { Family } from './types';

/** A path prefix of an API Atlassian uses internally and publishes no scopes for. */
export interface InternalApi {
  readonly family: Family;
  /** Literal path prefix, ending with `/`. */
  readonly prefix: string;
  /** What it is, for people. */
  readonly name: string;
}

/**
 * Internal prefixes real Forge apps call (found in public app code; see docs/catalog.md,
 * "Undocumented internal APIs"). A catalog operation always wins: this list is only consulted
 * when nothing in the catalog matches (`/rest/internal/api/latest/worklog/bulk` is documented).
 */
export const INTERNAL_APIS: readonly InternalApi[] = [
  { family: 'requestJira', prefix: '/rest/dev-status/', name: "Jira's development-information API, behind the issue's development panel" },
  { family: 'requestJira', prefix: '/rest/greenhopper/', name: "Jira Software's internal GreenHopper API, behind sprint reports and rapid boards" },
  { family: 'requestJira', prefix: '/rest/internal/', name: "Jira's internal REST API" },
  { family: 'requestJira', prefix: '/rest/insight/', name: 'the pre-Assets Insight API; the published Assets API is /jsm/assets/workspace/{workspaceId}/v1/...' },
  { family: 'requestJira', prefix: '/rest/servicedesk/', name: "Jira Service Management's internal API; the published one is /rest/servicedeskapi/..." },
  { family: 'requestJira', prefix: '/gateway/api/', name: "the site's API gateway (teams, automation); GraphQL is called with requestGraph" },
  { family: 'requestConfluence', prefix: '/wiki/rest/experimental/', name: "Confluence's experimental REST API" },
  { family: 'requestConfluence', prefix: '/gateway/api/', name: "the site's API gateway" },
  { family: 'requestBitbucket', prefix: '/!api/', name: "Bitbucket's internal API" },
];

/** Returns the internal API a path of this family belongs to, or undefined. */
export function internalApiOf(family: Family, path: string): InternalApi | undefined {
  for (const api of INTERNAL_APIS) if (api.family === family && path.startsWith(api.prefix)) return api;
  return undefined;
}

/** Returns the verdict text for a call to an internal API. */
export function internalApiReason(method: string, path: string, api: InternalApi): string {
  return `[${method}] ${path}: undocumented internal API: no published scope; Atlassian may change or block it. ${api.prefix}... is ${api.name}`;
}
