import type { NoMatch } from './types';

/** Longest path accepted; real REST paths are far shorter, and this bounds the work per call. */
export const MAX_PATH_LENGTH = 8192;

/** A concrete path split into segments, with each segment's decoded form for literal comparison. */
export interface SplitPath {
  /** Raw segments (still percent-encoded), used as parameter values. */
  readonly segments: string[];
  /** Decoded segments; `undefined` where the segment can only be a parameter (an encoded `/`). */
  readonly literals: (string | undefined)[];
}

/** Builds the "undefined with a reason" answer. */
export function noMatch(code: NoMatch['code'], reason: string, suggestions?: NoMatch['suggestions']): NoMatch {
  return suggestions?.length ? { operation: undefined, code, reason, suggestions } : { operation: undefined, code, reason };
}

/** Returns the path part of a request target (query and fragment dropped), or a NoMatch. */
export function pathOnly(path: unknown): string | NoMatch {
  if (typeof path !== 'string' || path.length === 0) return noMatch('EMPTY_PATH', 'empty path');
  if (path.length > MAX_PATH_LENGTH) return noMatch('PATH_TOO_LONG', `path is ${path.length} characters; at most ${MAX_PATH_LENGTH} are accepted`);
  let end = path.length;
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c === 63 || c === 35) {
      end = i;
      break;
    }
  }
  const bare = end === path.length ? path : path.slice(0, end);
  if (bare.charCodeAt(0) !== 47) {
    return noMatch('NO_LEADING_SLASH', /^[a-z][a-z0-9+.-]*:/i.test(bare) ? 'absolute URL: pass the path only, starting with /' : 'path must start with /');
  }
  return bare;
}

/** Splits a path (already without query) into segments, rejecting what no real request contains. */
export function splitPath(bare: string): SplitPath | NoMatch {
  // One trailing slash is ignored: `/rest/api/3/myself/` is `/rest/api/3/myself`.
  const trimmed = bare.length > 1 && bare.charCodeAt(bare.length - 1) === 47 ? bare.slice(0, -1) : bare;
  const segments = trimmed === '/' ? [] : trimmed.split('/');
  segments.shift();
  const literals: (string | undefined)[] = new Array(segments.length);
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (segment.length === 0) return noMatch('BAD_SEGMENT', `empty segment at position ${i + 1} (a doubled or stray "/")`);
    let hasPercent = false;
    for (let j = 0; j < segment.length; j++) {
      const c = segment.charCodeAt(j);
      // Visible ASCII except characters that must be percent-encoded in a path.
      if (c <= 0x20 || c >= 0x7f || c === 34 || c === 60 || c === 62 || c === 92 || c === 94 || c === 96 || c === 123 || c === 124 || c === 125) {
        return noMatch('BAD_CHARACTER', `segment ${i + 1} contains ${JSON.stringify(segment[j])}, which must be percent-encoded`);
      }
      if (c === 37) hasPercent = true;
    }
    let literal: string | undefined = segment;
    if (hasPercent) {
      try {
        literal = decodeURIComponent(segment);
      } catch {
        return noMatch('BAD_SEGMENT', `segment ${i + 1} has malformed percent-encoding`);
      }
      // An encoded slash is data inside one value; it can never stand for a literal segment.
      if (literal.includes('/')) literal = undefined;
    }
    if (literal === '.' || literal === '..') return noMatch('BAD_SEGMENT', `dot segment "${segment}" at position ${i + 1}`);
    literals[i] = literal;
  }
  return { segments, literals };
}
