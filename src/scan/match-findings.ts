import { enumeratePattern, matchPattern } from '../catalog';
import type { Family, HttpMethod, MatchResult, Operation } from '../catalog/types';
import type { LinkResult } from './link';
import { linkCandidates } from './response-links';
import type { CallFinding, UnresolvedFinding } from './types';

/** The two catalog functions matching needs; injectable so the scanner can be tested against any catalog. */
export interface PatternMatcher {
  matchPattern(family: Family, method: string, pattern: string): MatchResult;
  enumeratePattern(family: Family, method: string | undefined, pattern: string): Operation[];
}

/** The built-in catalog. */
export const catalogMatcher: PatternMatcher = { matchPattern: (f, m, p) => matchPattern(f, m, p), enumeratePattern: (f, m, p) => enumeratePattern(f, m, p) };

const MEMOIZED = new WeakSet<PatternMatcher>();

/**
 * Returns `matcher` with `matchPattern` answered once per family, method and pattern: linking asks
 * it whether a `route` segment selects the operation, matching asks again for every call site,
 * and apps repeat a few endpoints at many sites. Nested maps: no key string to build per call.
 */
export function memoMatcher(matcher: PatternMatcher): PatternMatcher {
  if (MEMOIZED.has(matcher)) return matcher;
  const byFamily = new Map<Family, Map<string, Map<string, MatchResult>>>();
  const memo: PatternMatcher = {
    matchPattern(family, method, pattern) {
      let byMethod = byFamily.get(family);
      if (!byMethod) byFamily.set(family, (byMethod = new Map()));
      let byPattern = byMethod.get(method);
      if (!byPattern) byMethod.set(method, (byPattern = new Map()));
      let r = byPattern.get(pattern);
      if (!r) byPattern.set(pattern, (r = matcher.matchPattern(family, method, pattern)));
      return r;
    },
    enumeratePattern: (family, method, pattern) => matcher.enumeratePattern(family, method, pattern),
  };
  MEMOIZED.add(memo);
  return memo;
}

/** HTTP methods, in the order the catalog lists alternatives. */
export const METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

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

/** Returns findings sorted by file, line and column. */
export const sortByLocation = <T extends { file: string; line: number; column: number }>(xs: T[]): T[] => xs.sort(byLocation);

/** Matches linked calls to catalog operations; interpolated resource segments become unresolved findings with candidates. */
export function matchFindings(linked: LinkResult, matcher: PatternMatcher = catalogMatcher): { calls: CallFinding[]; unresolved: UnresolvedFinding[] } {
  const calls: CallFinding[] = [];
  const unresolved: UnresolvedFinding[] = [...linked.unresolved];
  // Apps repeat the same few endpoints at many call sites: match each distinct one once.
  const match = memoMatcher(matcher);
  const unmatchedCandidates: CallFinding[] = [];
  for (const c of linked.calls) {
    const r = match.matchPattern(c.family, c.method, c.pattern);
    const method = c.method as HttpMethod;
    if (r.operation) {
      const found: CallFinding = { ...c, method, operationKey: r.operation.key };
      if (r.pathForm) found.pathForm = r.pathForm;
      calls.push(found);
      continue;
    }
    // A table entry that is no operation is not a call the code makes, when another entry is.
    if (c.candidateOf && r.code === 'NOT_FOUND') { unmatchedCandidates.push({ ...c, method, noMatch: { code: r.code, reason: r.reason } }); continue; }
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
  if (unmatchedCandidates.length > 0) {
    const matchedAt = new Set(calls.filter((c) => c.candidateOf && c.operationKey).map((c) => `${c.file}:${c.line}:${c.column}`));
    calls.push(...unmatchedCandidates.filter((c) => !matchedAt.has(`${c.file}:${c.line}:${c.column}`)));
  }
  for (const m of linked.methodUnknown) {
    const candidates = METHODS.map((verb) => matcher.matchPattern(m.family, verb, m.pattern).operation?.key).filter((k): k is string => !!k);
    unresolved.push({ ...m, kind: 'method', candidates });
  }
  // A followed link names the operations whose responses it came from: the findings reported at,
  // or reached through, the call that returned it.
  const opsAt = new Map<string, Set<string>>();
  const where = (l: { file: string; line: number; column: number }): string => `${l.file}:${l.line}:${l.column}`;
  if (linked.links.length > 0) for (const c of calls) if (c.operationKey) for (const l of [c, ...(c.via ?? [])]) (opsAt.get(where(l)) ?? opsAt.set(where(l), new Set()).get(where(l))!).add(c.operationKey);
  for (const l of linked.links) {
    const returnedBy = [...new Set(l.origins.flatMap((o) => [...(opsAt.get(where(o)) ?? [])]))].sort();
    const { origins: _origins, field, method, ...rest } = l;
    const candidates = linkCandidates(l.family, field, returnedBy);
    const from = returnedBy.length ? `returned by ${returnedBy.join(', ')}` : 'returned by an earlier response';
    unresolved.push({ ...rest, kind: 'path', ...(method ? { method: method as HttpMethod } : {}), reason: `follows a link (${field}) ${from}; candidates: the operations whose documented response can hold it`, candidates, link: { field, returnedBy } });
  }
  calls.sort((a, b) => byLocation(a, b) || (a.method < b.method ? -1 : a.method > b.method ? 1 : a.pattern < b.pattern ? -1 : a.pattern > b.pattern ? 1 : 0));
  unresolved.sort((a, b) => byLocation(a, b) || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
  return { calls, unresolved };
}
