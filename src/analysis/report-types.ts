import type { Family, HttpMethod, PathForm, Product, ScopeAlternative, ScopeKind } from '../catalog/types';
import type { CallPrincipal, RequestSurface, Side, SkippedFile, SourceLocation } from '../scan/types';
import type { ExclusionReason, Principal, StatusCounts } from '../usage/format';
import type { GraphqlSummary } from '../usage/graphql-summary';
import type { Surface } from '../usage/surfaces';
import type { Approval } from '../release/change-rules';
import type { ScopeDetail } from './verdict-types';
import type { EgressReport } from './egress-types';

export type * from './verdict-types';
export type * from './egress-types';

/** Version of the report JSON (`audit --format json`, `getReport`); bump on incompatible change. */
export const REPORT_FORMAT_VERSION = 2 as const;

/** A static call site of an endpoint. */
export interface CallSite extends SourceLocation {
  side: Side;
  principal: CallPrincipal;
  via?: SourceLocation[];
  /** For operations documented with several path forms (JSM Operations): the form this call wrote. */
  pathForm?: PathForm;
  /**
   * Present when this operation is only one of several a call may select and the tool cannot tell
   * which (`ENDPOINTS[key]` with an unknown key): the scanner's note. `candidateCalls` groups them per call.
   */
  candidateOf?: string;
}

/**
 * A call that selects one of several operations and the tool cannot tell which (a lookup table
 * read with a key it cannot know): every operation it may select, each a *candidate*
 * (docs/analysis.md, "Candidates").
 */
export interface CandidateCall extends SourceLocation {
  side: Side;
  principal: CallPrincipal;
  via?: SourceLocation[];
  /** What selects them, as written (`ENDPOINTS[…]`). */
  table: string;
  /** The operations it may call (catalog keys, sorted). */
  operations: string[];
  /** For people: `one of 6 entries of ENDPOINTS[…] (key unknown)`. */
  text: string;
}

/** Runtime evidence for one endpoint, merged over every usage export given. */
export interface RuntimeEvidence {
  calls: number;
  /** Calls that did not succeed: 4xx, 5xx, network, and calls the platform refused before the product (`failuresOf`). */
  failures: number;
  status: StatusCounts;
  scopeMismatch401: number;
  firstSeen: string;
  lastSeen: string;
  principals: Principal[];
  appVersions: string[];
  /** Manifest modules whose invocations made the calls. */
  moduleKeys: string[];
  /** Number of installations (usage exports) that saw the endpoint. */
  sites: number;
}

/** One REST operation the app calls (statically, at runtime, or both). */
export interface EndpointReport {
  key: string;
  product: Product;
  family: Family;
  method: HttpMethod;
  template: string;
  operationId: string;
  summary: string;
  docUrl: string;
  alternatives: ScopeAlternative[];
  undocumented: boolean;
  deprecated: boolean;
  /** Edition date when only an older edition of Atlassian's documents has the operation. */
  removed?: string;
  /** Hand-written catalog entry that is incomplete: why (e.g. "scope unverified: ..."). */
  partial?: string;
  /** Atlassian documents no Forge form of this path (JSM Operations' stakeholder comms). */
  forgePathUnverified?: boolean;
  calls: CallSite[];
  runtime?: RuntimeEvidence;
  evidence: 'static' | 'runtime' | 'both';
  /**
   * True when every static call site is a candidate (`calls[].candidateOf`) and runtime never saw
   * it: the app may call it, the tool cannot tell whether it does. Its scopes are then never
   * `unused`, and when not declared they are `missing-if-called`, not `missing`.
   */
  candidate?: true;
  /** Authorized by the declared scopes. */
  authorized: boolean;
  /** Smallest addition to the declared scopes that authorizes it (granular preferred). */
  missing: string[];
}

