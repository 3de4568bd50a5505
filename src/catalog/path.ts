import type { NoMatch } from './types';

/** Longest path accepted; real REST paths are far shorter, and this bounds the work per call. */
export const MAX_PATH_LENGTH = 8192;

/** Builds the "undefined with a reason" answer. */
export function noMatch(code: NoMatch['code'], reason: string, suggestions?: NoMatch['suggestions']): NoMatch {
  return suggestions?.length ? { operation: undefined, code, reason, suggestions } : { operation: undefined, code, reason };
}

/** Returns the path part of a request target (query and fragment dropped), or a NoMatch. */
export function pathOnly(path: unknown): string | NoMatch {
  if (typeof path !== 'string' || path.length === 0) return noMatch('EMPTY_PATH', 'empty path');
  if (path.length > MAX_PATH_LENGTH) return noMatch('PATH_TOO_LONG', `path is ${path.length} characters; at most ${MAX_PATH_LENGTH} are accepted`);
  const q = path.indexOf('?');
  const h = path.indexOf('#');
  const end = q < 0 ? h : h < 0 ? q : Math.min(q, h);
  const bare = end < 0 ? path : path.slice(0, end);
  if (bare.charCodeAt(0) !== 47) {
    return noMatch('NO_LEADING_SLASH', /^[a-z][a-z0-9+.-]*:/i.test(bare) ? 'absolute URL: pass the path only, starting with /' : 'path must start with /');
  }
  return bare;
}

// One pass finds what no request path may carry: characters that must be encoded (controls,
// space, non-ASCII, "<>\\^`|), an empty segment ("//"), a dot segment ("/./", "/../"), or a
// brace that does not wrap a whole-segment UUID. Bitbucket names workspaces, repositories and
// users by `{UUID}` and @forge/api's `route` passes path values raw, so `/{7d0b…}/` is a value;
// any other brace still must be encoded. Each brace test starts with the brace itself, so the
// common path (no brace) costs what it did.
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const REJECTED = new RegExp(
  `[\\u0000-\\u0020\\u007f-\\uffff"<>\\\\^\`|]|\\{(?:(?<!\\/\\{)|(?!${UUID}\\}(?:\\/|$)))|\\}(?<!\\/\\{${UUID}\\})|\\/\\/|\\/\\.\\.?(?=\\/|$)`,
);

/** Returns the path without its one ignored trailing slash (`/rest/api/3/myself/` → `/rest/api/3/myself`). */
export function trimTrailingSlash(bare: string): string {
  return bare.length > 1 && bare.charCodeAt(bare.length - 1) === 47 ? bare.slice(0, -1) : bare;
}

/** Returns a NoMatch when the path holds what no real request contains, else undefined. */
export function checkPath(path: string): NoMatch | undefined {
  const bad = REJECTED.exec(path);
  if (bad) {
    const found = bad[0];
    if (found === '//') return noMatch('BAD_SEGMENT', `empty segment at offset ${bad.index + 1} (a doubled or stray "/")`);
    if (found.length > 1) return noMatch('BAD_SEGMENT', `dot segment "${found.slice(1)}" at offset ${bad.index + 1}`);
    const braces = found === '{' || found === '}' ? ' (a brace is accepted only around a whole-segment UUID, as Bitbucket writes `{uuid}`)' : '';
    return noMatch('BAD_CHARACTER', `path contains ${JSON.stringify(found)} at offset ${bad.index}, which must be percent-encoded${braces}`);
  }
  if (path.indexOf('%') < 0) return undefined;
  // Slow path, only for percent-encoded paths: every escape must decode, and none may hide a dot segment.
  for (const segment of path.split('/')) {
    if (segment.indexOf('%') < 0) continue;
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return noMatch('BAD_SEGMENT', `segment "${segment}" has malformed percent-encoding`);
    }
    if (decoded === '.' || decoded === '..') return noMatch('BAD_SEGMENT', `dot segment "${segment}" (encoded)`);
  }
  return undefined;
}

/**
 * Returns the form of a segment to compare with template literals: decoded, or undefined when
 * it holds an encoded `/` (data inside one value, never a literal segment).
 */
export function literalOf(segment: string): string | undefined {
  if (segment.indexOf('%') < 0) return segment;
  const decoded = decodeURIComponent(segment);
  return decoded.includes('/') ? undefined : decoded;
}
