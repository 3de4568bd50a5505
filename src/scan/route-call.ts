import { concat, describe, evalStr, isRoute, literalOf, one, routeSegment, un, type Env, type EvalContext } from './evaluate';
import { unwrap } from './forge-values';
import type { Node, Scope } from './scope';
import type { Cand } from './summary-types';

/**
 * `route(strings, ...values)` called as a plain function, as @forge/api's `route` runs it: each
 * element of `strings` is literal path text and each value an encoded segment, until `strings`
 * runs out (`route([path])` is `path` itself). A string in place of the array is iterated by
 * character, so only its first character remains: that request cannot reach the path written.
 * Returns undefined when the callee is not `route`.
 */
export function evalRouteCall(node: Node, scope: Scope, ctx: EvalContext, env: Env | undefined, d: number): Cand[] | undefined {
  if (!isRoute(node.callee, scope)) return undefined;
  const [first, ...values] = node.arguments as Node[];
  const strings = arrayOf(first, scope);
  if (!strings) {
    const s = first ? evalStr(first, scope, ctx, env, d) : [];
    const lit = s.length === 1 ? literalOf(s[0]) : undefined;
    return lit !== undefined
      ? un(`route(…) is given a string, not a template: route keeps only its first character ('${lit.slice(0, 1)}')`)
      : un(`route(${first ? describe(first) : ''}, …) is called as a function with strings that cannot be read`);
  }
  if (strings.some((e) => e?.type === 'SpreadElement') || values.some((v) => v?.type === 'SpreadElement')) return un('route(…) is called with spread strings or values');
  let acc: Cand[] = one('');
  for (let i = 0; i < strings.length; i++) {
    acc = concat(acc, evalStr(strings[i], scope, ctx, env, d));
    if (i >= values.length) break;
    acc = concat(acc, evalStr(values[i], scope, ctx, env, d).map((c) => ('unresolved' in c ? { pieces: ['{}'] } : routeSegment(c))));
  }
  return acc;
}

/** The elements of an array literal, written in place or held by a `const`. */
function arrayOf(node: Node, scope: Scope): Node[] | undefined {
  const n = unwrap(node);
  if (n?.type === 'ArrayExpression') return n.elements;
  if (n?.type !== 'Identifier') return undefined;
  const b = scope.lookup(n.name);
  const init = b?.kind === 'const' && b.inits.length === 1 && b.inits[0].key === undefined && !b.inits[0].element ? unwrap(b.inits[0].node) : undefined;
  // `const strings = []` filled by `push` later is not known: a written-out path array is never empty.
  return init?.type === 'ArrayExpression' && init.elements.length > 0 ? init.elements : undefined;
}