/** A call whose operation could not be determined, with the operations it may be, and what the scanner knows of it. */
export interface UnresolvedReport extends SourceLocation {
  kind: 'path' | 'method' | 'api';
  family?: Family;
  reason: string;
  pattern?: string;
  /** The method, when known (kind `path`: the path is unknown, the method is not). */
  method?: HttpMethod;
  /**
   * A call whose path is known but matches no catalog operation: the matcher's code, such as
   * `INTERNAL_API` (an undocumented internal API, `/rest/dev-status/...`), `NOT_FOUND` or
   * `METHOD_NOT_ALLOWED` (docs/catalog.md).
   */
  code?: string;
  candidates: string[];
  side: Side;
  principal: CallPrincipal;
  /** The helper calls the value went through, outermost first. */
  via?: SourceLocation[];
  /** Kind `api`: the request surface (`requestGraph`, `invokeRemote`, …). */
  surface?: RequestSurface;
  /** GraphQL surfaces with a literal document: its operation and top-level fields (never variables). */
  graphql?: GraphqlSummary;
  /** Remotes and services: the key, when literal. */
  remote?: string;
  /**
   * A URL taken from an earlier response: the field it was read from and the operations whose
   * response it came from (empty when out of sight); `candidates` are the operations of that API
   * whose documented response can hold such a link.
   */
  link?: { field: string; returnedBy: string[] };
}

/** A runtime request to a path outside the catalog (a redacted shape). */
export interface UnknownRuntimeEndpoint {
  family: Family;
  method: HttpMethod;
  shape: string;
  calls: number;
  sites: number;
}

/**
 * A runtime row kept out of the evidence (docs/storage.md): `unverified-bridge`, the browser
 * reported an operation the static analysis did not find in the app's Custom UI code. Listed
 * apart; never a need, verdict or plan input.
 */
export interface ExcludedRuntimeEndpoint {
  reason: ExclusionReason;
  family: Family;
  method: HttpMethod;
  template: string;
  operationKey?: string;
  principal: Principal;
  calls: number;
  sites: number;
}

/**
 * Runtime calls of one shape of another request surface (GraphQL, Atlassian paths, remotes,
 * services, providers, egress), merged over the usage exports: what it was (never a concrete
 * value), its evidence, and what Atlassian documents about the scopes it needs.
 */
export interface RuntimeSurfaceReport {
  surface: Surface;
  method: HttpMethod;
  /** Remote or service key, `provider/remote`, or host; null when it could not be read. */
  target?: string | null;
  path?: string | null;
  graphql?: GraphqlSummary | null;
  runtime: RuntimeEvidence;
  /** Calls the platform refused before they left: not in the egress permissions, an unknown remote or service, a proxy error. */
  refused: number;
  /**
   * `none`: reaches no Atlassian API; `documented`: Atlassian names the scopes (`alternatives`,
   * any one suffices); `unknown`: may need scopes Atlassian publishes no table for, so a declared
   * scope nothing else needs is `unverifiable` while these calls exist.
   */
  scopes: 'none' | 'documented' | 'unknown';
  alternatives?: string[][];
  /** Why, for people, with Atlassian's page when there is one. */
  note: string;
  source?: string;
}

/** A browser-reported surface call kept out of the evidence (the static analysis does not vouch for it). */
export interface ExcludedRuntimeSurface {
  reason: ExclusionReason;
  surface: Surface;
  method: HttpMethod;
  target?: string | null;
  path?: string | null;
  graphql?: GraphqlSummary | null;
  calls: number;
  sites: number;
}

/** A need for scopes that is not a REST call (trigger, module, remote token, platform feature such as storage). */
export interface OtherNeed extends SourceLocation {
  source: 'trigger' | 'module' | 'remote' | 'forge-api';
  reason: string;
  /** The platform feature, named for people. */
  feature?: string;
  /** The manifest module the need comes from. */
  module?: string;
  /** The product event, for a trigger. */
  event?: string;
  /** Atlassian documents no scope for the feature: the scopes only *may* be needed (never missing, never unused). */
  maybe?: boolean;
  alternatives: string[][];
  authorized: boolean;
  missing: string[];
}

/** A scope `permissions.scopes` lists. */
export interface DeclaredScopeReport {
  name: string;
  line: number;
  column: number;
  kind: ScopeKind;
  valid: boolean;
}

/** A declared scope with what needs it. */
export interface UsedScope {
  name: string;
  kind: ScopeKind;
  /** Operation keys and other-need reasons that this scope helps authorize. */
  neededBy: string[];
}

/** A declared scope nothing needs, from a complete view (verdict `unused`): safe to remove. */
export interface UnusedScope {
  name: string;
  line: number;
  column: number;
  kind: ScopeKind;
}

/** A declared scope nothing known needs, but whose removal the evidence cannot support (verdict `unverifiable`). */
export interface UnverifiableScope {
  name: string;
  line: number;
  column: number;
  kind: ScopeKind;
  /** What keeps it from being proven unused: a file not read, an unresolved call, an unknown surface… */
  because: string[];
}

