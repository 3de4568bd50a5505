/** The Atlassian product whose REST document an operation comes from. */
export type Product = 'jira' | 'jira-software' | 'jira-service-management' | 'confluence' | 'bitbucket';

/** The `@forge/api` / `@forge/bridge` function an app calls the operation through. */
export type Family = 'requestJira' | 'requestConfluence' | 'requestBitbucket';

/** HTTP methods that appear in Atlassian's documents. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS';

/** Classic scopes have two parts (`read:jira-work`), granular ones three (`read:issue:jira`). */
export type ScopeKind = 'classic' | 'granular';

/**
 * Where a scope requirement was read from:
 * - `x-current` / `x-beta`: an `x-atlassian-oauth2-scopes` entry with that state;
 * - `security`: an OAuth requirement in the operation's `security` list;
 * - `inferred`: not in the document, added by a written rule (see docs/catalog.md);
 * - `reference`: a hand-written entry, read from the reference page named by the operation's `sourceUrl`.
 */
export type RequirementSource = 'x-current' | 'x-beta' | 'security' | 'inferred' | 'reference';

/**
 * Which documented form of an operation's path a request used, for APIs documented with more
 * than one (today JSM Operations; see docs/catalog.md, "Path forms"):
 * - `forge`: the form Atlassian documents for Forge apps (`/jsm/ops/api/v1/...`);
 * - `cloud-id`: the basic-auth form with the site's cloud id in the path
 *   (`/jsm/ops/api/{cloudId}/v1/...`), which requestJira is reported to reject (401);
 * - `unverified`: the document's own path, for which no Forge form is documented
 *   (JSM Operations' stakeholder-comms operations).
 */
export type PathForm = 'forge' | 'cloud-id' | 'unverified';

/** One way to authorize an operation: every scope in `scopes` must be granted. */
export interface ScopeAlternative {
  /** `classic` or `granular`; `mixed` when a document puts both kinds in one AND-set. */
  readonly kind: ScopeKind | 'mixed';
  /** All of these are required (an empty list means no scope is needed). */
  readonly scopes: readonly string[];
  readonly source: RequirementSource;
}

/** One REST operation an app can call, with the scopes that authorize it. */
export interface Operation {
  /** Stable key `METHOD template`, e.g. `GET /rest/api/3/issue/{issueIdOrKey}`. */
  readonly key: string;
  readonly product: Product;
  readonly family: Family;
  readonly method: HttpMethod;
  /** The full path as an app passes it; Jira platform paths are given in their `/rest/api/3` form. */
  readonly template: string;
  readonly operationId: string;
  readonly summary: string;
  readonly deprecated: boolean;
  readonly experimental: boolean;
  /** Date of the older edition the operation was last documented in, when today's documents dropped it. */
  readonly removed?: string;
  /** Alternatives: the operation is authorized when any one of them is fully granted. */
  readonly alternatives: readonly ScopeAlternative[];
  /**
   * True when the document lists no Forge scope at all. That is not "no scope needed": the
   * requirement is undocumented, so such an operation never proves a declared scope unused.
   */
  readonly undocumented: boolean;
  /** Non-Forge scopes the document lists (Bitbucket's legacy `repository`, `pullrequest`, ...). */
  readonly legacyScopes?: readonly string[];
  /** Link to Atlassian's reference documentation for the operation. */
  readonly docUrl: string;
  /** Hand-written entries (no OpenAPI document): the reference page the entry was read from. */
  readonly sourceUrl?: string;
  /** Hand-written entries that are incomplete: why (e.g. "scope unverified: ..."). Such an entry lists no alternatives. */
  readonly partial?: string;
  /** Partial entries: the scopes the operation probably needs. Shown to people, never used in a verdict. */
  readonly probableScopes?: readonly string[];
  /** True when Atlassian documents no Forge form of the path (JSM Operations' stakeholder comms): a Forge app may not reach it at all. */
  readonly forgePathUnverified?: boolean;
}

/** Metadata of one scope named anywhere in the documents. */
export interface ScopeInfo {
  readonly name: string;
  readonly kind: ScopeKind;
  /** Product family the scope belongs to, from its name (`jira`, `confluence`, `bitbucket`, ...). */
  readonly product: string;
  readonly description: string;
  /** True when `@forge/manifest`'s list of valid scopes contains it. */
  readonly valid: boolean;
  /** Number of catalog operations an alternative containing this scope can authorize. */
  readonly operationCount: number;
}

/** Why a path did not match, as a stable code plus a message for people. */
export interface NoMatch {
  readonly operation: undefined;
  readonly code:
    | 'EMPTY_PATH'
    | 'NO_LEADING_SLASH'
    | 'PATH_TOO_LONG'
    | 'BAD_SEGMENT'
    | 'BAD_CHARACTER'
    | 'UNKNOWN_FAMILY'
    | 'UNKNOWN_METHOD'
    | 'METHOD_NOT_ALLOWED'
    | 'NOT_FOUND'
    /** An undocumented internal API (`/rest/dev-status/...`): no published scope; Atlassian may change or block it. */
    | 'INTERNAL_API';
  readonly reason: string;
  /** Operations the caller probably meant (e.g. the `/wiki`-prefixed Confluence path). */
  readonly suggestions?: readonly Operation[];
}

/** A successful match: the operation and the parameter values, in template order. */
export interface Match {
  readonly operation: Operation;
  /** Parameter values in the order of the operation's template (a `cloud-id` form's cloud id is not among them). */
  readonly params: readonly string[];
  /** For operations documented with several path forms: the form the path used. */
  readonly pathForm?: PathForm;
}

/** The result of matching a concrete request path. */
export type MatchResult = Match | NoMatch;
