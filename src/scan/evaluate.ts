import { FORGE_API, forgeValueOf, unwrap } from './forge-values';
import type { FnInfo, Node, Scope } from './scope';
import type { Cand, Piece } from './summary-types';
import { requireSource } from './walk-file';

/** Most candidates kept for one value; beyond it the value is reported unresolved rather than exploded. */
export const MAX_CANDS = 32;
/** How deep evaluation follows values before giving up. */
export const MAX_DEPTH = 12;

/** Arguments bound to a function's parameters while evaluating its return value at one call site. */
export interface Env {
  fn: string;
  args: Node[];
  scope: Scope;
  env?: Env;
}

/** What evaluation needs to know about the file. */
export interface EvalContext {
  fns: Map<Node, FnInfo>;
  fnsById: Map<string, FnInfo>;
  /** Bindings and functions being evaluated: a value defined through itself is unresolvable, not a hang. */
  visiting?: Set<unknown>;
}

// Any import may be the app's own module: relative, or through a tsconfig/jsconfig alias the
// linker knows (`@/lib/jira`). Only Forge's packages and Node's built-ins are never app code.
const isRelative = (s: string): boolean => !s.startsWith('@forge/') && !s.startsWith('node:');
const un = (reason: string): Cand[] => [{ unresolved: reason }];

/** Returns a short description of an expression for messages (`route\`${url}\``, `buildUrl(...)`). */
export function describe(node: Node): string {
  node = unwrap(node);
  switch (node?.type) {
    case 'Identifier': return node.name;
    case 'MemberExpression': return `${describe(node.object)}.${node.computed ? '[…]' : node.property.name}`;
    case 'CallExpression': return `${describe(node.callee)}(…)`;
    case 'TaggedTemplateExpression': return `${describe(node.tag)}\`…\``;
    default: return node?.type ?? 'nothing';
  }
}

