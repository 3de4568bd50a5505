import { concat, describe, evalParam, evalStr, isAppModule, literalOf, one, soleRef, un, union, type Env, type EvalContext } from './evaluate';
import { evalSelect, keyId as lookupKeyId } from './evaluate-member';
import { FORGE_API, forgeValueOf, unwrap } from './forge-values';
import { linkOrigins } from './link-origins';
import { LINK_HEADERS } from './link-parts';
import type { Node, Scope } from './scope';
import { shapeOf } from './shapes';
import type { Cand } from './summary-types';
import { evalRouteCall } from './route-call';
import { requireSource } from './walk-file';

const MAX_ARGS = 6;
/** String methods that return their receiver's path unchanged, as far as the operation goes. */
const SAME_PATH = new Set(['toString', 'trim', 'valueOf', 'trimEnd', 'trimStart']);
const ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i;

/** Returns the candidate paths of a call's result: path builders, string methods, `assumeTrustedRoute`, table entries that are functions. */
export function evalCall(node: Node, scope: Scope, ctx: EvalContext, env: Env | undefined, d: number): Cand[] {
  const callee = forgeValueOf(node.callee, scope);
  if (callee?.k === 'export' && callee.pkg === FORGE_API && (callee.name === 'assumeTrustedRoute' || callee.name === 'routeFromAbsolute')) {
    // The path itself; an absolute URL's origin is dropped where the product call is finalised.
    return node.arguments[0] ? evalStr(node.arguments[0], scope, ctx, env, d) : un('no argument');
  }
  const routed = evalRouteCall(node, scope, ctx, env, d);
  if (routed) return routed;
  const c = unwrap(node.callee);
  if (c.type === 'Identifier' && ['encodeURIComponent', 'encodeURI', 'String', 'Number', 'escape'].includes(c.name)) {
    const inner = node.arguments[0] ? evalStr(node.arguments[0], scope, ctx, env, d) : [];
    const lit = inner.length === 1 ? literalOf(inner[0]) : undefined;
    // A literal segment stays itself; anything else only fills a segment.
    return lit !== undefined && !lit.includes('/') ? one(c.name === 'encodeURIComponent' ? encodeURIComponent(lit) : lit) : one('{}');
  }
  if (requireSource(node) !== undefined) return un('require(…) is not a path');
  if (c.type === 'MemberExpression' && !c.computed) {
    const builtin = evalStringMethod(node, c.property.name, scope, ctx, env, d);
    if (builtin) return builtin;
  }
  // `ACTIONS[action].path(key)`: the function a key selects, called.
  if (c.type === 'MemberExpression' && !c.computed && unwrap(c.object)?.type === 'MemberExpression' && unwrap(c.object).computed) {
    const sel = evalSelect(unwrap(c.object), scope, ctx, env, d, (entry) => callValue(entry, c.property.name, node, scope, ctx, env, d));
    if (sel) return sel;
  }
  // `REPORTS[name](key)`, or `const build = REPORTS[name]; build(key)`: the path builder a key selects, called.
  const picked = c.type === 'MemberExpression' && c.computed ? { lookup: c, scope } : pickedEntry(c, scope);
  if (picked) {
    const sel = callSelected(picked.lookup, picked.scope, node, scope, ctx, env, d);
    if (sel) return sel;
  }
  // `page(startAt)` where `page` is a parameter: what the function each caller passes returns (see callSite).
  const param = c.type === 'Identifier' ? scope.lookup(c.name)?.param : undefined;
  if (param && param.key === undefined && !param.rest) {
    const v = evalParam(param, scope, ctx, env, d);
    const ref = v.length === 1 ? soleRef(v[0]) : undefined;
    return ref?.r === 'param' ? one({ ...ref, called: true }) : un(`${param.name}(…) calls a function that cannot be followed here`);
  }
  const shape = shapeOf(c, scope, ctx);
  // A path builder imported from another file: its return value is known once files are linked.
  if (shape?.s === 'imported') {
    const args = node.arguments.slice(0, MAX_ARGS).map((a: Node) => evalStr(a, scope, ctx, env, d));
    return one({ r: 'call', ...shape.target, args });
  }
  // A local path builder (a function, a method, a curried function's result): its return value with this call's arguments.
  if (shape?.s === 'fn' && shape.fn.returns.length > 0) {
    const visiting = (ctx.visiting ??= new Set());
    if (!visiting.has(shape.fn)) {
      let inner: Env | undefined = env;
      for (const b of shape.bound) if ('id' in b.fn) inner = { fn: b.fn.id, args: b.args, scope: b.scope, env: inner };
      inner = { fn: shape.fn.id, args: node.arguments, scope, env: inner };
      visiting.add(shape.fn);
      let out: Cand[] = [];
      for (const r of shape.fn.returns) out = union(out, evalStr(r.node, r.scope, ctx, inner, d));
      visiting.delete(shape.fn);
      return out;
    }
  }
  // `destructured(key)` where `const { path } = ACTIONS[action]`.
  if (c.type === 'Identifier') {
    const b = scope.lookup(c.name);
    const init = b?.inits.length === 1 ? b.inits[0] : undefined;
    const lookup = init?.key !== undefined ? unwrap(init.node) : undefined;
    if (lookup?.type === 'MemberExpression' && lookup.computed) {
      const sel = evalSelect(lookup, init!.scope, ctx, env, d, (entry) => callValue(entry, init!.key!, node, scope, ctx, env, d));
      if (sel) return sel;
    }
  }
  return un(`the result of ${describe(node)} cannot be resolved`);
}

