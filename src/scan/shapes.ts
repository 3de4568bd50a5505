import { isAppModule, type EvalContext } from './evaluate';
import { unwrap } from './forge-values';
import { memberName } from './member-name';
import { thisOwner, type FnInfo, type Node, type OwnerInfo, type Scope } from './scope';
import type { ImportedTarget } from './summary-types';

/** A factory call the value was made by: its function and arguments, so the factory's parameters bind too. */
export interface BoundCall {
  fn: FnInfo | ImportedTarget;
  args: Node[];
  scope: Scope;
}

/**
 * What a callee or object expression is, as far as calls go: a function of this file, a class or
 * object literal with methods, or something imported from the app's own modules (with a member path).
 */
export type Shape =
  | { s: 'fn'; fn: FnInfo; bound: BoundCall[] }
  | { s: 'owner'; owner: OwnerInfo; bound: BoundCall[] }
  | { s: 'imported'; target: ImportedTarget; bound: BoundCall[] };

const MAX_SHAPE_DEPTH = 8;

/** Returns what `node` is (function, object with methods, imported value), or undefined when it is none of these or unknown. */
export function shapeOf(node: Node, scope: Scope, ctx: EvalContext, depth = 0): Shape | undefined {
  node = unwrap(node);
  if (!node || depth > MAX_SHAPE_DEPTH) return undefined;
  const d = depth + 1;
  switch (node.type) {
    case 'FunctionExpression':
    case 'ArrowFunctionExpression': {
      const fn = ctx.fns.get(node);
      return fn ? { s: 'fn', fn, bound: [] } : undefined;
    }
    case 'ObjectExpression':
    case 'ClassExpression': {
      const owner = ctx.owners?.get(node);
      return owner ? { s: 'owner', owner, bound: [] } : undefined;
    }
    case 'ThisExpression': {
      const owner = ctx.owners?.get(thisOwner(scope));
      return owner ? { s: 'owner', owner, bound: [] } : undefined;
    }
    case 'Super': {
      // `super.send(…)`: the base class's method (an instance of an imported class when it is imported).
      const owner = ctx.owners?.get(thisOwner(scope));
      const base = owner?.superClass ? shapeOf(owner.superClass, owner.scope, ctx, d) : undefined;
      return base?.s === 'imported' ? { ...base, target: { ...base.target, member: [...(base.target.member ?? []), '()'] } } : base;
    }
    case 'Identifier': {
      const b = scope.lookup(node.name);
      if (!b) return undefined;
      if (b.fn) { const fn = ctx.fnsById.get(b.fn); return fn ? { s: 'fn', fn, bound: [] } : undefined; }
      if (b.cls) { const owner = ctx.owners?.get(b.cls); return owner ? { s: 'owner', owner, bound: [] } : undefined; }
      if (b.import) return isAppModule(b.import.source) ? { s: 'imported', target: { source: b.import.source, name: b.import.name }, bound: [] } : undefined;
      if (b.param || b.inits.length !== 1) return undefined;
      const init = b.inits[0];
      if (init.element) return undefined;
      const v = shapeOf(init.node, init.scope, ctx, d);
      return v && init.key !== undefined ? memberShape(v, init.key, ctx, d) : v;
    }
    case 'MemberExpression': {
      const name = memberName(node);
      const obj = name === undefined ? undefined : shapeOf(node.object, scope, ctx, d);
      return obj && name !== undefined ? memberShape(obj, name, ctx, d) : undefined;
    }
    case 'CallExpression':
    case 'NewExpression': {
      // `this.request.bind(this)`, `get.bind(null)`: the same function (arguments bound ahead would shift its parameters).
      const c = unwrap(node.callee);
      if (node.type === 'CallExpression' && c?.type === 'MemberExpression' && memberName(c) === 'bind') return node.arguments.length <= 1 ? shapeOf(c.object, scope, ctx, d) : undefined;
      // `memoize((path) => …requestJira(path))`: a package wrapper that calls the function with the same arguments.
      if (node.type === 'CallExpression' && passThrough(c, scope)) return shapeOf(node.arguments[0], scope, ctx, d);
      const callee = shapeOf(node.callee, scope, ctx, d);
      if (!callee) return undefined;
      if (callee.s === 'imported') return { s: 'imported', target: { ...callee.target, member: [...(callee.target.member ?? []), '()'] }, bound: [...callee.bound, { fn: callee.target, args: node.arguments, scope }] };
      // `new Client()` is the class's instance; `makeClient(x)` is what the factory returns.
      if (callee.s === 'owner') return node.type === 'NewExpression' ? callee : undefined;
      const bound = [...callee.bound, { fn: callee.fn, args: node.arguments, scope }];
      for (const r of callee.fn.returns) {
        const v = shapeOf(r.node, r.scope, ctx, d);
        if (v) return { ...v, bound: [...bound, ...v.bound] } as Shape;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Wrappers from packages whose result calls the function given with the arguments it gets (caching, rate limits). */
const WRAPPER_NAMES = new Set(['memoize', 'throttle', 'debounce', 'once']);
const WRAPPER_HUBS = new Set(['lodash', 'lodash-es', 'underscore', 'radash', 'es-toolkit']);
const WRAPPER_PACKAGES = new Set(['memoizee', 'p-memoize', 'mem', 'memoize-one', 'lodash.memoize', 'lodash.throttle', 'lodash.debounce', 'lodash.once']);

/** True when `callee` is such a wrapper: `memoize` from lodash (named, `lodash/memoize`, `_.memoize`) or a memoizing package. */
function passThrough(callee: Node, scope: Scope): boolean {
  const importOf = (n: Node) => (n?.type === 'Identifier' ? scope.lookup(n.name)?.import : undefined);
  if (callee?.type === 'MemberExpression') {
    const hub = importOf(unwrap(callee.object));
    return !!hub && WRAPPER_HUBS.has(hub.source) && (hub.name === '*' || hub.name === 'default') && WRAPPER_NAMES.has(memberName(callee) ?? '');
  }
  const imp = importOf(callee);
  if (!imp) return false;
  const whole = imp.name === 'default' || imp.name === '*';
  if (WRAPPER_HUBS.has(imp.source)) return WRAPPER_NAMES.has(imp.name);
  const sub = /^(?:lodash|lodash-es)\/(\w+)$/.exec(imp.source);
  return whole && ((sub !== null && WRAPPER_NAMES.has(sub[1])) || WRAPPER_PACKAGES.has(imp.source));
}

/** Returns the shape of member `name` of a shape (a method, a nested object, a member of an import). */
function memberShape(v: Shape, name: string, ctx: EvalContext, d: number): Shape | undefined {
  if (v.s === 'imported') return { s: 'imported', target: { ...v.target, member: [...(v.target.member ?? []), name] }, bound: v.bound };
  if (v.s !== 'owner') return undefined;
  const value = v.owner.members.get(name);
  if (value) {
    const m = shapeOf(value, v.owner.scope, ctx, d);
    return m ? ({ ...m, bound: [...v.bound, ...m.bound] } as Shape) : undefined;
  }
  // A method the class inherits (`this.request` defined in the base class, here or imported).
  if (v.owner.superClass) {
    const base = shapeOf(v.owner.superClass, v.owner.scope, ctx, d);
    if (base?.s === 'imported') return { s: 'imported', target: { ...base.target, member: [...(base.target.member ?? []), '()', name] }, bound: v.bound };
    if (base) return memberShape({ ...base, bound: v.bound } as Shape, name, ctx, d);
  }
  return undefined;
}
