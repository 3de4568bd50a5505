import type { Family } from '../catalog/types';
import type { CallPrincipal, EgressFinding, ParseError, RequestSurface, ScopeNeed, Side, SourceLocation, UnresolvedFinding } from './types';

/**
 * Per-file facts the linker joins across files. Plain data (no AST nodes), so a file's AST can
 * be dropped as soon as it is summarised and summaries could come from worker threads.
 */

/** A function or value exported by another module, reached by an import and a member path. */
export interface ImportedTarget {
  source: string;
  name: string;
  /**
   * Members read from the export, outermost first; `()` stands for calling or constructing it
   * (`makeClient(api).get` is `['()', 'get']`, `new Client().get` the same).
   */
  member?: string[];
}

/** A value known only once call sites are joined: a helper's parameter or an imported constant. */
export type Ref =
  /**
   * Parameter `i` of function `fn` (property `key` of it when destructured or read as `p.key`), `dflt`
   * when the call site leaves it out; `seg` when it fills one segment of a `route` (so it matters only
   * if it selects the operation); `called` when the parameter is called (`build(startAt)`): its value is
   * what the function a call site passes returns, and a call site passing no function gives none.
   */
  | { r: 'param'; fn: string; i: number; name: string; key?: string; dflt?: Cand[]; seg?: true; called?: true }
  | ({ r: 'import' } & ImportedTarget)
  /** The return value of an imported function called with these (evaluated) arguments. */
  | ({ r: 'call'; args: Cand[][] } & ImportedTarget)
  /**
   * An entry of a lookup table whose key is not known yet (`ENDPOINTS[name]` with `name` a helper
   * parameter). `kid` names the key, so two lookups with the same key pick the same entry.
   * `args`: the entries of an imported table are functions, called with these arguments
   * (`REPORTS[name](key)`). `branch`: the entries are the objects a conditional may pick
   * (`(c ? {…} : {…}).path`), not a table: every one is possible, none is a mere candidate.
   */
  | { r: 'select'; table: string; kid: string; key: Cand[]; entries: [string, Cand[]][]; from?: ImportedTarget; args?: Cand[][]; branch?: true }
  /** A URL read from an earlier response (`data._links.next`, a `Location` header). */
  | { r: 'link'; field: string; origins: SourceLocation[] };

/** One candidate string: literal text (with `{}` for unknown segments) and refs still to resolve. */
export type Piece = string | Ref;

/**
 * A candidate value: pieces to concatenate (with a `note` when it is one of several entries the
 * code may pick), or a reason it cannot be known (`absent` when the value is simply not there, so
 * `a ?? b` and defaults can take over).
 */
export type Cand = { pieces: Piece[]; note?: string } | { unresolved: string; absent?: true };

/** A candidate HTTP method: a literal (upper-cased), a value still to link (helper parameter, table entry), or unknown with a reason. */
export type MethodCand = { method: string } | { ref: Ref & { r: 'param' }; prop: boolean } | { value: Cand } | { unknown: string };

/**
 * What a raw call is: a product request (its path), a request surface whose scopes the tool cannot
 * tell (`paths` holds its GraphQL document or path), or an egress reference (`paths` holds its URL).
 */
export type CallKind =
  | { k: 'product'; family: Family }
  | { k: 'surface'; surface: RequestSurface; remote?: string }
  | { k: 'egress'; kind: EgressFinding['kind']; api: string; remote?: string; provider?: string };

/**
 * A branch condition on parameter `i` of helper `fn` on the way to a call (`case 'get':`, `if (!body)`):
 * a call site whose argument fails it does not reach the call. `dflt`: the parameter has a default.
 */
export interface ParamGuard {
  fn: string;
  i: number;
  /** A property of the argument is tested (`opts.body`, `{ body }` in the parameter list), not the argument. */
  key?: string;
  dflt?: true;
  test: { k: 'truthy' | 'falsy' | 'nullish' | 'present' } | { k: 'in' | 'notIn'; values: string[]; fold?: true };
}

