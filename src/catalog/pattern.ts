import { isFamily } from './families';
import { internalApiOf, internalApiReason } from './internal-apis';
import { noMatch } from './path';
import { normalizeMethod, withForm } from './matcher';
import { routeIndex, type PartRoutes, type RouteIndex } from './route-index';
import { matchMixedSegment, type RouteNode } from './route-tree';
import type { Family, MatchResult, Operation } from './types';

/** A segment of a source-code path pattern: a literal, or a wildcard for an interpolated value. */
type PatternSegment = { literal: string } | { wildcard: true; prefix: string; suffix: string };

/**
 * Parses a path pattern from source code, where `{}` (or `{name}`) stands for an interpolated
 * value, e.g. `/rest/api/3/issue/{}/comment?expand={}`.
 */
function parsePattern(pattern: string): PatternSegment[] | undefined {
  const q = pattern.search(/[?#]/);
  let bare = q >= 0 ? pattern.slice(0, q) : pattern;
  if (!bare.startsWith('/')) return undefined;
  if (bare.length > 1 && bare.endsWith('/')) bare = bare.slice(0, -1);
  return bare
    .split('/')
    .slice(1)
    .map((segment) => {
      const open = segment.indexOf('{');
      if (open < 0) return { literal: safeDecode(segment) };
      const close = segment.lastIndexOf('}');
      return { wildcard: true as const, prefix: segment.slice(0, open), suffix: segment.slice(close + 1) };
    });
}

/**
 * The parts a pattern can match in: the one its two leading segments name when both are
 * literal (as for a concrete path), otherwise every part of the family.
 */
function partsFor(index: RouteIndex, family: Family, segments: PatternSegment[]): readonly PartRoutes[] {
  const [a, b] = segments;
  if (a && b && 'literal' in a && 'literal' in b) return [index.forPath(family, `/${a.literal}/${b.literal}/`)!];
  return index.parts(family)!;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Maps a source-code pattern to one operation, reading each wildcard as a parameter value (an
 * interpolated value almost always fills a parameter, not a literal like `createmeta`).
 */
export function matchPattern(family: Family, method: string, pattern: string, index: RouteIndex = routeIndex()): MatchResult {
  const verb = normalizeMethod(method);
  if (!verb) return noMatch('UNKNOWN_METHOD', `unknown HTTP method ${JSON.stringify(method)}`);
  if (!isFamily(family)) return noMatch('UNKNOWN_FAMILY', `unknown product function ${JSON.stringify(family)}`);
  const segments = parsePattern(pattern);
  if (!segments) return noMatch('NO_LEADING_SLASH', `path pattern ${JSON.stringify(pattern)} does not start with /`);
  let node: RouteNode | undefined;
  for (const part of partsFor(index, family, segments)) if ((node = walk(part.root, segments, 0))) break;
  const operation = node?.methods?.get(verb);
  if (operation) return node!.form === undefined ? { operation, params: [] } : withForm(node!, operation, []);
  if (node) {
    return noMatch('METHOD_NOT_ALLOWED', `[${verb}] ${pattern}: no ${verb} operation here (documented: ${[...node.methods!.keys()].join(', ')})`, [...node.methods!.values()]);
  }
  // Like match(): an internal API says so; a Confluence or Bitbucket path without its prefix names what it probably meant.
  const internal = internalApiOf(family, pattern);
  if (internal) return noMatch('INTERNAL_API', internalApiReason(verb, pattern.replace(/[?#].*$/s, ''), internal));
  const prefix = family === 'requestConfluence' ? '/wiki' : family === 'requestBitbucket' ? '/2.0' : '';
  if (prefix && !pattern.startsWith(prefix + '/')) {
    const meant = matchPattern(family, verb, prefix + pattern, index);
    if (meant.operation) return noMatch('NOT_FOUND', `[${verb}] ${pattern}: paths of this product start with ${prefix}; did you mean ${meant.operation.key}?`, [meant.operation]);
  }
  const candidates = enumeratePattern(family, undefined, pattern, index);
  return noMatch('NOT_FOUND', `[${verb}] ${pattern}: no operation matches this pattern`, candidates.slice(0, 20));
}

function walk(node: RouteNode, segments: PatternSegment[], i: number): RouteNode | undefined {
  if (i === segments.length) return node.methods ? node : undefined;
  const segment = segments[i];
  if ('literal' in segment) {
    const child = node.statics?.get(segment.literal);
    const found = child && walk(child, segments, i + 1);
    if (found) return found;
    for (const p of node.patterns ?? []) {
      const hit = matchMixedSegment(p.parts, segment.literal) && walk(p.node, segments, i + 1);
      if (hit) return hit;
    }
  }
  const viaParam = node.param && walk(node.param, segments, i + 1);
  if (viaParam) return viaParam;
  if ('wildcard' in segment) {
    for (const p of node.patterns ?? []) {
      const hit = walk(p.node, segments, i + 1);
      if (hit) return hit;
    }
  }
  return node.tail?.methods ? node.tail : undefined;
}

/**
 * Lists every operation a pattern could reach when its wildcards may also stand for literal
 * segments (e.g. `/rest/api/3/{}/{}/properties` → issue, project, user ... properties).
 */
export function enumeratePattern(family: Family, method: string | undefined, pattern: string, index: RouteIndex = routeIndex()): Operation[] {
  const segments = parsePattern(pattern);
  if (!isFamily(family) || !segments) return [];
  const verb = method === undefined ? undefined : normalizeMethod(method);
  const found = new Set<Operation>();
  const visit = (node: RouteNode, i: number) => {
    if (i === segments.length) {
      for (const op of node.methods?.values() ?? []) if (!verb || op.method === verb) found.add(op);
      return;
    }
    const segment = segments[i];
    if ('literal' in segment) {
      // A literal from the code takes the literal branch when there is one (the router's order).
      const child = node.statics?.get(segment.literal);
      if (child) return visit(child, i + 1);
    } else {
      for (const [name, child] of node.statics ?? []) {
        if (name.startsWith(segment.prefix) && name.endsWith(segment.suffix) && name.length >= segment.prefix.length + segment.suffix.length) visit(child, i + 1);
      }
    }
    for (const p of node.patterns ?? []) visit(p.node, i + 1);
    if (node.param) visit(node.param, i + 1);
    if (node.tail) visit(node.tail, segments.length);
  };
  for (const part of partsFor(index, family, segments)) visit(part.root, 0);
  return [...found];
}
