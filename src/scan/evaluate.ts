import { evalCall, evalNew } from './evaluate-call';
import { evalElementPart, evalElements, evalMember } from './evaluate-member';
import { FORGE_API, forgeValueOf, unwrap } from './forge-values';
import { keyName } from './member-name';
import type { Binding, FnInfo, Node, OwnerInfo, Scope } from './scope';
import type { Cand, Piece, Ref } from './summary-types';
import type { SourceLocation } from './types';

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
  /** Classes and object literals with methods (`this`, `obj.method`). */
  owners?: Map<Node, OwnerInfo>;
  /** Bindings and functions being evaluated: a value defined through itself is unresolvable, not a hang. */
  visiting?: Set<unknown>;
  /** Stable ids of bindings used as lookup-table keys (so two lookups with one key stay together). */
  keyIds?: Map<Binding, string>;
  /** Location of an offset in the file (for the calls a response link came from). */
  at?: (offset: number) => SourceLocation;
}

// Any import may be the app's own module: relative, or through a tsconfig/jsconfig alias the
// linker knows (`@/lib/jira`). Only Forge's packages and Node's built-ins are never app code.
export const isAppModule = (s: string): boolean => !s.startsWith('@forge/') && !s.startsWith('node:');
/** One unresolved candidate. */
export const un = (reason: string): Cand[] => [{ unresolved: reason }];
/** One candidate with a single piece. */
export const one = (p: Piece): Cand[] => [{ pieces: [p] }];

/** Returns the single ref a candidate consists of, if it is exactly one. */
export const soleRef = (c: Cand): Ref | undefined => ('pieces' in c && c.pieces.length === 1 && typeof c.pieces[0] !== 'string' ? c.pieces[0] : undefined);
/** Returns the literal text of a candidate without refs or unknown parts. */
export const literalOf = (c: Cand): string | undefined => ('pieces' in c && c.pieces.every((p) => typeof p === 'string') && !c.pieces.join('').includes('{}') ? c.pieces.join('') : undefined);

/** Returns a short description of an expression for messages (`route\`${url}\``, `buildUrl(...)`). */
export function describe(node: Node): string {
  node = unwrap(node);
  switch (node?.type) {
    case 'Identifier': return node.name;
    case 'ThisExpression': return 'this';
    case 'MemberExpression': return `${describe(node.object)}.${node.computed ? '[…]' : keyName(node.property)}`;
    case 'CallExpression': return `${describe(node.callee)}(…)`;
    case 'NewExpression': return `new ${describe(node.callee)}(…)`;
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
    // Empty literal pieces are dropped, so a ref at the start of a template stays the leading piece.
    const pieces: Piece[] = x.pieces.length === 1 && x.pieces[0] === '' ? [] : x.pieces.slice();
    for (const p of y.pieces) {
      if (p === '') continue;
      const end = pieces[pieces.length - 1];
      if (typeof p === 'string' && typeof end === 'string') pieces[pieces.length - 1] = end + p;
      else pieces.push(p);
    }
    if (pieces.length === 0) pieces.push('');
    const note = x.note ?? y.note;
    out.push(note ? { pieces, note } : { pieces });
    if (out.length > MAX_CANDS) return un(`more than ${MAX_CANDS} candidate paths`);
  }
  return out;
}

/** Returns both candidate lists (capped). */
export function union(a: Cand[], b: Cand[]): Cand[] {
  const all = [...a, ...b];
  return all.length > MAX_CANDS ? un(`more than ${MAX_CANDS} candidate paths`) : all;
}

