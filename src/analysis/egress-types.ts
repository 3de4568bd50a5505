/**
 * Egress as a second axis beside scopes (issue 12): every host the app declares or reaches,
 * with one verdict, computed once in the pure core; every surface renders it.
 */
import type { EgressKind } from '../scan/types';

/**
 * What the manifest says about egress, with lines: `permissions.external` entries (canonical:
 * the string, or the object as canonical JSON), `permissions.content` lists, `remotes[]`, and
 * the remotes the manifest itself routes to (endpoint modules, external-auth providers).
 */
export interface EgressManifest {
  external: { list: string; entry: string; line: number; column: number }[];
  content: { list: string; keywords: string[]; line: number; column: number }[];
  /** `appTokens`: whether Forge passes the remote an app token (absent: not known, as if it did). */
  remotes: { key: string; baseUrl: string | null; line: number; column: number; appTokens?: boolean }[];
  remoteRefs: { remote: string; by: string; line: number; column: number }[];
}

/** An egress kind of `permissions.external`, or `remote` for a `remotes[]` entry (Forge remote, provider remote). */
export type EgressDetailKind = EgressKind | 'remote';

/**
 * - `used`: code reaches it or it was observed at runtime (and, for a declaration, an entry allows it);
 * - `unused`: declared, and from a complete view nothing reaches it: safe to remove;
 * - `missing`: reached, and no entry of its kind allows it (Forge refuses the request);
 * - `unverifiable`: declared, nothing known reaches it, but the view is incomplete (a file not
 *   read, a URL the tool could not resolve, a call whose host could not be read): kept.
 */
export type EgressVerdict = 'used' | 'unused' | 'missing' | 'unverifiable';

/** One piece of evidence for an egress verdict. */
export interface EgressReason {
  /** `code` (a call site), `runtime` (observed calls), `manifest` (a module or provider routes to it), `refused` (the platform refused calls), `blocked` (what keeps it from being proven unused). */
  kind: 'code' | 'runtime' | 'manifest' | 'refused' | 'blocked';
  text: string;
  /** `file:line` of code, or `manifest.yml:line`. */
  at: string[];
  calls?: number;
}

/** The verdict of one host (or declared pattern) of one kind. */
export interface EgressDetail {
  /** A host (`api.example.com`), a declared pattern (`*.example.com`, `*`), or a remote's host (its key when it has no base URL). */
  domain: string;
  kind: EgressDetailKind;
  verdict: EgressVerdict;
  reasons: EgressReason[];
  /** The manifest entries that declare it (`permissions.external` entries as written, or the `remotes[]` key), with lines. */
  declaredAs: { entry: string; line: number; column: number }[];
  /** The `remotes` key, for a remote or an entry that names one. */
  remote?: string;
  /** Runtime calls that reached it in the window, and those the platform refused. */
  calls: number;
  refused: number;
  sites: number;
}

/** A host and kind, as the derived lists name them. */
export interface EgressRef {
  domain: string;
  kind: EgressDetailKind;
}

/** A call that reaches outside Atlassian whose host the tool could not tell. */
export interface EgressUnresolved {
  kind: EgressDetailKind;
  /** `file:line`, or `runtime` for observed calls. */
  at: string;
  reason: string;
}

/** `report.egress`: the details, the lists derived from them, what could not be resolved, and the content policy. */
export interface EgressReport {
  /** One entry per declared or reached (host, kind), sorted by kind then domain. Every list below is derived from it. */
  details: EgressDetail[];
  declared: EgressRef[];
  used: EgressRef[];
  unused: EgressRef[];
  missing: EgressRef[];
  unverifiable: EgressRef[];
  unresolved: EgressUnresolved[];
  /** `permissions.content` relaxations (`unsafe-inline`…): listed for review; the tool does not judge whether the UI needs them. */
  content: { list: string; keyword: string; line: number }[];
}
