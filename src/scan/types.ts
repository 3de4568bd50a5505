import type { Family, HttpMethod, PathForm } from '../catalog/types';
import type { GraphqlSummary } from '../usage/graphql-summary';

/** Where the code runs: a Forge function (`@forge/api`) or Custom UI (`@forge/bridge`). */
export type Side = 'backend' | 'frontend';

/** How a call authenticates: `api.asApp()`, `api.asUser()`, `@forge/bridge`, or bare `api.requestX` (`default`). */
export type CallPrincipal = 'asApp' | 'asUser' | 'bridge' | 'default';

/** A place in a scanned file; `file` is relative to the app directory, line and column are 1-based. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** One product REST call the scanner resolved to a method and a path pattern. */
export interface CallFinding extends SourceLocation {
  family: Family;
  method: HttpMethod;
  /** The path as written, query string removed, every interpolated value shown as `{}`. */
  pattern: string;
  /** Catalog operation key (`GET /rest/api/3/issue/{issueIdOrKey}`), absent when nothing matched. */
  operationKey?: string;
  /** For operations documented with several path forms (JSM Operations): the form the path used. */
  pathForm?: PathForm;
  /** Why nothing matched (the matcher's code and reason), present only when `operationKey` is absent. */
  noMatch?: { code: string; reason: string; suggestions?: string[] };
  side: Side;
  principal: CallPrincipal;
  /**
   * For a path that reached `requestX` through helper functions: the inner calls, outermost
   * first, ending at the `requestX` call itself. The finding's own location is where the path was written.
   */
  via?: SourceLocation[];
  /**
   * Present when this operation is one of several the code may select and the tool cannot tell
   * which (a lookup table read with a key it cannot know): every entry is reported, each with this note.
   */
  candidateOf?: string;
}

/** The name of a Forge request surface other than `requestJira`/`requestConfluence`/`requestBitbucket`. */
export type RequestSurface =
  | 'requestGraph'
  | 'requestAtlassian'
  | 'requestConnectedData'
  | 'requestTeamworkGraph'
  | 'invokeRemote'
  | 'invokeService'
  | 'requestRemote';

/** What a literal GraphQL document passed to a request surface asks for (never its variables): the recorder's shape. */
export type { GraphqlSummary };

/** A product call whose path or method could not be determined statically. Never dropped silently. */
export interface UnresolvedFinding extends SourceLocation {
  /**
   * `path`: the path is unknown (or, with `link`, taken from an earlier response); `method`: the path
   * is known but the method is not; `api`: a request surface whose scopes the tool cannot tell
   * (GraphQL, remotes, services: see `surface`).
   */
  kind: 'path' | 'method' | 'api';
  family?: Family;
  reason: string;
  /** What is known of the path, `{}` for unknown segments. */
  pattern?: string;
  method?: HttpMethod;
  /** Catalog operation keys the call may be, when they can be enumerated (sorted). */
  candidates: string[];
  side: Side;
  principal: CallPrincipal;
  via?: SourceLocation[];
  /** For kind `api`: the request surface recognised (`requestGraph`, `invokeRemote`, ...). */
  surface?: RequestSurface;
  /** For GraphQL surfaces with a literal query document: its operation and top-level fields. */
  graphql?: GraphqlSummary;
  /** For `invokeRemote`/`requestRemote`/`invokeService`: the remote or service key, when literal. */
  remote?: string;
  /**
   * For a URL taken from an earlier response (`_links.next`, `next`, a `Location` header, ...): the
   * field it was read from and the operations whose response it came from (empty when unknown).
   * `candidates` are then the operations of that API whose documented response can hold such a link.
   */
  link?: { field: string; returnedBy: string[] };
}

/** The `permissions.external` kinds an egress reference falls under. */
export type EgressKind = 'fetch-backend' | 'fetch-client' | 'images' | 'scripts' | 'styles' | 'fonts' | 'media' | 'frames';

/**
 * A reference to something outside Atlassian: `fetch(url)` in a function, `fetch`/`<img src>`/
 * `<script src>`/CSS `url()` in Custom UI, a remote or an external-auth provider. Never a product call.
 */
export interface EgressFinding extends SourceLocation {
  kind: EgressKind;
  side: Side;
  /** Host name (lower case, no port), when the URL is absolute and its host is known. */
  domain?: string;
  /** The path as written, query values removed, unknown parts `{}` (no concrete values). */
  pathTemplate?: string;
  /** A manifest `remotes` key (`invokeRemote`, `requestRemote`, `withProvider(…, remote)`), when literal. */
  remote?: string;
  /** An external-auth provider key (`asUser().withProvider('google', …)`). */
  provider?: string;
  /** The API or markup that makes the request: `fetch`, `api.fetch`, `<img src>`, `<script src>`, `url()`, `invokeRemote`, ... */
  api: string;
  /** Why the domain is missing, when it is. */
  unresolved?: string;
}

/**
 * A scope need that does not come from a REST call: a trigger event, a module, a remote's auth
 * token, or a platform feature the code uses (a Forge API such as storage or realtime).
 */
export interface ScopeNeed extends SourceLocation {
  /** Met when every scope of any one alternative is granted (classic alternative first when there are two). */
  alternatives: string[][];
  /** For people, e.g. `trigger avi:jira:created:issue (manifest.yml:42)` or `@forge/kvs imported (src/store.ts:1)`. */
  reason: string;
  source: 'trigger' | 'module' | 'remote' | 'forge-api';
  /** The platform feature, named for people (`Forge storage (@forge/kvs)`, `remote auth: appSystemToken`). */
  feature?: string;
  /** The manifest module the need comes from (trigger, module, remote or endpoint key). */
  module?: string;
  /** The product event, for a trigger. */
  event?: string;
  /**
   * True when Atlassian documents no scope for the feature, so these scopes only *may* be needed:
   * they are never reported missing, but a declared one is never reported unused either.
   */
  maybe?: boolean;
}

/** A file the scanner could not parse; scanning continues with the other files. */
export interface ParseError {
  file: string;
  line: number;
  col: number;
  message: string;
}

/**
 * A file the scanner did not read: policy skips (dependencies, tests, type declarations, build
 * output) do not block removal; anything meaning deployable code went unread does (unreadable,
 * unparseable, a broken symlink, a file too large or too deeply nested to parse).
 */
export interface SkippedFile {
  /** Path relative to the app directory (POSIX separators); a folder ends with `/`. */
  file: string;
  reason: string;
  /** True when the file may hold code that needs a scope: no scope can then be proven unused. */
  blocksRemoval: boolean;
}

/** Everything the scanner found in an app's source. */
export interface ScanResult {
  /** Files read, files not read (with why), and symbolic links followed (`file` → `target`). */
  files: { scanned: string[]; skipped: SkippedFile[]; symlinks?: { file: string; target: string }[] };
  calls: CallFinding[];
  unresolved: UnresolvedFinding[];
  forgeApiNeeds: ScopeNeed[];
  parseErrors: ParseError[];
  /** References to hosts outside Atlassian (never product calls), sorted by location. */
  egress: EgressFinding[];
}