/** A need the declared scopes do not authorize, with the smallest addition. */
export interface MissingNeed {
  need: string;
  /**
   * `manifest`: the declared scopes do not authorize it (add them to manifest.yml);
   * `installation`: the manifest does, but a site has not granted them yet (runtime 401s).
   */
  where: 'manifest' | 'installation';
  add: string[];
  locations: SourceLocation[];
  /** Runtime 401 "scope does not match" answers seen for it. */
  scopeMismatch401: number;
}

/**
 * Scopes no declared alternative provides for operations the code only *may* call (candidates,
 * docs/analysis.md): not `missing` (not added by `--fix` unless `--add-candidates`), verdict
 * `missing-if-called`.
 */
export interface CandidateNeed {
  /** The operation. */
  need: string;
  add: string[];
  locations: SourceLocation[];
  /** How each of those calls selects it (`one of 6 entries of ENDPOINTS[…] (key unknown)`). */
  candidateOf: string[];
}

/** A classic scope whose every use is also covered by granular scopes. */
export interface ReplaceableScope {
  classic: string;
  line: number;
  column: number;
  /** The granular scopes that cover every need the classic scope serves today. */
  replacement: string[];
  /** Of those, the ones not declared yet. */
  toAdd: string[];
  neededBy: string[];
}

/** A declared scope `@forge/manifest` does not know. */
export interface InvalidScopeReport {
  name: string;
  line: number;
  column: number;
  /** Why: `not a scope @forge/manifest knows`, `empty scope name`, `spaces around the name`. */
  reason: string;
  suggestion?: string;
}

/** A scope declared again (harmless, but the repeat is dead weight): where, and where it was first declared. */
export interface DuplicateScopeReport {
  name: string;
  line: number;
  column: number;
  first: { line: number; column: number };
}

/** A classic scope the plan replaces with granular ones, and what that does to the blast radius. */
export interface PlanReplacement {
  classic: string;
  /** The granular scopes that serve every need the classic scope served. */
  replacement: string[];
  /** Catalog operations the plan's scopes authorize with the classic scope, and with the replacement instead. */
  authorizedBefore: number;
  authorizedAfter: number;
}

/** What applying the plan costs the sites that run the app (Atlassian's rules for major versions, src/release). */
export interface PlanCost {
  /** `required` when applying the plan changes the scopes: every site's admin must approve a new major version. */
  approval: Approval;
  /** One sentence: what the plan changes, what it authorizes instead of today's scopes, and the approval it needs. */
  summary: string;
  /** Catalog operations today's declared scopes authorize, and the plan's scopes. */
  authorizedBefore: number;
  authorizedAfter: number;
  /**
   * The variant that needs no approval, when the plan needs one: Atlassian counts any change to the
   * scope set (removals too) as needing approval, so it is keeping today's scopes; with what that leaves undone.
   */
  withoutApproval: { summary: string; authorized: number } | null;
}

/** The least-privilege plan: one alternative chosen per need, fewest catalog operations authorized; classic scopes replaced by granular ones where every need allows. */
export interface Plan {
  scopes: string[];
  /** Declared scopes kept because their verdict is `unverifiable` (the plan never removes one). */
  keptForUnresolved: string[];
  /** Classic scopes replaced by granular ones (Atlassian's recommendation), each with its blast-radius change. */
  replacements: PlanReplacement[];
  /** Catalog operations the plan's scopes authorize (its cost). */
  authorizedOperations: number;
  /** `exact` (every combination tried) or `greedy` (documented heuristic, see docs/analysis.md). */
  search: 'exact' | 'greedy';
  combinationsTried: number;
  /** Changes against today's manifest. */
  add: string[];
  remove: string[];
  /** What applying it costs: the approval it needs, and the variant that needs none. */
  cost: PlanCost;
}

/** What an installation granted, against what the manifest declares. */
export interface InstallationReport {
  installation: string;
  appVersion?: string;
  granted: string[];
  /** Declared scopes this installation has not granted yet (site not upgraded). */
  notGranted: string[];
  /** Needs the granted scopes do not authorize. */
  unauthorizedNeeds: string[];
  /** Scopes it granted that the manifest no longer declares. */
  extraGranted: string[];
  /** The app's calls on this site in the window (Scope Inspector's own excluded), those that failed, and 401 "scope does not match" answers. */
  calls: number;
  failures: number;
  scopeMismatch401: number;
  lastSeen: string | null;
  /**
   * What its admin must approve before it runs the declared scopes: the change from its granted
   * scopes to the manifest's, by Atlassian's rules (null without grant data). Only scopes are
   * recorded per site: egress, remotes and other permissions a version adds cannot be compared.
   */
  upgrade: { approval: Approval; summary: string } | null;
}

