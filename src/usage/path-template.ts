import { EXTERNAL_PATH_EXTENSIONS, EXTERNAL_PATH_WORDS } from './external-words';
import { MAX_SHAPE_LENGTH, MAX_SHAPE_SEGMENTS, REDACTED, TRUNCATED, withoutQuery } from './redact';

// A version segment (`v1`, `v2.1`, `2.0`) names the API, not a record: kept.
const VERSION = /^(?:v\d{1,3}(?:\.\d{1,3})?|\d{1,2}\.\d{1,2})$/i;
// A word (`issues`, `pull-requests`, `getUser`, `index.html`): letters, `-`, `_`, an extension.
const WORD = /^[A-Za-z][A-Za-z_-]*(?:\.[A-Za-z]{1,8})?$/;
// All capitals (`ACME`, `PROJ`) is how project and space keys look: a record, not a word.
const KEY_LIKE = /^[A-Z]{2,}$/;
/** Longest segment kept as a word; longer ones are tokens more often than words. */
export const MAX_WORD_LENGTH = 40;

/** True when a segment has the shape of a kept one: a word or a version (what a stored template may hold). */
function keepableShape(segment: string): boolean {
  if (segment.length > MAX_WORD_LENGTH) return false;
  return VERSION.test(segment) || (WORD.test(segment) && !KEY_LIKE.test(segment));
}

/**
 * True when a word is one an API names its resources with (the allow-list). Not the catalog's
 * vocabulary: building it loads every catalog part (~25 ms) on an app's first outbound call.
 */
function knownWord(segment: string): boolean {
  const dot = segment.indexOf('.');
  const base = (dot < 0 ? segment : segment.slice(0, dot)).toLowerCase();
  return EXTERNAL_PATH_WORDS.has(base) && (dot < 0 || EXTERNAL_PATH_EXTENSIONS.has(segment.slice(dot + 1).toLowerCase()));
}

/**
 * Returns a path segment as kept in a path template: a version, or a word of the allow-list
 * (external-words.ts); anything else, names and slugs included, is `{}`.
 */
export function templateSegment(segment: string): string {
  if (segment.length > MAX_WORD_LENGTH) return REDACTED;
  if (VERSION.test(segment)) return segment;
  return WORD.test(segment) && !KEY_LIKE.test(segment) && knownWord(segment) ? segment : REDACTED;
}

/**
 * Returns the template of a path outside Atlassian's catalog (an external host, a remote, an
 * Atlassian path no document lists): query and fragment dropped, empty segments dropped, every
 * segment that is not a version or an allow-listed word (`templateSegment`) replaced by `{}`, at
 * most 16 segments / 200 characters (a cut template ends in `/*`). `/repos/acme-corp/payroll/issues`
 * is kept as `/repos/{}/{}/issues`.
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
  // The shape only, not the allow-list: rows written before the allow-list (words kept) stay readable.
  return segments.every((s, i) => s === REDACTED || (s === TRUNCATED && i === segments.length - 1 && i > 0) || (s !== '' && keepableShape(s)));
}