/** Concatenates candidate lists pairwise (cartesian), merging adjacent literal pieces. */
export function concat(a: Cand[], b: Cand[]): Cand[] {
  const out: Cand[] = [];
  for (const x of a) for (const y of b) {
    if ('unresolved' in x) { out.push(x); continue; }
    // Nothing after a query string or fragment selects the operation.
    const last = x.pieces[x.pieces.length - 1];
    if (typeof last === 'string' && /[?#]/.test(last)) { out.push(x); continue; }
    if ('unresolved' in y) { out.push(y); continue; }
    const pieces: Piece[] = [...x.pieces];
    for (const p of y.pieces) {
      const last = pieces[pieces.length - 1];
      if (typeof p === 'string' && typeof last === 'string') pieces[pieces.length - 1] = last + p;
      else pieces.push(p);
    }
    out.push({ pieces });
    if (out.length > MAX_CANDS) return un(`more than ${MAX_CANDS} candidate paths`);
  }
  return out;
}

/** Returns the candidate strings an expression may evaluate to, with `{}` for values that only fill a segment. */
export function evalStr(node: Node, scope: Scope, ctx: EvalContext, env?: Env, depth = 0): Cand[] {
  node = unwrap(node);
  if (!node) return un('no value');
  if (depth > MAX_DEPTH) return un('value too deeply nested to follow');
  const d = depth + 1;
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string' || typeof node.value === 'number' ? [{ pieces: [String(node.value)] }] : un(`literal ${node.raw}`);
    case 'TemplateLiteral':
      return evalTemplate(node, scope, ctx, env, d, false);
    case 'TaggedTemplateExpression': {
      const tag = forgeValueOf(node.tag, scope);
      if (tag?.k === 'export' && tag.pkg === FORGE_API && tag.name === 'route') return evalTemplate(node.quasi, scope, ctx, env, d, true);
      return un(`tagged template ${describe(node.tag)}\`…\``);
    }
    case 'BinaryExpression':
      if (node.operator !== '+') return un(`${node.operator} expression`);
      return concat(evalStr(node.left, scope, ctx, env, d), evalStr(node.right, scope, ctx, env, d));
    case 'ConditionalExpression':
      return union(evalStr(node.consequent, scope, ctx, env, d), evalStr(node.alternate, scope, ctx, env, d));
    case 'LogicalExpression':
      return node.operator === '&&' ? evalStr(node.right, scope, ctx, env, d) : union(evalStr(node.left, scope, ctx, env, d), evalStr(node.right, scope, ctx, env, d));
    case 'Identifier':
      return evalIdentifier(node, scope, ctx, env, d);
    case 'MemberExpression':
      return evalMember(node, scope, ctx, env, d);
    case 'CallExpression':
      return evalCall(node, scope, ctx, env, d);
    default:
      return un(`${node.type} cannot be evaluated statically`);
  }
}

function union(a: Cand[], b: Cand[]): Cand[] {
  const all = [...a, ...b];
  return all.length > MAX_CANDS ? un(`more than ${MAX_CANDS} candidate paths`) : all;
}

function evalTemplate(q: Node, scope: Scope, ctx: EvalContext, env: Env | undefined, d: number, isRoute: boolean): Cand[] {
  let acc: Cand[] = [{ pieces: [q.quasis[0].value.cooked ?? q.quasis[0].value.raw] }];
  for (let i = 0; i < q.expressions.length; i++) {
    const atStart = i === 0 && (q.quasis[0].value.cooked ?? '') === '';
    let part = evalStr(q.expressions[i], scope, ctx, env, d);
    if (atStart) {
      // A path that begins with a value: its product path is unknown (route`${url}` is the classic case).
      if (isRoute) return un(`route\`\${${describe(q.expressions[i])}}\` takes the whole path from a value`);
      if (part.some((c) => 'unresolved' in c)) return un(`path starts with \${${describe(q.expressions[i])}}, which cannot be resolved`);
    } else {
      // `route` encodes every interpolated value, so it fills exactly one segment: a parameter.
      // Untagged templates keep resolvable values (they may hold several segments).
      part = part.map((c) => ('unresolved' in c || (isRoute && !isConstSegment(c)) ? { pieces: ['{}'] } : c));
    }
    acc = concat(acc, part);
    acc = concat(acc, [{ pieces: [q.quasis[i + 1].value.cooked ?? q.quasis[i + 1].value.raw] }]);
  }
  return acc;
}

const isConstSegment = (c: Cand): boolean => 'pieces' in c && c.pieces.length === 1 && typeof c.pieces[0] === 'string' && !c.pieces[0].includes('/') && c.pieces[0] !== '';

function evalIdentifier(node: Node, scope: Scope, ctx: EvalContext, env: Env | undefined, d: number): Cand[] {
  const b = scope.lookup(node.name);
  if (!b) return un(`${node.name} is not declared in this file`);
  if (b.import) {
    if (isRelative(b.import.source)) return [{ pieces: [{ r: 'import', source: b.import.source, name: b.import.name }] }];
    return un(`${node.name} is imported from ${b.import.source}`);
  }
  if (b.param) {
    const p = b.param;
    for (let e = env; e; e = e.env) {
      if (e.fn !== p.fn) continue;
      const arg = e.args[p.i];
      if (p.key === undefined) return arg ? evalStr(arg, e.scope, ctx, e.env, d) : p.dflt ? evalStr(p.dflt, scope, ctx, env, d) : un(`argument ${p.name} is not passed`);
      const value = arg ? evalProp(arg, p.key, e.scope, ctx, e.env, d, true) : undefined;
      if (value) return value;
      return p.dflt ? evalStr(p.dflt, scope, ctx, env, d) : un(`${p.key} is not passed`);
    }
    // A default value stands in for an argument a call site leaves out.
    const dflt = p.dflt ? evalStr(p.dflt, scope, ctx, env, d) : undefined;
    return [{ pieces: [{ r: 'param', fn: p.fn, i: p.i, name: p.name, ...(p.key !== undefined ? { key: p.key } : {}), ...(dflt ? { dflt } : {}) }] }];
  }
  if (b.kind === 'function' || b.kind === 'class' || b.kind === 'other') return un(`${node.name} is not a string`);
  if (b.inits.length === 0) return un(`${node.name} is never assigned`);
  const visiting = (ctx.visiting ??= new Set());
  if (visiting.has(b)) return un(`${node.name} is defined through itself`);
  visiting.add(b);
  let out: Cand[] = [];
  for (const init of b.inits) {
    out = union(out, init.key !== undefined ? evalProp(init.node, init.key, init.scope, ctx, env, d) : evalStr(init.node, init.scope, ctx, env, d));
  }
  visiting.delete(b);
  return out;
}

const EMPTY_OBJECT: Node = { type: 'ObjectExpression', properties: [] };

function bothOrNone<T>(a: T[] | undefined, b: T[] | undefined): T[] | undefined {
  return a && b ? [...a, ...b] : undefined;
}

/** Returns the object literals an expression may evaluate to (through consts and branches), or undefined when unknown. */
export function objectsOf(node: Node, scope: Scope, d: number): { obj: Node; scope: Scope }[] | undefined {
  node = unwrap(node);
  if (node?.type === 'ObjectExpression') return [{ obj: node, scope }];
  if (d > MAX_DEPTH) return undefined;
  // `cond ? { a } : {}` and `cond && { a }` (as in `...(body ? { body } : {})`): every branch is a candidate.
  if (node?.type === 'ConditionalExpression') return bothOrNone(objectsOf(node.consequent, scope, d + 1), objectsOf(node.alternate, scope, d + 1));
  if (node?.type === 'LogicalExpression') {
    const right = objectsOf(node.right, scope, d + 1);
    // A falsy left side spreads nothing; `a || b` and `a ?? b` may be either object.
    return node.operator === '&&' ? bothOrNone(right, [{ obj: EMPTY_OBJECT, scope }]) : bothOrNone(objectsOf(node.left, scope, d + 1), right);
  }
  if (node?.type !== 'Identifier') return undefined;
  const b = scope.lookup(node.name);
  if (!b || b.param || b.import || b.inits.length === 0 || b.kind === 'function') return undefined;
  const out: { obj: Node; scope: Scope }[] = [];
  for (const init of b.inits) {
    if (init.key !== undefined) return undefined;
    const o = objectsOf(init.node, init.scope, d + 1);
    if (!o) return undefined;
    out.push(...o);
  }
  return out;
}

/** Returns the value node of property `key` in an object literal: found, absent, or unknowable (spread). */
export function propertyOf(obj: Node, key: string): { node: Node } | 'absent' | 'unknown' {
  let spread = false;
  for (const p of obj.properties) {
    if (p.type === 'SpreadElement') { spread = true; continue; }
    const k = !p.computed && p.key.type === 'Identifier' ? p.key.name : p.key.type === 'Literal' ? String(p.key.value) : undefined;
    if (k === key) return { node: p.value };
    if (k === undefined) spread = true;
  }
  return spread ? 'unknown' : 'absent';
}

function evalProp(objNode: Node, key: string, scope: Scope, ctx: EvalContext, env: Env | undefined, d: number): Cand[];
function evalProp(objNode: Node, key: string, scope: Scope, ctx: EvalContext, env: Env | undefined, d: number, absentIsUndefined: true): Cand[] | undefined;
function evalProp(objNode: Node, key: string, scope: Scope, ctx: EvalContext, env: Env | undefined, d: number, absentIsUndefined = false): Cand[] | undefined {
  const objs = objectsOf(objNode, scope, d);
  if (!objs) return un(`${key} is taken from ${describe(objNode)}, which cannot be resolved`);
  let out: Cand[] = [];
  for (const { obj, scope: s } of objs) {
    const p = propertyOf(obj, key);
    // An absent property lets a destructuring default apply (the caller decides).
    if (p === 'absent' && absentIsUndefined && objs.length === 1) return undefined;
    out = union(out, typeof p === 'string' ? un(`property ${key} not found`) : evalStr(p.node, s, ctx, env, d));
  }
  return out;
}

function evalMember(node: Node, scope: Scope, ctx: EvalContext, env: Env | undefined, d: number): Cand[] {
  const objs = objectsOf(node.object, scope, d);
  if (!objs) return un(`${describe(node)} cannot be resolved`);
  // A lookup table: the key's candidates select entries; an unknowable key means any entry.
  let keys: string[] | undefined;
  if (!node.computed) keys = [node.property.name];
  else {
    const kc = evalStr(node.property, scope, ctx, env, d);
    keys = kc.every((c) => 'pieces' in c && c.pieces.length === 1 && typeof c.pieces[0] === 'string' && !c.pieces[0].includes('{}'))
      ? kc.map((c) => (c as { pieces: string[] }).pieces[0])
      : undefined;
  }
  let out: Cand[] = [];
  for (const { obj, scope: s } of objs) {
    if (keys) for (const k of keys) {
      const p = propertyOf(obj, k);
      out = union(out, typeof p === 'string' ? un(`${describe(node.object)} has no entry ${k}`) : evalStr(p.node, s, ctx, env, d));
    }
    else for (const p of obj.properties) out = union(out, p.type === 'Property' ? evalStr(p.value, s, ctx, env, d) : un('spread entry in lookup table'));
  }
  return out;
}

function evalCall(node: Node, scope: Scope, ctx: EvalContext, env: Env | undefined, d: number): Cand[] {
  const callee = forgeValueOf(node.callee, scope);
  if (callee?.k === 'export' && callee.pkg === FORGE_API && (callee.name === 'assumeTrustedRoute' || callee.name === 'routeFromAbsolute')) {
    const inner = node.arguments[0] ? evalStr(node.arguments[0], scope, ctx, env, d) : un('no argument');
    if (inner.some((c) => 'unresolved' in c || c.pieces.some((p) => typeof p !== 'string'))) return un(`${callee.name}(${describe(node.arguments[0])}) cannot be resolved`);
    return callee.name === 'routeFromAbsolute'
      ? inner.map((c) => ({ pieces: [(c as { pieces: string[] }).pieces[0].replace(/^[a-z]+:\/\/[^/]*/i, '')] }))
      : inner;
  }
  const c = unwrap(node.callee);
  if (c.type === 'Identifier' && (c.name === 'encodeURIComponent' || c.name === 'String' || c.name === 'encodeURI')) return [{ pieces: ['{}'] }];
  if (requireSource(node) !== undefined) return un('require(…) is not a path');
  // A path builder imported from another file: its return value is known once files are linked.
  const imported = importedCallee(c, scope);
  if (imported) {
    const args = node.arguments.slice(0, 6).map((a: Node) => evalStr(a, scope, ctx, env, d));
    return [{ pieces: [{ r: 'call', source: imported.source, name: imported.name, args }] }];
  }
  // A local helper that builds the path: evaluate its return value with this call's arguments.
  if (c.type === 'Identifier') {
    const b = scope.lookup(c.name);
    const fn = b?.fn ? ctx.fnsById.get(b.fn) : undefined;
    const visiting = (ctx.visiting ??= new Set());
    if (fn && fn.returns.length > 0 && !visiting.has(fn)) {
      const inner: Env = { fn: fn.id, args: node.arguments, scope, env };
      visiting.add(fn);
      let out: Cand[] = [];
      for (const r of fn.returns) out = union(out, evalStr(r.node, r.scope, ctx, inner, d));
      visiting.delete(fn);
      return out;
    }
  }
  return un(`the result of ${describe(node)} cannot be resolved`);
}

/** Returns the module and export a callee refers to when it is a function imported from a relative module. */
export function importedCallee(callee: Node, scope: Scope): { source: string; name: string } | undefined {
  if (callee.type === 'Identifier') {
    const b = scope.lookup(callee.name);
    return b?.import && isRelative(b.import.source) ? { source: b.import.source, name: b.import.name } : undefined;
  }
  if (callee.type === 'MemberExpression' && !callee.computed && callee.object.type === 'Identifier') {
    const b = scope.lookup(callee.object.name);
    if (b?.import && isRelative(b.import.source) && (b.import.name === '*' || b.import.name === 'default')) return { source: b.import.source, name: callee.property.name };
  }
  return undefined;
}
