import { evalStr, type EvalContext } from './evaluate';
import { forgeValueOf, unwrap } from './forge-values';
import type { FnInfo, Node, OwnerInfo, Scope } from './scope';
import { shapeOf } from './shapes';
import type { Cand, ExportValue } from './summary-types';
import { requireSource, type FileFacts } from './walk-file';

const MAX_EXPORT_DEPTH = 4;
const MAX_MEMBERS = 64;

/** Returns what the linker needs to know of one export (a function, an object or class with members, constants, a re-export). */
export function exportValue(ex: NonNullable<ReturnType<FileFacts['exports']['get']>>, facts: FileFacts, ctx: EvalContext): ExportValue {
  if ('source' in ex) return ex;
  if ('local' in ex) return valueExport({ type: 'Identifier', name: ex.local }, facts.module, ctx, 0);
  return valueExport(ex.node, ex.scope, ctx, 0);
}

/** Describes a value: functions with what they return, objects and classes by member, anything else by its candidate strings. */
function valueExport(node: Node, scope: Scope, ctx: EvalContext, depth: number): ExportValue {
  node = unwrap(node);
  if (depth > MAX_EXPORT_DEPTH) return { cands: [{ unresolved: 'nested too deeply' }] };
  const forge = forgeExport(node, scope);
  if (forge) return forge;
  if (node?.type === 'Identifier') {
    const b = scope.lookup(node.name);
    if (b?.import) return { source: b.import.source, name: b.import.name };
    if (b?.fn) return fnExport(ctx.fnsById.get(b.fn), b.fn, ctx, depth);
    if (b?.cls) return ownerExport(ctx.owners?.get(b.cls), ctx, depth);
    if (b && !b.param && b.inits.length === 1 && b.inits[0].key === undefined && !b.inits[0].element && isStructured(b.inits[0].node)) return valueExport(b.inits[0].node, b.inits[0].scope, ctx, depth + 1);
    return { cands: evalStr(node, scope, ctx) };
  }
  // `module.exports = { jiraRequest: require('./request') }`: what that module exports by default.
  const required = requireSource(node);
  if (required !== undefined) return { source: required, name: '*' };
  if (isStructured(node)) {
    const shape = shapeOf(node, scope, ctx);
    if (shape?.s === 'fn') return fnExport(shape.fn, shape.fn.id, ctx, depth);
    if (shape?.s === 'owner') return ownerExport(shape.owner, ctx, depth);
    if (shape?.s === 'imported') return shape.target;
    if (node.type === 'ObjectExpression') return objectExport(node, scope, ctx, depth);
  }
  return { cands: evalStr(node, scope, ctx) };
}

/** A principal or request function from @forge/api or @forge/bridge, exported for other modules to call. */
function forgeExport(node: Node, scope: Scope): ExportValue | undefined {
  if (node?.type !== 'Identifier' && node?.type !== 'CallExpression' && node?.type !== 'MemberExpression') return undefined;
  const fv = forgeValueOf(node, scope);
  if (fv?.k === 'principal') return { forge: 'principal', principal: fv.p };
  if (fv?.k === 'request') return { forge: 'request', family: fv.family, principal: fv.principal };
  return undefined;
}

const isStructured = (n: Node): boolean => {
  const t = unwrap(n)?.type;
  return t === 'ObjectExpression' || t === 'FunctionExpression' || t === 'ArrowFunctionExpression' || t === 'ClassExpression' || t === 'NewExpression' || t === 'CallExpression';
};

/** An object literal of constants (an endpoint table): each entry by key. */
function objectExport(node: Node, scope: Scope, ctx: EvalContext, depth: number): ExportValue {
  const members: Record<string, ExportValue> = {};
  for (const p of node.properties.slice(0, MAX_MEMBERS)) {
    if (p.type !== 'Property' || p.computed) continue;
    members[p.key.name ?? String(p.key.value)] = valueExport(p.value, scope, ctx, depth + 1);
  }
  return { members };
}

/** A class or object literal with methods; a class also names the class it extends when that is imported. */
function ownerExport(owner: OwnerInfo | undefined, ctx: EvalContext, depth: number): ExportValue {
  if (!owner) return { members: {} };
  const members: Record<string, ExportValue> = {};
  for (const [name, value] of [...owner.members].slice(0, MAX_MEMBERS)) members[name] = valueExport(value, owner.scope, ctx, depth + 1);
  const base = owner.superClass ? shapeOf(owner.superClass, owner.scope, ctx) : undefined;
  if (base?.s === 'owner') {
    const inherited = ownerExport(base.owner, ctx, depth + 1);
    if ('members' in inherited) for (const [k, v] of Object.entries(inherited.members)) members[k] ??= v;
  }
  return { members, ...(base?.s === 'imported' ? { extends: base.target } : {}) };
}

/** An exported function, with its return values (parameters as refs) in case another file builds a path with it. */
function fnExport(fn: FnInfo | undefined, id: string, ctx: EvalContext, depth: number): ExportValue {
  if (!fn || fn.returns.length === 0) return { fn: id };
  let returns: Cand[] = [];
  let result: ExportValue | undefined;
  for (const r of fn.returns) {
    // A factory returns an object of methods, a client instance or another function: calling the export gives that.
    const t = unwrap(r.node);
    const callable = t.type === 'FunctionExpression' || t.type === 'ArrowFunctionExpression' || t.type === 'ClassExpression' || t.type === 'NewExpression' || (t.type === 'ObjectExpression' && ctx.owners?.has(t));
    if (!result && callable) result = valueExport(r.node, r.scope, ctx, depth + 1);
    else if (t.type !== 'ObjectExpression') returns = returns.concat(evalStr(r.node, r.scope, ctx));
  }
  // Only returns that can be a path are worth carrying to the linker.
  const paths = returns.some((c) => 'pieces' in c) ? returns.slice(0, 32) : undefined;
  return { fn: id, ...(paths ? { returns: paths } : {}), ...(result && !('cands' in result) ? { result } : {}) };
}
