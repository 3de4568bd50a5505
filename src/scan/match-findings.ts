import { enumeratePattern, matchPattern } from '../catalog';
import type { Family, HttpMethod, MatchResult, Operation } from '../catalog/types';
import type { LinkResult } from './link';
import type { CallFinding, UnresolvedFinding } from './types';

/** The two catalog functions matching needs; injectable so the scanner can be tested against any catalog. */
export interface PatternMatcher {
  matchPattern(family: Family, method: string, pattern: string): MatchResult;
  enumeratePattern(family: Family, method: string | undefined, pattern: string): Operation[];
}

/** The built-in catalog. */
export const catalogMatcher: PatternMatcher = { matchPattern: (f, m, p) => matchPattern(f, m, p), enumeratePattern: (f, m, p) => enumeratePattern(f, m, p) };

const METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

const segments = (p: string): string[] => p.replace(/[?#].*$/s, '').replace(/^\/rest\/api\/(2|latest)\//, '/rest/api/3/').replace(/\/$/, '').split('/');

/**
 * Keeps the candidates whose template has a literal wherever the code wrote one: a word written
 * in the path (`properties`) names a resource, it is not a value for `{propertyKey}`. Falls back
 * to every candidate when none fits that strictly.
 */
function literalFirst(pattern: string, ops: Operation[]): Operation[] {
  const ps = segments(pattern);
  const strict = ops.filter((o) => {
    const ts = o.template.split('/');
    return ts.length === ps.length && ps.every((seg, i) => seg.includes('{}') || seg === ts[i]);
  });
  return strict.length > 0 ? strict : ops;
}

const byLocation = <T extends { file: string; line: number; column: number }>(a: T, b: T): number =>
  a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;

/** Matches linked calls to catalog operations; interpolated resource segments become unresolved findings with candidates. */
export function matchFindings(linked: LinkResult, matcher: PatternMatcher = catalogMatcher): { calls: CallFinding[]; unresolved: UnresolvedFinding[] } {
  const calls: CallFinding[] = [];
  const unresolved: UnresolvedFinding[] = [...linked.unresolved];
  // Apps repeat the same few endpoints at many call sites: match each distinct one once.
  const cache = new Map<string, MatchResult>();
  for (const c of linked.calls) {
    const key = `${c.family} ${c.method} ${c.pattern}`;
    let r = cache.get(key);
    if (!r) cache.set(key, (r = matcher.matchPattern(c.family, c.method, c.pattern)));
    const method = c.method as HttpMethod;
    if (r.operation) { calls.push({ ...c, method, operationKey: r.operation.key, ...(r.pathForm ? { pathForm: r.pathForm } : {}) }); continue; }
    if (r.code === 'NOT_FOUND' && c.pattern.includes('{}')) {
      const candidates = literalFirst(c.pattern, matcher.enumeratePattern(c.family, c.method, c.pattern)).map((o) => o.key).sort();
      if (candidates.length > 0) {
        unresolved.push({ ...c, kind: 'path', method, reason: `an interpolated segment of ${c.pattern} selects the resource`, candidates });
        continue;
      }
    }
    const suggestions = r.suggestions?.map((o) => o.key);
    calls.push({ ...c, method, noMatch: { code: r.code, reason: r.reason, ...(suggestions?.length ? { suggestions } : {}) } });
  }
  for (const m of linked.methodUnknown) {
    const candidates = METHODS.map((verb) => matcher.matchPattern(m.family, verb, m.pattern).operation?.key).filter((k): k is string => !!k);
    unresolved.push({ ...m, kind: 'method', candidates });
  }
  calls.sort((a, b) => byLocation(a, b) || (a.method < b.method ? -1 : a.method > b.method ? 1 : a.pattern < b.pattern ? -1 : a.pattern > b.pattern ? 1 : 0));
  unresolved.sort((a, b) => byLocation(a, b) || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
  return { calls, unresolved };
}