/** A `requestX(...)`, request-surface or egress call as seen in its file. */
export interface RawCall {
  loc: SourceLocation;
  kind: CallKind;
  principal: CallPrincipal;
  side: Side;
  paths: Cand[];
  methods: MethodCand[];
  via: SourceLocation[];
  /**
   * `jira.requestJira(…)` on a value imported from one of the app's modules (`import { jira } from
   * './principal'`): the imports it may be. The linker takes the principal from them when they are all
   * the same exported principal; `pending` when only that import made it a call (the file uses no Forge
   * package), so the call is dropped unless the import is a principal.
   */
  principalFrom?: { targets: ImportedTarget[]; pending?: true };
  /** Branch conditions on helpers' parameters that lead to this call. */
  guards?: ParamGuard[];
}

/** Bindings of an enclosing factory's parameters for a call reached through it (`const put = verb('PUT'); put(p)`). */
export interface BoundArgs {
  target: { fn: string } | ImportedTarget;
  args: Cand[][];
  argProps?: (Record<string, Cand[]> | undefined)[];
}

/** A call to a local or imported function, with its arguments evaluated, so helpers resolve per call site. */
export interface CallSite {
  loc: SourceLocation;
  /**
   * The function called; `{ param, i }` when it is parameter `i` of function `param` (`get(path)` in
   * `collect(get, page)`): the function each call site of that one passes, linked per call site.
   */
  target: { fn: string } | ImportedTarget | { param: string; i: number };
  /** For arguments that are functions or helpers (`this.get`, `(startAt) => route…`): what they are. */
  argFns?: ({ fn: string } | ImportedTarget | undefined)[];
  /** Set on a site derived from a `{ param }` target: the call site that passed the function, the only one it links back to. */
  from?: { fn: string; loc: SourceLocation };
  args: Cand[][];
  /** For object arguments: the candidates of their `method` property. */
  argMethods: (MethodCand[] | undefined)[];
  /** For object arguments without spreads: each property's candidates (for destructured or `opts.x` parameters). */
  argProps?: (Record<string, Cand[]> | undefined)[];
  /** Parameters of the factories the callee was made by, bound at this site. */
  bound?: BoundArgs[];
  /** Branch conditions on the enclosing helper's parameters that lead to this site. */
  guards?: ParamGuard[];
  /** For variables changed after they are built (`o.body = …`): their written properties may not be all they hold, for guards. */
  argOpen?: (true | undefined)[];
  /** Whether each argument is truthy when that is plain from its form (an object literal, `null`), for guards. */
  argTruth?: (boolean | undefined)[];
}

/** What a module exports, as far as the linker needs it. */
export type ExportValue =
  /** A function: its return values (paths it builds), and what calling it gives when that is an object or a function. */
  | { fn: string; params?: string[]; returns?: Cand[]; result?: ExportValue }
  | { cands: Cand[] }
  /** A re-export or alias of something imported (with a member path: `export default new Imported()`). */
  | ImportedTarget
  /** An object literal, class or instance: its members (a class's instance methods; `extends` for the rest). */
  | { members: Record<string, ExportValue>; extends?: ImportedTarget }
  /**
   * A Forge value another module imports: a principal (`export const jira = api.asApp()`) or a request
   * function (`export const { requestConfluence } = api.asUser()`), so its importers' calls are requests.
   */
  | { forge: 'principal'; principal: CallPrincipal }
  | { forge: 'request'; family: Family; principal: CallPrincipal };

/** A file's summary: the linker's whole input for that file. */
export interface FileSummary {
  file: string;
  side: Side;
  calls: RawCall[];
  callSites: CallSite[];
  exports: Record<string, ExportValue>;
  exportAll: string[];
  unresolved: UnresolvedFinding[];
  needs: ScopeNeed[];
  parseErrors: ParseError[];
  /** Module specifiers other than packages' (relative and aliases), so files outside the scanned roots can be followed. */
  imports: string[];
  /** Installed packages the file imports or requires (type-only imports aside), each at its first import. */
  packages: { name: string; line: number; column: number }[];
  /** Why the file was not analysed (too large, nested too deep): it is listed as skipped, blocking removal. */
  skipped?: string;
}
