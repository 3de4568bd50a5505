import { asciiUpperCase } from '../catalog/ascii-case';
import { describe, evalStr, literalOf, MAX_DEPTH, soleRef, type Env, type EvalContext } from './evaluate';
import { objectsOf } from './evaluate-member';
import { propertyKey } from './member-name';
import { unwrap } from './forge-values';
import type { Binding, Node, Scope } from './scope';
import type { Cand, MethodCand } from './summary-types';

/** Where a `method` comes from: a value, a helper's options parameter spread in (with what it overrides), absent, unknown. */
type MethodNode = { node: Node; scope: Scope } | { spread: NonNullable<Binding['param']>; before: MethodNode[] } | 'absent' | 'unknown';

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
        // `{ ...opts }` with `opts` a helper's parameter: its `method`, when a call site passes one.
        const arg = unwrap(p.argument);
        const param = arg?.type === 'Identifier' ? s.lookup(arg.name)?.param : undefined;
        if (param && param.key === undefined && !param.rest) { current = [{ spread: param, before: current }]; continue; }
        const inner = d < MAX_DEPTH ? methodNodes(p.argument, s, d + 1) : undefined;
        if (!inner) current = ['unknown'];
        else if (!inner.every((m) => m === 'absent')) current = inner.flatMap((m) => (m === 'absent' ? current : [m]));
        continue;
      }
      const k = propertyKey(p);
      if (k === 'method') current = [{ node: p.value, scope: s }];
      else if (k === undefined) current = ['unknown'];
    }
    out.push(...current);
  }
  return out;
}

/**
 * An options object's `method` once later assignments are counted (`init.method = 'PUT'` before the
 * request at `at`): one that always runs in the declaring block replaces what came before; one in an
 * `if` or a loop may or may not run, so it adds a candidate; a key computed from a value makes the
 * method unknown.
 */
function withAssigned(found: MethodNode[], b: Binding | undefined, at: number, d: number): MethodNode[] {
  const assigned = (b?.memberAssigns ?? []).filter((a) => a.key === 'method' || a.key === '*' || a.key === undefined).filter((a) => a.start < at).sort((x, y) => x.start - y.start);
  let out = found;
  for (const a of assigned) {
    // An object merged in sets `method` only if it has one (`Object.assign(init, { method })`).
    const merged = a.key === '*' ? methodNodes(a.init.node, a.init.scope, d + 1) ?? ['unknown'] : undefined;
    if (merged?.every((m) => m === 'absent')) continue;
    const values: MethodNode[] = merged ? merged.filter((m) => m !== 'absent') : [a.key === undefined ? 'unknown' : { node: a.init.node, scope: a.init.scope }];
    const always = a.direct && a.init.scope === b!.inits[0]?.scope && !merged?.includes('absent');
    out = always ? values : [...out, ...values];
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
  const literal = methodNodes(options, scope, d);
  const found = literal && options.type === 'Identifier' ? withAssigned(literal, scope.lookup(options.name), options.start, d) : literal;
  if (found === undefined) return [{ unknown: `options ${describe(options)} cannot be resolved` }];
  const out: MethodCand[] = [];
  for (const p of found) {
    if (p === 'absent') { out.push({ method: 'GET' }); continue; }
    if (p === 'unknown') { out.push({ unknown: 'options are spread from a value that cannot be resolved' }); continue; }
    if ('spread' in p) {
      const dflt = p.before.flatMap((b): Cand[] => (b === 'absent' ? [{ pieces: ['GET'] }] : b !== 'unknown' && 'node' in b ? evalStr(b.node, b.scope, ctx, env, d + 1) : []));
      out.push({ ref: { r: 'param', fn: p.spread.fn, i: p.spread.i, name: p.spread.name, key: 'method', ...(dflt.length ? { dflt } : {}) }, prop: false });
      continue;
    }
    const s = p.scope;
    out.push(...methodCands(evalStr(p.node, s, ctx, env, d + 1)));
  }
  return out;
}

/** Turns candidate values of a `method` into method candidates: literals, values the linker fills in, or unknown. */
export function methodCands(values: Cand[]): MethodCand[] {
  return values.map((c): MethodCand => {
    const lit = literalOf(c);
    if (lit !== undefined) return { method: asciiUpperCase(lit) };
    const ref = soleRef(c);
    if (ref?.r === 'param') return { ref, prop: false };
    if ('pieces' in c && c.pieces.some((p) => typeof p !== 'string' && p.r !== 'link')) return { value: c };
    return { unknown: 'unresolved' in c ? `method: ${c.unresolved}` : 'method cannot be resolved' };
  });
}
