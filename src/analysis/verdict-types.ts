/**
 * One verdict per declared or needed scope (issue 9): every surface renders these; none
 * recomputes them. See docs/analysis.md "Scope verdicts" for the rules.
 */

/**
 * - `in-use`: an operation it authorizes was observed succeeding (2xx/3xx) at runtime in the window;
 * - `code-only`: the code can call an operation it authorizes, not observed succeeding in the window;
 * - `platform`: a trigger, module, remote token or platform feature needs it (the feature is named);
 * - `not-granted`: declared, but a site has not granted it (runtime 401 "scope does not match");
 * - `missing`: needed, not declared;
 * - `missing-if-called`: not declared, and only operations the code *may* call need it (candidates:
 *   one of several entries a call selects with a key the tool cannot know);
 * - `unverifiable`: nothing known needs it, but the view is incomplete (a file not read, an
 *   unresolved call, an unknown request surface…) or the tool knows nothing that uses it;
 * - `unused`: declared, and from a complete view nothing needs it: safe to remove.
 */
export type ScopeVerdict = 'in-use' | 'code-only' | 'unused' | 'missing' | 'missing-if-called' | 'not-granted' | 'platform' | 'unverifiable';

/** Every verdict, worst first (the order the surfaces list them in). */
export const VERDICTS: readonly ScopeVerdict[] = ['missing', 'missing-if-called', 'not-granted', 'unverifiable', 'unused', 'platform', 'code-only', 'in-use'];

/** The verdicts of a declared scope something needs (`scopes.used`): the one definition every surface's "needed" list and count use. */
export const USED_VERDICTS: ReadonlySet<ScopeVerdict> = new Set<ScopeVerdict>(['in-use', 'code-only', 'platform', 'not-granted']);

/**
 * What a reason is: a need the scope meets (`operation`, `trigger`, `module`, `remote`,
 * `platform`, `granted`: runtime grant evidence) or, for `unverifiable`, what blocks a verdict.
 */
export type ReasonKind = 'operation' | 'trigger' | 'module' | 'remote' | 'platform' | 'not-granted' | 'blocked';

/** One need of a scope, or one thing that keeps it from being proven unused, with its evidence. */
export interface ScopeReason {
  kind: ReasonKind;
  /** For people, one sentence. */
  text: string;
  /** Where: code call sites and manifest lines (`file:line`). */
  at: string[];
  /** The operation key, for `operation`. */
  operation?: string;
  /** The trigger event, for `trigger`. */
  event?: string;
  /** The manifest module key (trigger, module, remote or endpoint). */
  module?: string;
  /** The platform feature, for `platform` and `remote`. */
  feature?: string;
  /** Runtime calls of this need (operations only, when observed). */
  calls?: number;
  /** Manifest modules behind this need: the trigger or module it comes from, or the modules whose invocations made its calls. */
  modules?: string[];
  /** Declared scopes only: true when no declared alternative without this scope meets the need, so removing the scope stops it. */
  removalBreaks?: boolean;
  /** An operation only candidate calls may make (the tool cannot tell whether the code selects it); `text` says how. */
  candidate?: true;
}

/** A manifest module that relies on a scope. */
export interface ScopeModule {
  key: string;
  type?: string;
  title?: string;
}

/** The evidence model of one scope: its verdict, why, and what runtime saw. */
export interface ScopeDetail {
  scope: string;
  verdict: ScopeVerdict;
  reasons: ScopeReason[];
  /** Manifest modules that rely on it (triggers, modules, remotes; modules whose invocations called its operations). */
  modules: ScopeModule[];
  /** Runtime calls of the operations it authorizes (each operation counted once), in the window; the inspector's own calls excluded. */
  calls: number;
  /** Of those, calls that did not succeed (4xx, 5xx, network errors). */
  failures: number;
  firstSeen: string | null;
  lastSeen: string | null;
  /** Installations whose usage shows a call of its operations. */
  sites: number;
}
