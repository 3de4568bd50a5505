import { describe, evalStr, MAX_DEPTH, objectsOf, type Env, type EvalContext } from './evaluate';
import { unwrap } from './forge-values';
import type { Node, Scope } from './scope';
import type { MethodCand } from './summary-types';

type MethodNode = { node: Node; scope: Scope } | 'absent' | 'unknown';

/** Returns where an options object's `method` may come from, following spreads; undefined when the object is unknown. */
function methodNodes(options: Node, scope: Scope, d: number): MethodNode[] | undefined {
  const objs = objectsOf(options, scope, d);
  if (!objs) return undefined;
  const out: MethodNode[] = [];
  for (const { obj, scope: s } of objs) {
    // Later properties override earlier ones, as in the object literal itself.
    let current: MethodNode[] = ['absent'];
    for (const p of obj.properties) {
      if (p.type === 'SpreadElement') {
        const inner = d < MAX_DEPTH ? methodNodes(p.argument, s, d + 1) : undefined;
        if (!inner) current = ['unknown'];
        else if (!inner.every((m) => m === 'absent')) current = inner.flatMap((m) => (m === 'absent' ? current : [m]));
        continue;
      }
      const k = !p.computed && p.key.type === 'Identifier' ? p.key.name : p.key.type === 'Literal' ? String(p.key.value) : undefined;
      if (k === 'method') current = [{ node: p.value, scope: s }];
      else if (k === undefined) current = ['unknown'];
    }
    out.push(...current);
  }
  return out;
}

/** Returns the candidate methods of a request's options argument (GET when there is none). */
export function evalMethods(options: Node | undefined, scope: Scope, ctx: EvalContext, env?: Env, d = 0): MethodCand[] {
  options = unwrap(options);
  if (!options) return [{ method: 'GET' }];
  if (options.type === 'Identifier') {
    const b = scope.lookup(options.name);
    if (b?.param && !b.param.key) {
      for (let e = env; e; e = e.env) if (e.fn === b.param.fn) return evalMethods(e.args[b.param.i], e.scope, ctx, e.env, d + 1);
      return [{ ref: { r: 'param', fn: b.param.fn, i: b.param.i, name: b.param.name }, prop: true }];
    }
  }
  if (options.type === 'Identifier' && scope.lookup(options.name)?.param?.key !== undefined) return [{ unknown: `options ${options.name} are destructured from a parameter` }];
  const found = methodNodes(options, scope, d);
  if (found === undefined) return [{ unknown: `options ${describe(options)} cannot be resolved` }];
  const out: MethodCand[] = [];
  for (const p of found) {
    if (p === 'absent') { out.push({ method: 'GET' }); continue; }
    if (p === 'unknown') { out.push({ unknown: 'options are spread from a value that cannot be resolved' }); continue; }
    const s = p.scope;
    for (const c of evalStr(p.node, s, ctx, env, d + 1)) {
      if ('pieces' in c && c.pieces.length === 1 && typeof c.pieces[0] === 'string' && !c.pieces[0].includes('{}')) out.push({ method: c.pieces[0].toUpperCase() });
      else if ('pieces' in c && c.pieces.length === 1 && typeof c.pieces[0] !== 'string' && c.pieces[0].r === 'param') out.push({ ref: c.pieces[0], prop: false });
      else out.push({ unknown: 'unresolved' in c ? `method: ${c.unresolved}` : 'method cannot be resolved' });
    }
  }
  return out;
}