/** Returns the candidate strings an expression may evaluate to, with `{}` for values that only fill a segment. */
export function evalStr(node: Node, scope: Scope, ctx: EvalContext, env?: Env, depth = 0): Cand[] {
  node = unwrap(node);
  if (!node) return un('no value');
  if (depth > MAX_DEPTH) return un('value too deeply nested to follow');
  const d = depth + 1;
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string' || typeof node.value === 'number' ? one(String(node.value)) : node.value === null ? [{ unresolved: 'null', absent: true }] : un(`literal ${node.raw}`);
    case 'TemplateLiteral':
      return evalTemplate(node, scope, ctx, env, d, false);
    case 'TaggedTemplateExpression':
      return isRoute(node.tag, scope) ? evalTemplate(node.quasi, scope, ctx, env, d, true) : un(`tagged template ${describe(node.tag)}\`…\``);
    case 'BinaryExpression': {
      if (node.operator !== '+') return un(`${node.operator} expression`);
      const left = evalStr(node.left, scope, ctx, env, d);
      // `'/rest/api/3/issue/' + key`: an unknown value after a known start fills a segment.
      const right = evalStr(node.right, scope, ctx, env, d).map((c) => ('unresolved' in c && !c.absent && left.some((l) => 'pieces' in l) ? { pieces: ['{}'] } : c));
      return concat(left, right);
    }
    case 'ConditionalExpression':
      return union(evalStr(node.consequent, scope, ctx, env, d), evalStr(node.alternate, scope, ctx, env, d));
    case 'LogicalExpression':
      return evalLogical(node, scope, ctx, env, d);
    case 'Identifier':
      return node.name === 'undefined' ? [{ unresolved: 'undefined', absent: true }] : evalIdentifier(node, scope, ctx, env, d);
    case 'MemberExpression':
      return evalMember(node, scope, ctx, env, d);
    case 'CallExpression':
      return evalCall(node, scope, ctx, env, d);
    case 'NewExpression':
      return evalNew(node, scope, ctx, env, d);
    default:
      return un(`${node.type} cannot be evaluated statically`);
  }
}

/** `a ?? b`, `a || b`: a value the code leaves out (or a parameter a call site may leave out) falls back to `b`. */
function evalLogical(node: Node, scope: Scope, ctx: EvalContext, env: Env | undefined, d: number): Cand[] {
  const right = evalStr(node.right, scope, ctx, env, d);
  if (node.operator === '&&') return right;
  const left = evalStr(node.left, scope, ctx, env, d);
  const ref = left.length === 1 ? soleRef(left[0]) : undefined;
  // `opts.method ?? 'GET'`: the default applies where a call site does not pass the value.
  if (ref?.r === 'param') return one({ ...ref, dflt: ref.dflt ? union(ref.dflt.filter((c) => !('absent' in c)), right) : right });
  const present = left.filter((c) => !('absent' in c));
  return present.length === left.length ? union(left, right) : union(present, right);
}

/** True when `tag` is `route` of @forge/api, or `route` re-exported by the app's own http module (`export { route } from '@forge/api'`). */
export function isRoute(tag: Node, scope: Scope): boolean {
  const v = forgeValueOf(tag, scope);
  if (v?.k === 'export' && v.pkg === FORGE_API && v.name === 'route') return true;
  const t = unwrap(tag);
  const imported = t?.type === 'Identifier' ? scope.lookup(t.name)?.import : undefined;
  return imported?.name === 'route' && isAppModule(imported.source);
}

function evalTemplate(q: Node, scope: Scope, ctx: EvalContext, env: Env | undefined, d: number, routeTag: boolean): Cand[] {
  let acc: Cand[] = one(q.quasis[0].value.cooked ?? q.quasis[0].value.raw);
  for (let i = 0; i < q.expressions.length; i++) {
    const atStart = i === 0 && (q.quasis[0].value.cooked ?? '') === '';
    let part = evalStr(q.expressions[i], scope, ctx, env, d);
    if (atStart) {
      // A value that starts the path: a nested route (`route\`${BASE}/x\``), a helper's parameter or
      // an imported constant. Anything else leaves the product path unknown (`route\`${url}\``).
      if (part.some((c) => 'unresolved' in c)) {
        const why = routeTag ? un(`route\`\${${describe(q.expressions[i])}}\` takes the whole path from a value`) : un(`path starts with \${${describe(q.expressions[i])}}, which cannot be resolved`);
        // `${process.env.BASE ?? 'https://api.example.com'}/v1`: the written default is one candidate, the unknown value another.
        const known = part.filter((c) => !('unresolved' in c));
        if (known.length === 0) return why;
        part = [...known, ...why];
      }
    } else {
      part = part.map((c) => ('unresolved' in c ? { pieces: ['{}'] } : routeTag ? routeSegment(c) : c));
    }
    acc = concat(acc, part);
    acc = concat(acc, one(q.quasis[i + 1].value.cooked ?? q.quasis[i + 1].value.raw));
  }
  return acc;
}

