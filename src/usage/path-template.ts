import { MAX_SHAPE_LENGTH, MAX_SHAPE_SEGMENTS, REDACTED, TRUNCATED, withoutQuery } from './redact';

// A version segment (`v1`, `v2.1`, `2.0`) names the API, not a record: kept.
const VERSION = /^(?:v\d{1,3}(?:\.\d{1,3})?|\d{1,2}\.\d{1,2})$/i;
// A word (`issues`, `pull-requests`, `getUser`, `index.html`): letters, `-`, `_`, an extension.
const WORD = /^[A-Za-z][A-Za-z_-]*(?:\.[A-Za-z]{1,8})?$/;
// All capitals (`ACME`, `PROJ`) is how project and space keys look: a record, not a word.
const KEY_LIKE = /^[A-Z]{2,}$/;
/** Longest segment kept as a word; longer ones are tokens more often than words. */
export const MAX_WORD_LENGTH = 40;

/** Returns a path segment as kept in a path template: itself when it is a word or a version, else `{}`. */
export function templateSegment(segment: string): string {
  if (segment.length > MAX_WORD_LENGTH) return REDACTED;
  if (VERSION.test(segment)) return segment;
  if (!WORD.test(segment) || KEY_LIKE.test(segment)) return REDACTED;
  return segment;
}

/**
 * Returns the template of a path outside Atlassian's catalog (an external host, a remote, an
 * Atlassian path no document lists): query and fragment dropped, empty segments dropped, every
 * segment that is not a word or a version (numbers, UUIDs, hex and base64 tokens, e-mail
 * addresses, encoded text, capitalised keys) replaced by `{}`, at most 16 segments / 200
 * characters (a cut template ends in `/*`). Words are kept: a path such as `/repos/acme/widgets`
 * keeps `acme`, so this is for hosts the app chose, never for Atlassian product paths (those
 * use the catalog's allow-list, `redactPath`).
 */
export function templatePath(path: string): string {
  let out = '';
  let kept = 0;
  for (const segment of withoutQuery(path).split('/')) {
    if (segment === '') continue;
    const part = templateSegment(segment);
    if (kept === MAX_SHAPE_SEGMENTS || out.length + part.length + 1 > MAX_SHAPE_LENGTH - 2) return `${out}/${TRUNCATED}`;
    out += `/${part}`;
    kept++;
  }
  return out === '' ? '/' : out;
}

/** Returns true when `template` could have been produced by `templatePath` (input validation). */
export function isPathTemplate(template: string): boolean {
  if (template.length === 0 || template.length > MAX_SHAPE_LENGTH || template.charCodeAt(0) !== 47) return false;
  if (template === '/') return true;
  const segments = template.slice(1).split('/');
  if (segments.length > MAX_SHAPE_SEGMENTS + 1) return false;
  return segments.every((s, i) => s === REDACTED || (s === TRUNCATED && i === segments.length - 1 && i > 0) || (s !== '' && templateSegment(s) === s));
}