/** `build` bound once to `TABLE[key]` (no destructuring): the lookup and where it was written. */
function pickedEntry(callee: Node, scope: Scope): { lookup: Node; scope: Scope } | undefined {
  if (callee.type !== 'Identifier') return undefined;
  const b = scope.lookup(callee.name);
  const init = b && !b.param && b.inits.length === 1 && b.inits[0].key === undefined && !b.inits[0].element ? b.inits[0] : undefined;
  const lookup = init ? unwrap(init.node) : undefined;
  return lookup?.type === 'MemberExpression' && lookup.computed ? { lookup, scope: init!.scope } : undefined;
}

/** Calls the entry a lookup selects (a path builder) with a call's arguments: in this file, or of a table imported from another. */
function callSelected(lookup: Node, lookupScope: Scope, call: Node, scope: Scope, ctx: EvalContext, env: Env | undefined, d: number): Cand[] | undefined {
  const table = unwrap(lookup.object);
  const b = table?.type === 'Identifier' ? lookupScope.lookup(table.name) : undefined;
  if (b?.import && isAppModule(b.import.source)) {
    const args = call.arguments.slice(0, MAX_ARGS).map((a: Node) => evalStr(a, scope, ctx, env, d));
    const keyCands = evalStr(lookup.property, lookupScope, ctx, env, d);
    const lit = keyCands.length === 1 ? literalOf(keyCands[0]) : undefined;
    if (lit !== undefined) return one({ r: 'call', source: b.import.source, name: b.import.name, member: [lit], args });
    return one({ r: 'select', table: describe(lookup.object), kid: lookupKeyId(lookup.property, lookupScope, keyCands, ctx), key: keyCands, entries: [], from: { source: b.import.source, name: b.import.name }, args });
  }
  return evalSelect(lookup, lookupScope, ctx, env, d, (entry, s) => callFunction(entry, s, call, scope, ctx, env, d));
}

/** Calls a function value (a table entry: an arrow, a function, a local function's name) with a call's arguments. */
function callFunction(entry: Node, entryScope: Scope, call: Node, scope: Scope, ctx: EvalContext, env: Env | undefined, d: number): Cand[] {
  const shape = shapeOf(entry, entryScope, ctx);
  if (shape?.s !== 'fn' || shape.fn.returns.length === 0) return un(`${describe(entry)}(…) of a table entry cannot be resolved`);
  const inner: Env = { fn: shape.fn.id, args: call.arguments, scope, env };
  let out: Cand[] = [];
  for (const r of shape.fn.returns) out = union(out, evalStr(r.node, r.scope, ctx, inner, d + 1));
  return out;
}

/** Calls property `name` of a table entry (an object literal whose property is a function) with a call's arguments. */
function callValue(entry: Node, name: string, call: Node, scope: Scope, ctx: EvalContext, env: Env | undefined, d: number): Cand[] {
  const e = unwrap(entry);
  const prop = e?.type === 'ObjectExpression' ? e.properties.find((p: Node) => p.type === 'Property' && !p.computed && (p.key.name ?? p.key.value) === name) : undefined;
  const fn = prop ? ctx.fns.get(unwrap(prop.value)) : undefined;
  if (!fn || fn.returns.length === 0) return un(`${name}(…) of a table entry cannot be resolved`);
  const inner: Env = { fn: fn.id, args: call.arguments, scope, env };
  let out: Cand[] = [];
  for (const r of fn.returns) out = union(out, evalStr(r.node, r.scope, ctx, inner, d + 1));
  return out;
}

