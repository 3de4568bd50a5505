import type { Family } from '../catalog/types';
import type { CallPrincipal, ParseError, ScopeNeed, Side, SourceLocation } from './types';

/**
 * Per-file facts the linker joins across files. Plain data (no AST nodes), so a file's AST can
 * be dropped as soon as it is summarised and summaries could come from worker threads.
 */

/** A value known only once call sites are joined: a helper's parameter or an imported constant. */
export type Ref =
  /** Parameter `i` of function `fn` (property `key` of it when destructured), `dflt` when the call site leaves it out. */
  | { r: 'param'; fn: string; i: number; name: string; key?: string; dflt?: Cand[] }
  | { r: 'import'; source: string; name: string }
  /** The return value of an imported function called with these (evaluated) arguments. */
  | { r: 'call'; source: string; name: string; args: Cand[][] };

/** One candidate string: literal text (with `{}` for unknown segments) and refs still to resolve. */
export type Piece = string | Ref;

/** A candidate value: pieces to concatenate, or a reason it cannot be known. */
export type Cand = { pieces: Piece[] } | { unresolved: string };

/** A candidate HTTP method: a literal (upper-cased), a helper parameter, or unknown with a reason. */
export type MethodCand = { method: string } | { ref: Ref & { r: 'param' }; prop: boolean } | { unknown: string };

/** A `requestX(...)` call as seen in its file. */
export interface RawCall {
  loc: SourceLocation;
  family: Family;
  principal: CallPrincipal;
  side: Side;
  paths: Cand[];
  methods: MethodCand[];
  via: SourceLocation[];
}

/** A call to a local or imported function, with its arguments evaluated, so helpers resolve per call site. */
export interface CallSite {
  loc: SourceLocation;
  target: { fn: string } | { source: string; name: string };
  args: Cand[][];
  /** For object arguments: the candidates of their `method` property. */
  argMethods: (MethodCand[] | undefined)[];
  /** For object-literal arguments without spreads: each property's candidates (for destructured parameters). */
  argProps?: (Record<string, Cand[]> | undefined)[];
}

/** What a module exports, as far as the linker needs it. */
export type ExportValue = { fn: string; params?: string[]; returns?: Cand[] } | { cands: Cand[] } | { source: string; name: string };

/** A file's summary: the linker's whole input for that file. */
export interface FileSummary {
  file: string;
  side: Side;
  calls: RawCall[];
  callSites: CallSite[];
  exports: Record<string, ExportValue>;
  exportAll: string[];
  unresolved: import('./types').UnresolvedFinding[];
  needs: ScopeNeed[];
  parseErrors: ParseError[];
  /** Why the file was not analysed (too large, nested too deep): it is listed as skipped, blocking removal. */
  skipped?: string;
}