/**
 * The app's calls per day over the report's window (from the usage's per-day counts; Scope
 * Inspector's own excluded), one number per entry of `days`.
 */
export interface Activity {
  days: string[];
  calls: number[];
  /** Per product, busiest first. */
  byProduct: { product: Product; calls: number[] }[];
  /** The busiest operations (up to five). */
  topOperations: { key: string; calls: number[] }[];
  /** Calls that did not succeed (4xx, 5xx, network errors). */
  failures: number[];
  /** 401 "scope does not match" answers: a site had not granted a scope the call needs. */
  refused: number[];
  /** Per scope with calls: the calls of the operations it authorizes (each once); they add up to the detail's `calls`. */
  scopes: { scope: string; calls: number[] }[];
  /** Calls that carry no per-day counts (usage files written before them): counted everywhere else, on no day here. */
  undated: number;
}

/** Everything Scope Inspector concludes about one app. */
export interface Report {
  format: 'scope-inspector-report';
  version: typeof REPORT_FORMAT_VERSION;
  manifest: string;
  /** Source files read, and every file not read (with why and whether it blocks removal), and symlinks followed. */
  files: ReportFiles;
  endpoints: EndpointReport[];
  /** Calls that select one of several operations the tool cannot tell apart, one per call site. */
  candidateCalls: CandidateCall[];
  unresolved: UnresolvedReport[];
  unknownRuntime: UnknownRuntimeEndpoint[];
  /** Runtime rows kept apart from the evidence (browser reports the static analysis could not verify). */
  excludedRuntime: ExcludedRuntimeEndpoint[];
  /** Runtime calls of the other request surfaces, busiest first (absent in reports of older versions). */
  runtimeSurfaces?: RuntimeSurfaceReport[];
  /** Browser-reported surface calls kept apart from the evidence. */
  excludedRuntimeSurfaces?: ExcludedRuntimeSurface[];
  /** Egress, the second axis: one verdict per declared or reached host (absent when the manifest's egress was not read). */
  egress?: EgressReport;
  otherNeeds: OtherNeed[];
  scopes: {
    /** The evidence model: one entry per declared or needed scope, sorted by name. Every list below is derived from it. */
    details: ScopeDetail[];
    declared: DeclaredScopeReport[];
    used: UsedScope[];
    unused: UnusedScope[];
    unverifiable: UnverifiableScope[];
    missing: MissingNeed[];
    /** Union of the manifest additions (`where: 'manifest'`): what `--fix` adds. */
    missingScopes: string[];
    /** Operations only candidate calls may make, with the scopes they would need (verdict `missing-if-called`). */
    missingIfCalled: CandidateNeed[];
    replaceable: ReplaceableScope[];
    invalid: InvalidScopeReport[];
    duplicates: DuplicateScopeReport[];
  };
  plan: Plan;
  blastRadius: { declared: number; plan: number };
  /** Calls per day over the window: the charts' data. */
  activity: Activity;
  runtime: {
    sites: number;
    /**
     * `firstDay`/`lastDay`/`daysObserved`: the days with app calls in the window. `days`: the window
     * asked for (7, 30, 90; null: all the usage holds), from `start` to `end`. `undated`: calls
     * counted whole because their usage has no per-day counts (so the window is approximate for them).
     */
    window: { firstDay: string | null; lastDay: string | null; daysObserved: number; days: number | null; start: string | null; end: string | null; undated: number };
    installations: InstallationReport[];
    droppedCalls: number;
    /** Share of statically known endpoints also seen at runtime (null without usage data). */
    staticExercised: number | null;
    /** Scope Inspector's own calls (its admin page's admin check), recorded apart and left out of every verdict. */
    own: { key: string; calls: number }[];
  };
}

/** The files of a scan, as the report lists them. */
export interface ReportFiles {
  scanned: number;
  /** Files not read, or read but not parsed, each with why; `blocksRemoval` ones make unused scopes unverifiable. */
  skipped: SkippedFile[];
  /** Symbolic links followed (each file scanned once). */
  symlinks: { file: string; target: string }[];
}
