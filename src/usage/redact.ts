/** Longest redacted shape kept; longer shapes are cut at a segment boundary and end in `*`. */
export const MAX_SHAPE_LENGTH = 200;
/** Most segments kept in a redacted shape; the rest collapse into a final `*`. */
export const MAX_SHAPE_SEGMENTS = 16;
/** Placeholder for a redacted segment. */
export const REDACTED = '{}';
/** Final segment marking a shape that was cut. */
export const TRUNCATED = '*';

/** Returns a path without its query and fragment (never read: they carry values). */
export function withoutQuery(path: string): string {
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c === 63 /* ? */ || c === 35 /* # */) return path.slice(0, i);
  }
  return path;
}

/**
 * Returns the redacted shape of a request path that matched no catalog operation: query and
 * fragment dropped, empty segments dropped, and every segment that is not a literal word of
 * some catalog template replaced by `{}`. An allow-list rather than "looks like an id"
 * heuristics, because a heuristic that misses one page title or space key leaks site data.
 */
export function redactPath(path: string, vocabulary: ReadonlySet<string>): string {
  const segments = withoutQuery(path).split('/');
  let shape = '';
  let kept = 0;
  for (const segment of segments) {
    if (segment === '') continue;
    const part = vocabulary.has(segment) ? segment : REDACTED;
    if (kept === MAX_SHAPE_SEGMENTS || shape.length + part.length + 1 > MAX_SHAPE_LENGTH - 2) {
      return `${shape}/${TRUNCATED}`;
    }
    shape += `/${part}`;
    kept++;
  }
  return shape === '' ? '/' : shape;
}

/** Returns true when `shape` could have been produced by `redactPath` with this vocabulary. */
export function isRedactedShape(shape: string, vocabulary: ReadonlySet<string>): boolean {
  if (shape.length === 0 || shape.length > MAX_SHAPE_LENGTH || shape.charCodeAt(0) !== 47) return false;
  if (shape === '/') return true;
  const segments = shape.slice(1).split('/');
  if (segments.length > MAX_SHAPE_SEGMENTS + 1) return false;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (segment === REDACTED || vocabulary.has(segment)) continue;
    if (segment === TRUNCATED && i === segments.length - 1 && i > 0) continue;
    return false;
  }
  return true;
}
