import type { Family, HttpMethod } from '../catalog/types';
import type { GraphqlSummary } from './graphql-summary';
import type { Surface } from './surfaces';

/** Version of the usage export format; bump on any incompatible change. */
export const USAGE_FORMAT_VERSION = 1 as const;

/** Marker that identifies a usage export file. */
export const USAGE_FORMAT_NAME = 'scope-inspector-usage' as const;

/**
 * Who a recorded call was made as: `asApp()`, `asUser()`, `none` for a bare `requestJira` (which
 * `@forge/api` sends with provider `none`: Forge documents it as unauthenticated, for
 * operations without OAuth 2.0 support, so no scope applies), or `@forge/bridge` in Custom UI;
 * `inspector`: Scope Inspector's own call (its admin page's admin check), kept apart from the
 * app's usage and out of every verdict.
 */
export type Principal = 'app' | 'user' | 'none' | 'bridge' | 'inspector';

/**
 * Why runtime rows are kept out of the usage export's evidence: `unverified-bridge`
 * (browser-reported calls to operations the static analysis did not find in the app's Custom
 * UI code: client input, never proof of a need).
 */
export type ExclusionReason = 'unverified-bridge';

/**
 * Calls `@forge/api` refused with an error built from the platform's `forge-proxy-error` answer,
 * by the error's code: `NEEDS_AUTHENTICATION_ERR` (`NeedsAuthenticationError`: no user, or the
 * user has not granted access) and `PROXY_ERR` (`ProxyRequestError`). Neither reached the product.
 */
export interface PlatformErrorCounts {
  NEEDS_AUTHENTICATION_ERR: number;
  PROXY_ERR: number;
}

/** Response counts by status class; `network` counts calls that threw before a response. */
export interface StatusCounts {
  '2xx': number;
  '3xx': number;
  '4xx': number;
  '5xx': number;
  network: number;
}

/** What every exported runtime row counts, an endpoint's or another surface's. */
export interface RuntimeCounts {
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
   * such a row can only be counted whole.
   */
  daily?: DailyCounts[];
}

/**
 * Aggregated runtime usage of one endpoint. Only the template (or a redacted shape for
 * paths outside the catalog), never a concrete path, id, query value or body.
 */
export interface UsageEndpoint extends RuntimeCounts {
  family: Family;
  method: HttpMethod;
  /** Catalog template (`/rest/api/3/issue/{issueIdOrKey}`) or redacted shape (`/rest/foo/{}`). */
  template: string;
  /** Catalog operation key (`GET /rest/api/3/issue/{issueIdOrKey}`) when the path is in the catalog. */
  operationKey?: string;
  /** False when the path matched no catalog operation (the template is then a redacted shape). */
  known: boolean;
  /** Platform refusals by error code (always written since they were recorded; absent in older files). */
  platformErrors?: PlatformErrorCounts;
}

/** One day of an endpoint's counts: `[day, calls, 2xx, 3xx, 4xx, 5xx, network, scopeMismatch401]`. */
export type DailyCounts = [day: string, calls: number, s2xx: number, s3xx: number, s4xx: number, s5xx: number, network: number, scopeMismatch401: number];

/** A runtime row kept out of the app's evidence, with the reason. */
export interface ExcludedUsageEndpoint extends UsageEndpoint {
  reason: ExclusionReason;
}

/**
 * Calls to another request surface that the platform refused before they left (counted apart from
 * `status`): `NEEDS_AUTHENTICATION_ERR` (no user, or no consent for the provider), and `refused`:
 * any other platform refusal by its code (`REQUEST_EGRESS_ALLOWLIST_ERR`: the host is not in the
 * manifest's egress permissions; `INVALID_REMOTE_ERR`, `INVALID_CONTAINER_SERVICE_ERR`, `PROXY_ERR`).
 */
export interface SurfaceRefusals {
  NEEDS_AUTHENTICATION_ERR: number;
  refused: number;
}

/**
 * Aggregated runtime usage of one call shape of a request surface other than the product REST
 * families (GraphQL, Atlassian paths, remotes, services, providers, egress). Never a concrete
 * value: a key or host, a path template, a GraphQL operation name and top-level fields.
 */
export interface SurfaceUsage extends RuntimeCounts {
  surface: Surface;
  method: HttpMethod;
  /** Remote or service key, `provider` or `provider/remote`, or host (`fetch`); null when it could not be read. */
  target?: string | null;
  /** Path template (`/v1/items/{}`), or null when it could not be read. */
  path?: string | null;
  /** GraphQL operation and top-level fields, or null when the document could not be read. */
  graphql?: GraphqlSummary | null;
  /** False when some part could not be read. */
  known: boolean;
  platformErrors: SurfaceRefusals;
}

/** A surface row kept out of the app's evidence (a browser report the static analysis does not vouch for). */
export interface ExcludedSurfaceUsage extends SurfaceUsage {
  reason: ExclusionReason;
}

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
  /** Runtime rows: principals `app`, `user`, `none`, `bridge` (verified by the static analysis) and `inspector` (Scope Inspector's own calls, which the analysis keeps apart). */
  endpoints: UsageEndpoint[];
  /**
   * Rows kept apart, never evidence of a need: browser-reported calls the static analysis does
   * not know. Always written; a file without it predates the split, and readers move its
   * `bridge` rows here as `unverified-bridge`.
   */
  excluded?: ExcludedUsageEndpoint[];
  /**
   * Calls to the other request surfaces (GraphQL, remotes, services, providers, egress). Absent in
   * files written before they were recorded: nothing was recorded, not "none were made".
   */
  surfaces?: SurfaceUsage[];
  /** Surface rows kept apart, never evidence (unverified browser reports). */
  excludedSurfaces?: ExcludedSurfaceUsage[];
  /** Calls recorded but lost to storage failures (reported, never silently dropped). */
  droppedCalls: number;
}
