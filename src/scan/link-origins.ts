import { unwrap } from './forge-values';
import type { Node, Scope } from './scope';
import type { SourceLocation } from './types';

const MAX_ORIGIN_DEPTH = 6;
const BODY_READERS = new Set(['json', 'text']);

/** Returns where a call is reported: at the called member of a chain (`.requestJira`), else at the call's start. */
export function callLoc(node: Node, at: (offset: number) => SourceLocation): SourceLocation {
  const callee = unwrap(node.callee);
  return at(callee?.type === 'MemberExpression' ? callee.property.start : node.start);
}

/**
 * Returns the calls whose response a value was read from (`data` in `data._links.next`, bound to
 * `await res.json()` with `res` bound to `await requestConfluence(…)` or a helper's call), so a
 * followed link can name the operation that returned it. Empty when the value's origin is out of sight.
 */
export function linkOrigins(node: Node, scope: Scope, at: (offset: number) => SourceLocation, depth = 0): SourceLocation[] {
  let n = unwrap(node);
  while (n?.type === 'MemberExpression') n = unwrap(n.object);
  if (!n || depth > MAX_ORIGIN_DEPTH) return [];
  if (n.type === 'CallExpression') {
    const callee = unwrap(n.callee);
    // `res.json()` reads the body of the response `res` (or of the call it wraps).
    if (callee?.type === 'MemberExpression' && !callee.computed && BODY_READERS.has(callee.property.name)) return linkOrigins(callee.object, scope, at, depth + 1);
    return [callLoc(n, at)];
  }
  // `guard === 1 ? await first() : await follow(next)`, `cached ?? await load()`: the response of either call.
  if (n.type === 'ConditionalExpression') return [...linkOrigins(n.consequent, scope, at, depth + 1), ...linkOrigins(n.alternate, scope, at, depth + 1)];
  if (n.type === 'LogicalExpression' && n.operator !== '&&') return [...linkOrigins(n.left, scope, at, depth + 1), ...linkOrigins(n.right, scope, at, depth + 1)];
  if (n.type !== 'Identifier') return [];
  const b = scope.lookup(n.name);
  if (!b || b.param || b.import) return [];
  const out: SourceLocation[] = [];
  for (const init of b.inits.slice(0, 4)) out.push(...linkOrigins(init.node, init.scope, at, depth + 1));
  return out;
}