/**
 * A value `route` interpolates: it encodes the value, so it fills exactly one segment, unless it is
 * itself a route (then it may hold a path). A helper's parameter stays a ref: its call sites may pass
 * the segment that selects the operation (`/request/${key}/${action}`).
 */
export function routeSegment(c: Cand): Cand {
  if ('unresolved' in c || isConstSegment(c)) return c;
  const ref = soleRef(c);
  if (ref?.r === 'param') return { pieces: [{ ...ref, seg: true }] };
  if (ref?.r === 'select') return c;
  return c.pieces.some((p) => typeof p === 'string' && p.startsWith('/')) ? c : { pieces: ['{}'] };
}

const isConstSegment = (c: Cand): boolean => 'pieces' in c && c.pieces.length === 1 && typeof c.pieces[0] === 'string' && !c.pieces[0].includes('/') && c.pieces[0] !== '';

function evalIdentifier(node: Node, scope: Scope, ctx: EvalContext, env: Env | undefined, d: number): Cand[] {
  const b = scope.lookup(node.name);
  if (!b) return un(`${node.name} is not declared in this file`);
  if (b.import) {
    if (isAppModule(b.import.source)) return one({ r: 'import', source: b.import.source, name: b.import.name });
    return un(`${node.name} is imported from ${b.import.source}`);
  }
  if (b.param) return evalParam(b.param, scope, ctx, env, d);
  if (b.kind === 'function' || b.kind === 'class' || b.kind === 'other') return un(`${node.name} is not a string`);
  if (b.inits.length === 0) return un(`${node.name} is never assigned`);
  const visiting = (ctx.visiting ??= new Set());
  if (visiting.has(b)) return un(`${node.name} is defined through itself`);
  visiting.add(b);
  let out: Cand[] = [];
  for (const init of b.inits) {
    const v = init.element
      ? init.key !== undefined ? evalElementPart(init.node, init.scope, init.key, ctx, env, d) : evalElements(init.node, init.scope, ctx, env, d)
      : init.key !== undefined ? evalMember({ type: 'MemberExpression', object: init.node, property: { type: 'Identifier', name: init.key }, computed: false }, init.scope, ctx, env, d) : evalStr(init.node, init.scope, ctx, env, d);
    out = union(out, v);
  }
  visiting.delete(b);
  return out;
}

/** A parameter: its argument when evaluating a call with known arguments, else a ref the linker fills per call site. */
export function evalParam(p: NonNullable<Binding['param']>, scope: Scope, ctx: EvalContext, env: Env | undefined, d: number, key = p.key): Cand[] {
  for (let e = env; e; e = e.env) {
    if (e.fn !== p.fn) continue;
    const arg = e.args[p.i];
    if (key === undefined) return arg ? evalStr(arg, e.scope, ctx, e.env, d) : p.dflt ? evalStr(p.dflt, scope, ctx, env, d) : un(`argument ${p.name} is not passed`);
    const value = arg ? evalMember({ type: 'MemberExpression', object: arg, property: { type: 'Identifier', name: key }, computed: false }, e.scope, ctx, e.env, d, true) : undefined;
    if (value) return value;
    return p.dflt ? evalStr(p.key === undefined ? { type: 'MemberExpression', object: p.dflt, property: { type: 'Identifier', name: key }, computed: false } : p.dflt, scope, ctx, env, d) : un(`${key} is not passed`);
  }
  // A default value stands in for an argument a call site leaves out.
  let dflt: Cand[] | undefined;
  if (p.dflt && (p.key !== undefined || key === undefined)) dflt = evalStr(p.dflt, scope, ctx, env, d);
  else if (p.dflt) dflt = evalMember({ type: 'MemberExpression', object: p.dflt, property: { type: 'Identifier', name: key }, computed: false }, scope, ctx, env, d, true);
  if (dflt?.every((c) => 'absent' in c)) dflt = undefined;
  return one({ r: 'param', fn: p.fn, i: p.i, name: p.name, ...(key !== undefined ? { key } : {}), ...(dflt ? { dflt } : {}) });
}