/** `x.replace(a, b)`, `x.concat(y)`, `[...].join('/')`, `map.get(k)`, `res.headers.get('location')` / `('link')`, `x.toString()`. */
function evalStringMethod(node: Node, name: string, scope: Scope, ctx: EvalContext, env: Env | undefined, d: number): Cand[] | undefined {
  const c = unwrap(node.callee);
  const args = node.arguments;
  if (SAME_PATH.has(name) && args.length === 0) return evalStr(c.object, scope, ctx, env, d);
  if (name === 'toLowerCase' || name === 'toUpperCase') {
    return evalStr(c.object, scope, ctx, env, d).map((v) => (literalOf(v) !== undefined ? { pieces: [name === 'toLowerCase' ? literalOf(v)!.toLowerCase() : literalOf(v)!.toUpperCase()] } : v));
  }
  if (name === 'concat') return args.reduce((acc: Cand[], a: Node) => concat(acc, evalStr(a, scope, ctx, env, d)), evalStr(c.object, scope, ctx, env, d));
  if (name === 'replace' || name === 'replaceAll') {
    const base = evalStr(c.object, scope, ctx, env, d);
    const search = unwrap(args[0]);
    // `/\{(\w+)\}/g` fills placeholders: they read as parameters (`{}`) once the path is finalised.
    if (search?.type !== 'Literal' || typeof search.value !== 'string') return base;
    const by = args[1] ? evalStr(args[1], scope, ctx, env, d) : [];
    const lit = by.length === 1 ? literalOf(by[0]) : undefined;
    const text = lit !== undefined ? lit : '{}';
    return base.map((v) => ('pieces' in v ? { ...v, pieces: v.pieces.map((p) => (typeof p === 'string' ? (name === 'replace' ? p.replace(search.value, text) : p.split(search.value).join(text)) : p)) } : v));
  }
  if (name === 'join') {
    const sep = args[0] ? evalStr(args[0], scope, ctx, env, d) : one(',');
    const sepLit = sep.length === 1 ? literalOf(sep[0]) : undefined;
    const arr = unwrap(c.object);
    if (sepLit === undefined || arr?.type !== 'ArrayExpression') return undefined;
    let acc: Cand[] = one('');
    arr.elements.forEach((e: Node, i: number) => {
      if (i > 0) acc = concat(acc, one(sepLit));
      const v = e && e.type !== 'SpreadElement' ? evalStr(e, scope, ctx, env, d) : un('spread element');
      acc = concat(acc, v.map((x) => ('unresolved' in x ? { pieces: ['{}'] } : x)));
    });
    return acc;
  }
  if (name === 'get' && args.length === 1) {
    const obj = unwrap(c.object);
    // `res.headers.get('location')`: a URL the response hands over.
    const keyNode = unwrap(args[0]);
    if (obj?.type === 'MemberExpression' && !obj.computed && obj.property.name === 'headers' && keyNode?.type === 'Literal' && typeof keyNode.value === 'string' && LINK_HEADERS[keyNode.value.toLowerCase()]) {
      return one({ r: 'link', field: LINK_HEADERS[keyNode.value.toLowerCase()], origins: ctx.at ? linkOrigins(obj.object, scope, ctx.at) : [] });
    }
    return mapGet(obj, args[0], scope, ctx, env, d);
  }
  return undefined;
}

/** `ENDPOINTS.get(key)` on `new Map([[key, path], …])`. */
function mapGet(obj: Node, keyNode: Node, scope: Scope, ctx: EvalContext, env: Env | undefined, d: number): Cand[] | undefined {
  if (obj?.type !== 'Identifier') return undefined;
  const b = scope.lookup(obj.name);
  const init = b && !b.param && b.inits.length === 1 ? unwrap(b.inits[0].node) : undefined;
  if (init?.type !== 'NewExpression' || init.callee.type !== 'Identifier' || init.callee.name !== 'Map') return undefined;
  const pairs = unwrap(init.arguments[0]);
  if (pairs?.type !== 'ArrayExpression') return undefined;
  const keys = evalStr(keyNode, scope, ctx, env, d).map(literalOf);
  let out: Cand[] = [];
  for (const pair of pairs.elements) {
    if (pair?.type !== 'ArrayExpression' || pair.elements.length < 2) return un(`${obj.name} has entries that are not [key, value] pairs`);
    const k = unwrap(pair.elements[0]);
    const key = k?.type === 'Literal' ? String(k.value) : undefined;
    if (keys.every((x) => x !== undefined) && (key === undefined || !keys.includes(key))) continue;
    out = union(out, evalStr(pair.elements[1], b!.inits[0].scope, ctx, env, d));
  }
  return out.length ? out : un(`${obj.name} has no entry for the key`);
}

/** `new URL(path, base)`: the path (absolute URLs keep their origin until the call is finalised). */
export function evalNew(node: Node, scope: Scope, ctx: EvalContext, env: Env | undefined, d: number): Cand[] {
  const c = unwrap(node.callee);
  if (c?.type !== 'Identifier' || c.name !== 'URL' || !node.arguments[0]) return un(`${describe(node)} cannot be evaluated statically`);
  const path = evalStr(node.arguments[0], scope, ctx, env, d);
  if (!node.arguments[1]) return path;
  const base = evalStr(node.arguments[1], scope, ctx, env, d);
  return path.flatMap((p) => {
    const first = 'pieces' in p ? p.pieces[0] : undefined;
    // An absolute path or URL ignores the base; a relative one is resolved against it.
    if (typeof first !== 'string' || first.startsWith('/') || ORIGIN.test(first)) return [p];
    return concat(base.map((b) => ('pieces' in b && typeof b.pieces[b.pieces.length - 1] === 'string' && !(b.pieces[b.pieces.length - 1] as string).endsWith('/') ? { ...b, pieces: [...b.pieces, '/'] } : b)), [p]);
  });
}
