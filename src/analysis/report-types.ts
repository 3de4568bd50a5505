import type { Family, HttpMethod, Product, ScopeAlternative, ScopeKind } from '../catalog/types';
import type { CallPrincipal, Side, SourceLocation } from '../scan/types';
import type { Principal, StatusCounts } from '../usage/format';

/** Version of the report JSON (`audit --format json`, `getReport`); bump on incompatible change. */
export const REPORT_FORMAT_VERSION = 1 as const;

/** A static call site of an endpoint. */
export interface CallSite extends SourceLocation {
  side: Side;
  principal: CallPrincipal;
  via?: SourceLocation[];
}

/** Runtime evidence for one endpoint, merged over every usage export given. */
export interface RuntimeEvidence {
  calls: number;
  status: StatusCounts;
  scopeMismatch401: number;
  firstSeen: string;
  lastSeen: string;
  principals: Principal[];
  appVersions: string[];
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
  calls: CallSite[];
  runtime?: RuntimeEvidence;
  evidence: 'static' | 'runtime' | 'both';
  /** Authorized by the declared scopes. */
  authorized: boolean;
  /** Smallest addition to the declared scopes that authorizes it (granular preferred). */
  missing: string[];
}

/** A call whose operation could not be determined, with the operations it may be. */
export interface UnresolvedReport extends SourceLocation {
  kind: 'path' | 'method' | 'api';
  family?: Family;
  reason: string;
  pattern?: string;
  candidates: string[];
  side: Side;
  principal: CallPrincipal;
}

/** A runtime request to a path outside the catalog (a redacted shape). */
export interface UnknownRuntimeEndpoint {
  family: Family;
  method: HttpMethod;
  shape: string;
  calls: number;
  sites: number;
}

/** A need for scopes that is not a REST call (trigger, module, Forge API such as storage). */
export interface OtherNeed extends SourceLocation {
  source: 'trigger' | 'module' | 'forge-api';
  reason: string;
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

/** Runtime and static evidence of one scope, summed over the endpoints that need it. */
export interface ScopeEvidence {
  calls: number;
  lastSeen?: string;
  /** Static call sites (file:line) of those endpoints. */
  locations: string[];
}

/** A declared scope nothing known needs. */
export interface UnusedScope {
  name: string;
  line: number;
  column: number;
  kind: ScopeKind;
  /** `unused`: safe to remove as far as the evidence goes; `unused-unless-unresolved`: something unresolved may need it. */
  status: 'unused' | 'unused-unless-unresolved';
  /** For `unused-unless-unresolved`: what may need it. */
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

/** The least-privilege plan: one alternative chosen per need, fewest catalog operations authorized. */
export interface Plan {
  scopes: string[];
  /** Declared scopes kept only because an unresolved call or undocumented operation may need them. */
  keptForUnresolved: string[];
  /** Catalog operations the plan's scopes authorize (its cost). */
  authorizedOperations: number;
  /** `exact` (every combination tried) or `greedy` (documented heuristic, see docs/analysis.md). */
  search: 'exact' | 'greedy';
  combinationsTried: number;
  /** Changes against today's manifest. */
  add: string[];
  remove: string[];
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
}

/** Everything Scope Inspector concludes about one app. */
export interface Report {
  format: 'scope-inspector-report';
  version: typeof REPORT_FORMAT_VERSION;
  manifest: string;
  endpoints: EndpointReport[];
  unresolved: UnresolvedReport[];
  unknownRuntime: UnknownRuntimeEndpoint[];
  otherNeeds: OtherNeed[];
  scopes: {
    declared: DeclaredScopeReport[];
    used: UsedScope[];
    unused: UnusedScope[];
    missing: MissingNeed[];
    /** Union of the manifest additions (`where: 'manifest'`). */
    missingScopes: string[];
    replaceable: ReplaceableScope[];
    invalid: InvalidScopeReport[];
    duplicates: DuplicateScopeReport[];
  };
  /** Evidence per used or missing scope (runtime calls, last seen, static call sites of the endpoints that need it). */
  scopeEvidence: Record<string, ScopeEvidence>;
  plan: Plan;
  blastRadius: { declared: number; plan: number };
  runtime: {
    sites: number;
    window: { firstDay: string | null; lastDay: string | null; daysObserved: number };
    installations: InstallationReport[];
    droppedCalls: number;
    /** Share of statically known endpoints also seen at runtime (null without usage data). */
    staticExercised: number | null;
  };
}
