import type { Family, HttpMethod } from '../catalog/types';

/** Version of the usage export format; bump on any incompatible change. */
export const USAGE_FORMAT_VERSION = 1 as const;

/** Marker that identifies a usage export file. */
export const USAGE_FORMAT_NAME = 'scope-inspector-usage' as const;

/**
 * Who a recorded call was made as: `asApp()`, `asUser()`, or `@forge/bridge` in Custom UI;
 * `inspector`: Scope Inspector's own call (its admin page's admin check), kept apart from the
 * app's usage and out of every verdict.
 */
export type Principal = 'app' | 'user' | 'bridge' | 'inspector';

/** Response counts by status class; `network` counts calls that threw before a response. */
export interface StatusCounts {
  '2xx': number;
  '3xx': number;
  '4xx': number;
  '5xx': number;
  network: number;
}

/**
 * Aggregated runtime usage of one endpoint. Only the template (or a redacted shape for
 * paths outside the catalog), never a concrete path, id, query value or body.
 */
export interface UsageEndpoint {
  family: Family;
  method: HttpMethod;
  /** Catalog template (`/rest/api/3/issue/{issueIdOrKey}`) or redacted shape (`/rest/foo/{}`). */
  template: string;
  /** Catalog operation key (`GET /rest/api/3/issue/{issueIdOrKey}`) when the path is in the catalog. */
  operationKey?: string;
  /** False when the path matched no catalog operation (the template is then a redacted shape). */
  known: boolean;
  principal: Principal;
  calls: number;
  status: StatusCounts;
  /** 401 answers with "Unauthorized; scope does not match": the granted scopes lacked one. */
  scopeMismatch401: number;
  /** First and last day seen, `YYYY-MM-DD` (UTC). */
  firstSeen: string;
  lastSeen: string;
  /** Number of distinct days with at least one call. */
  daysSeen: number;
  appVersions: string[];
  environments: string[];
  moduleKeys: string[];
  /**
   * Counts per UTC day, oldest first, one tuple per day with calls:
   * `[day, calls, 2xx, 3xx, 4xx, 5xx, network, scopeMismatch401]`. Lets the analysis apply a
   * window (7, 30, 90 days) and draw calls per day. Absent in files written before it was added:
   * such an endpoint can only be counted whole.
   */
  daily?: DailyCounts[];
}

/** One day of an endpoint's counts: `[day, calls, 2xx, 3xx, 4xx, 5xx, network, scopeMismatch401]`. */
export type DailyCounts = [day: string, calls: number, s2xx: number, s3xx: number, s4xx: number, s5xx: number, network: number, scopeMismatch401: number];

/** Scopes an installation granted, as observed from `getAppContext().permissions` per app version. */
export interface GrantedScopes {
  appVersion: string;
  scopes: string[];
  firstSeen: string;
  lastSeen: string;
}

/** One installation's usage, as exported by the admin page and read by `audit --usage`. */
export interface UsageExport {
  format: typeof USAGE_FORMAT_NAME;
  version: typeof USAGE_FORMAT_VERSION;
  /** ISO timestamp of the export. */
  generatedAt: string;
  /**
   * Pseudonymous installation id (a SHA-256 prefix of the Forge installation id), so exports
   * from several sites can be told apart without naming the site.
   */
  installation: string;
  environment?: string;
  /** Observation window: first and last day with data, and the number of days with data. */
  window: { firstDay: string | null; lastDay: string | null; daysObserved: number };
  grantedScopes: GrantedScopes[];
  endpoints: UsageEndpoint[];
  /** Calls recorded but lost to storage failures (reported, never silently dropped). */
  droppedCalls: number;
}
