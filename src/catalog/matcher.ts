import { asciiUpperCase } from './ascii-case';
import { FAMILIES, familyOfTemplate, isFamily } from './families';
import { internalApiOf, internalApiReason } from './internal-apis';
import { checkPath, literalOf, noMatch, pathOnly, trimTrailingSlash } from './path';
import { routeIndex, type RouteIndex } from './route-index';
import { matchMixedSegment, type RouteNode } from './route-tree';
import type { Family, HttpMethod, Match, MatchResult, Operation } from './types';

const METHODS = new Set<string>(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']);
const PRODUCT_NAME: Record<Family, string> = { requestJira: 'Jira', requestConfluence: 'Confluence', requestBitbucket: 'Bitbucket' };

const METHOD_LOOKUP = new Map<string, HttpMethod>();
for (const m of METHODS) {
  METHOD_LOOKUP.set(m, m as HttpMethod);
  METHOD_LOOKUP.set(m.toLowerCase(), m as HttpMethod);
}

/** Returns the HTTP method upper-cased (ASCII letters only), or undefined when it is not one Atlassian documents. */
export function normalizeMethod(method: unknown): HttpMethod | undefined {
  if (typeof method !== 'string') return undefined;
  return METHOD_LOOKUP.get(method) ?? METHOD_LOOKUP.get(asciiUpperCase(method));
}

/**
 * Maps a concrete request (`GET /rest/api/3/issue/ABC-1?expand=x`) to its catalog operation, or
 * returns `operation: undefined` with a code and reason. Never throws.
 */
export function match(family: Family, method: string, path: string, index: RouteIndex = routeIndex()): MatchResult {
  if (!isFamily(family)) {
    return noMatch('UNKNOWN_FAMILY', `unknown product function ${JSON.stringify(family)}; expected ${FAMILIES.join(', ')}`);
  }
  const verb = normalizeMethod(method);
  if (!verb) return noMatch('UNKNOWN_METHOD', `unknown HTTP method ${JSON.stringify(method)}`);
  const bare = pathOnly(path);
  if (typeof bare !== 'string') return bare;
  const invalid = checkPath(bare);
  if (invalid) return invalid;
  const trimmed = trimTrailingSlash(bare);
  // Only the part the path can match in is loaded (Jira's platform API, the rest of Jira, ...).
  const routes = index.forPath(family, trimmed)!;
  const params: string[] = [];
  // One scan for '%' serves the whole walk: without it no segment needs decoding.
  const encoded = trimmed.indexOf('%') >= 0;
  // A whole-path hit is what the tree walk would find too: a literal always wins.
  const node = (!encoded && routes.staticPaths.get(trimmed)) || find(routes.root, trimmed, 1, params, encoded);
  if (node) {
    const operation = node.methods!.get(verb);
    if (operation) return node.form === undefined ? { operation, params } : withForm(node, operation, params);
    const allowed = [...node.methods!.keys()].join(', ');
    const any = node.methods!.values().next().value as Operation;
    return noMatch('METHOD_NOT_ALLOWED', `[${verb}] ${any.template}: no ${verb} operation here (documented: ${allowed})`, [...node.methods!.values()]);
  }
  return explainNotFound(family, verb, trimmed, index);
}

/** Returns the match of a route that stands for one documented path form, with that form. */
export function withForm(node: RouteNode, operation: Operation, params: string[]): Match {
  return { operation, params: node.formSkip ? params.slice(node.formSkip) : params, pathForm: node.form };
}

/**
 * Walks the tree from the segment starting at `start`; backtracks when a branch dead-ends.
 * `encoded`: the path holds a '%' somewhere, so segments may need decoding.
 */
function find(node: RouteNode, path: string, start: number, params: string[], encoded: boolean): RouteNode | undefined {
  if (start >= path.length) return node.methods ? node : undefined;
  let end = path.indexOf('/', start);
  if (end < 0) end = path.length;
  const segment = path.slice(start, end);
  if (node.statics) {
    const literal = encoded ? literalOf(segment) : segment;
    const child = literal === undefined ? undefined : node.statics.get(literal);
    if (child) {
      const found = find(child, path, end + 1, params, encoded);
      if (found) return found;
    }
  }
  if (node.patterns) {
    for (const { parts, node: child } of node.patterns) {
      const values = matchMixedSegment(parts, segment);
      if (!values) continue;
      const mark = params.length;
      params.push(...values);
      const found = find(child, path, end + 1, params, encoded);
      if (found) return found;
      params.length = mark;
    }
  }
  if (node.param) {
    params.push(segment);
    const found = find(node.param, path, end + 1, params, encoded);
    if (found) return found;
    params.pop();
  }
  if (node.tail?.methods) {
    params.push(path.slice(start));
    return node.tail;
  }
  return undefined;
}

/**
 * Says why nothing matched: an undocumented internal API, or the operation the caller probably
 * meant. Only the part a path can belong to is tried (templates start `/wiki/` for Confluence,
 * `/2.0/` for Bitbucket), so a miss loads no part it cannot be in.
 */
function explainNotFound(family: Family, method: HttpMethod, bare: string, index: RouteIndex): MatchResult {
  const internal = internalApiOf(family, bare);
  if (internal) return noMatch('INTERNAL_API', internalApiReason(method, bare, internal));
  const retry = (f: Family, p: string): Operation | undefined => {
    const node = find(index.forPath(f, p)!.root, p, 1, [], p.indexOf('%') >= 0);
    return node?.methods?.get(method) ?? (node?.methods?.values().next().value as Operation | undefined);
  };
  const prefix = family === 'requestConfluence' ? '/wiki' : family === 'requestBitbucket' ? '/2.0' : '';
  if (prefix && !bare.startsWith(prefix + '/')) {
    const meant = retry(family, prefix + bare);
    if (meant) return noMatch('NOT_FOUND', `[${method}] ${bare}: ${PRODUCT_NAME[family]} paths start with ${prefix}; did you mean ${meant.key}?`, [meant]);
  }
  const other = familyOfTemplate(bare);
  if (other !== family) {
    const meant = retry(other, bare);
    if (meant) return noMatch('NOT_FOUND', `[${method}] ${bare}: this is a ${PRODUCT_NAME[other]} path (${meant.key}); call it with ${other}`, [meant]);
  }
  return noMatch('NOT_FOUND', `[${method}] ${bare}: no ${PRODUCT_NAME[family]} operation has this path`);
}
