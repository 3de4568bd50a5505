import { describe, evalParam, evalStr, isAppModule, literalOf, MAX_DEPTH, one, soleRef, un, union, type Env, type EvalContext } from './evaluate';
import { unwrap } from './forge-values';
import { linkOrigins } from './link-origins';
import { matchedLink } from './link-parts';
import { memberName, propertyKey } from './member-name';
import { thisOwner, type Node, type Scope } from './scope';
import type { Cand, ImportedTarget } from './summary-types';

/** Response fields that hold a URL to follow (pagination, the resource itself, a task to poll). */
export const LINK_FIELDS = new Set(['next', 'nextPage', 'nextPageUrl', 'nextLink', 'nextUrl', 'self', 'cancelUrl', 'prev', 'previous', 'location', 'href']);
/** Most entries of a lookup table read when its key is unknown. */
const MAX_ENTRIES = 64;

const EMPTY_OBJECT: Node = { type: 'ObjectExpression', properties: [] };

function bothOrNone<T>(a: T[] | undefined, b: T[] | undefined): T[] | undefined {
  return a && b ? [...a, ...b] : undefined;
}

/** Returns the object literals an expression may evaluate to (through consts, branches and nested tables), or undefined when unknown. */
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
  // `API.jira.paths`: a table nested in a table.
  if (node?.type === 'MemberExpression') {
    const name = memberName(node);
    const outer = name === undefined ? undefined : objectsOf(node.object, scope, d + 1);
    if (!outer) return undefined;
    const out: { obj: Node; scope: Scope }[] = [];
    for (const o of outer) {
      const p = propertyOf(o.obj, name!);
      const inner = typeof p === 'string' ? undefined : objectsOf(p.node, o.scope, d + 1);
      if (!inner) return undefined;
      out.push(...inner);
    }
    return out;
  }
  // `Object.assign({}, base, { method: 'PUT' })`: an object with each argument spread in, in order.
  if (node?.type === 'CallExpression' && !node.arguments.some((a: Node) => a.type === 'SpreadElement') && isObjectCall(node, 'assign')) {
    return [{ obj: { type: 'ObjectExpression', properties: node.arguments.map((a: Node) => ({ type: 'SpreadElement', argument: a })), start: node.start, end: node.end }, scope }];
  }
  if (node?.type !== 'Identifier') return undefined;
  const b = scope.lookup(node.name);
  if (!b || b.param || b.import || b.inits.length === 0 || b.kind === 'function') return undefined;
  const out: { obj: Node; scope: Scope }[] = [];
  for (const init of b.inits) {
    if (init.element) return undefined;
    const o = init.key !== undefined
      ? objectsOf({ type: 'MemberExpression', object: init.node, property: { type: 'Identifier', name: init.key }, computed: false }, init.scope, d + 1)
      : objectsOf(init.node, init.scope, d + 1);
    if (!o) return undefined;
    out.push(...o);
  }
  return out;
}

/** True for `Object.<name>(…)`. */
const isObjectCall = (node: Node, name: string): boolean => {
  const c = unwrap(node.callee);
  return c?.type === 'MemberExpression' && unwrap(c.object)?.type === 'Identifier' && unwrap(c.object).name === 'Object' && memberName(c) === name;
};

/** Returns the value node of property `key` in an object literal: found, absent, or unknowable (spread). */
export function propertyOf(obj: Node, key: string): { node: Node } | 'absent' | 'unknown' {
  let spread = false;
  for (const p of obj.properties) {
    if (p.type === 'SpreadElement') { spread = true; continue; }
    const k = propertyKey(p);
    if (k === key) return { node: p.value };
    if (k === undefined) spread = true;
  }
  return spread ? 'unknown' : 'absent';
}

/** Returns the candidates of member `node` (`obj.key`, `TABLE[k]`, `this.base`, `opts.path`); undefined for an absent property when asked. */
export function evalMember(node: Node, scope: Scope, ctx: EvalContext, env: Env | undefined, d: number): Cand[];
export function evalMember(node: Node, scope: Scope, ctx: EvalContext, env: Env | undefined, d: number, absentIsUndefined: true): Cand[] | undefined;
export function evalMember(node: Node, scope: Scope, ctx: EvalContext, env: Env | undefined, d: number, absentIsUndefined = false): Cand[] | undefined {
  const obj = unwrap(node.object);
  const name = memberName(node);
  if (obj?.type === 'ThisExpression' && name !== undefined) {
    const inits = ctx.owners?.get(thisOwner(scope))?.thisProps.get(name);
    if (!inits) return un(`this.${name} cannot be resolved`);
    const visiting = (ctx.visiting ??= new Set());
    if (visiting.has(inits)) return un(`this.${name} is defined through itself`);
    visiting.add(inits);
    const out = inits.reduce<Cand[]>((acc, i) => union(acc, evalStr(i.node, i.scope, ctx, env, d)), []);
    visiting.delete(inits);
    return out;
  }
  if (obj?.type === 'Identifier' && name !== undefined) {
    const b = scope.lookup(obj.name);
    // `opts.path` of a helper's options parameter: known at each call site; `args[0]` of a rest parameter.
    if (b?.param && b.param.key === undefined) {
      if (b.param.rest && /^\d+$/.test(name)) return evalParam({ ...b.param, i: b.param.i + Number(name), rest: undefined }, scope, ctx, env, d);
      // `page.next` of a page handed in: a link from a response, not an option a caller sets.
      if (LINK_FIELDS.has(name)) return one({ r: 'link', field: name, origins: [] });
      if (!b.param.rest) return evalParam(b.param, scope, ctx, env, d, name);
    }
    if (b?.import && isAppModule(b.import.source)) return one({ r: 'import', source: b.import.source, name: b.import.name, member: [name] });
  }
  if (node.computed && typeof unwrap(node.property)?.value === 'number') {
    const part = matchedLink(obj, scope, ctx, env, d);
    if (part) return part;
  }
  const objs = objectsOf(obj, scope, d);
  if (objs) return pickEntries(node, objs, scope, ctx, env, d, absentIsUndefined);
  // `BASES[idx]` with an index read from a value: a table whose keys are the positions.
  if (node.computed && name === undefined) {
    const sel = arraySelect(node, obj, scope, ctx, env, d);
    if (sel) return sel;
  }
  // `PAIR[1]`, or element 1 of `const [method, path] = PAIR`: that element of the array literals.
  const index = name !== undefined && /^\d+$/.test(name) ? Number(name) : undefined;
  const arrays = index === undefined ? undefined : arraysOf(obj, scope, d);
  if (arrays) return arrays.reduce<Cand[]>((acc, { arr, scope: s }) => { const e = arr.elements[index!]; return union(acc, !e || e.type === 'SpreadElement' ? un(`${describe(obj)} has no element ${index}`) : evalStr(e, s, ctx, env, d)); }, []);
  // `ACTIONS[action].method`: a property of the entry a key selects.
  if (name !== undefined && obj?.type === 'MemberExpression' && obj.computed) {
    const table = unwrap(obj.object);
    const b = table?.type === 'Identifier' ? scope.lookup(table.name) : undefined;
    if (b?.import && isAppModule(b.import.source)) return importedSelect(obj, { source: b.import.source, name: b.import.name }, [name], scope, ctx, env, d);
    const sel = evalSelect(obj, scope, ctx, env, d, (entry, s) => evalMember({ type: 'MemberExpression', object: entry, property: { type: 'Identifier', name }, computed: false }, s, ctx, env, d + 1));
    if (sel) return sel;
  }
  if (node.computed && obj?.type === 'Identifier') {
    const b = scope.lookup(obj.name);
    if (b?.import && isAppModule(b.import.source)) return importedSelect(node, { source: b.import.source, name: b.import.name }, [], scope, ctx, env, d);
  }
  if (name !== undefined && URL_PARTS.has(name)) {
    const whole = evalStr(obj, scope, ctx, env, d);
    if (!whole.some((c) => 'unresolved' in c)) return name === 'pathname' ? whole.map(stripOrigin) : whole;
  }
  if (name !== undefined && LINK_FIELDS.has(name)) return one({ r: 'link', field: fieldPath(node), origins: ctx.at ? linkOrigins(obj, scope, ctx.at) : [] });
  return un(`${describe(node)} cannot be resolved`);
}

const URL_PARTS = new Set(['href', 'pathname', 'value']);
const stripOrigin = (c: Cand): Cand => ('pieces' in c && typeof c.pieces[0] === 'string' ? { ...c, pieces: [c.pieces[0].replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, ''), ...c.pieces.slice(1)] } : c);

/** `data._links.next` → `_links.next`: the member chain below the response value. */
function fieldPath(node: Node): string {
  const parts: string[] = [];
  for (let n = unwrap(node); n?.type === 'MemberExpression'; n = unwrap(n.object)) {
    const name = memberName(n);
    if (name === undefined) break;
    parts.unshift(name);
    if (unwrap(n.object)?.type !== 'MemberExpression') break;
  }
  return parts.join('.');
}

/** Picks the entries a member expression selects from known object literals. */
function pickEntries(node: Node, objs: { obj: Node; scope: Scope }[], scope: Scope, ctx: EvalContext, env: Env | undefined, d: number, absentIsUndefined: boolean): Cand[] | undefined {
  let keys: string[] | undefined;
  let keyCands: Cand[] | undefined;
  if (!node.computed) keys = [node.property.name];
  else {
    keyCands = evalStr(node.property, scope, ctx, env, d);
    const lits = keyCands.map(literalOf);
    if (lits.every((k): k is string => k !== undefined)) keys = lits;
  }
  if (keys) {
    const branches = keys.length === 1 ? branchSelect(node, objs, keys[0], ctx, env, d) : undefined;
    if (branches) return branches;
    let out: Cand[] = [];
    for (const { obj, scope: s } of objs) for (const k of keys) {
      const p = propertyOf(obj, k);
      // An absent property lets a destructuring default or `??` apply (the caller decides).
      if (p === 'absent' && absentIsUndefined && objs.length === 1 && keys.length === 1) return undefined;
      out = union(out, p === 'absent' ? [{ unresolved: `property ${k} not found`, absent: true }] : p === 'unknown' ? un(`${describe(node.object)} has no entry ${k}`) : evalStr(p.node, s, ctx, env, d));
    }
    return out;
  }
  return selectEntries(node, objs, keyCands!, scope, ctx, env, d, (entry, s) => evalStr(entry, s, ctx, env, d));
}

/** Most objects a conditional may pick that are kept apart (so two properties of the picked one stay together). */
const MAX_BRANCHES = 8;

/**
 * `req.path` where `req` is one of several object literals (`c ? { method, path } : { method, path }`):
 * a `select` over the objects, named by the objects themselves, so `req.method` in the same call
 * picks from the same object. Undefined (plain union) when the objects do not all have the property.
 */
function branchSelect(node: Node, objs: { obj: Node; scope: Scope }[], key: string, ctx: EvalContext, env: Env | undefined, d: number): Cand[] | undefined {
  if (objs.length < 2 || objs.length > MAX_BRANCHES) return undefined;
  const entries: [string, Cand[]][] = [];
  for (const [i, { obj, scope: s }] of objs.entries()) {
    const p = propertyOf(obj, key);
    if (typeof p === 'string') return undefined;
    entries.push([String(i), evalStr(p.node, s, ctx, env, d)]);
  }
  // The same objects (by position in the file) are the same choice, however they are reached.
  const kid = `o:${ctx.at?.(0).file ?? ''}:${objs.map((o) => o.obj.start).join(',')}`;
  return one({ r: 'select', table: describe(node.object), kid, key: [], entries, branch: true });
}

/** A table read with a key not known here: a `select` ref when the key may be linked later, else every entry (noted). */
function selectEntries(node: Node, objs: { obj: Node; scope: Scope }[], keyCands: Cand[], scope: Scope, ctx: EvalContext, env: Env | undefined, d: number, project: (entry: Node, s: Scope) => Cand[]): Cand[] {
  const entries: [string, Cand[]][] = [];
  for (const { obj, scope: s } of objs) for (const p of obj.properties.slice(0, MAX_ENTRIES)) {
    const k = p.type === 'Property' ? propertyKey(p) : undefined;
    if (k === undefined) return un(`${describe(node.object)} has computed or spread entries`);
    entries.push([k, project(p.value, s)]);
  }
  const table = describe(node.object);
  return one({ r: 'select', table, kid: keyId(node.property, scope, keyCands, ctx), key: keyCands, entries });
}

/** `TABLE[key]` where TABLE is itself looked up with a key (`ACTIONS[action].path`): each entry projected. */
export function evalSelect(lookup: Node, scope: Scope, ctx: EvalContext, env: Env | undefined, d: number, project: (entry: Node, s: Scope) => Cand[]): Cand[] | undefined {
  const objs = objectsOf(lookup.object, scope, d);
  if (!objs) return undefined;
  const keyCands = evalStr(lookup.property, scope, ctx, env, d);
  const lits = keyCands.map(literalOf);
  if (lits.every((k): k is string => k !== undefined)) {
    let out: Cand[] = [];
    for (const { obj, scope: s } of objs) for (const k of lits) {
      const p = propertyOf(obj, k as string);
      out = union(out, typeof p === 'string' ? un(`${describe(lookup.object)} has no entry ${k}`) : project(p.node, s));
    }
    return out;
  }
  return selectEntries(lookup, objs, keyCands, scope, ctx, env, d, project);
}

/** `IMPORTED[key]` (optionally `.path` of the entry): the table's entries are known once files are linked. */
function importedSelect(node: Node, from: ImportedTarget, path: string[], scope: Scope, ctx: EvalContext, env: Env | undefined, d: number): Cand[] {
  const keyCands = evalStr(node.property, scope, ctx, env, d);
  const lits = keyCands.map(literalOf);
  if (lits.length === 1 && lits[0] !== undefined) return one({ r: 'import', ...from, member: [lits[0], ...path] });
  return one({ r: 'select', table: describe(node.object), kid: keyId(node.property, scope, keyCands, ctx), key: keyCands, entries: [], from: { ...from, member: path } });
}

/** A stable name for a lookup key: the parameter it comes from, or the binding holding it. */
export function keyId(keyNode: Node, scope: Scope, keyCands: Cand[], ctx: EvalContext): string {
  const ref = keyCands.length === 1 ? soleRef(keyCands[0]) : undefined;
  if (ref?.r === 'param') return `p:${ref.fn}:${ref.i}:${ref.key ?? ''}`;
  const n = unwrap(keyNode);
  const b = n?.type === 'Identifier' ? scope.lookup(n.name) : undefined;
  if (b) {
    const ids = (ctx.keyIds ??= new Map());
    if (!ids.has(b)) ids.set(b, `b:${ids.size}`);
    return ids.get(b)!;
  }
  return `n:${n?.start ?? 0}`;
}

/**
 * `BASES[idx]` where `BASES` is an array literal and `idx` a value: a `select` keyed by position, so an
 * index known at a call site picks its element and an unknown one makes every element a candidate.
 * Undefined when the array is not one known, non-empty literal without holes or spreads (elements
 * pushed later would be missed).
 */
function arraySelect(node: Node, obj: Node, scope: Scope, ctx: EvalContext, env: Env | undefined, d: number): Cand[] | undefined {
  const arrays = arraysOf(obj, scope, d);
  if (!arrays || arrays.length !== 1) return undefined;
  const { arr, scope: s } = arrays[0];
  if (arr.elements.length === 0 || arr.elements.length > MAX_ENTRIES || arr.elements.some((e: Node) => !e || e.type === 'SpreadElement')) return undefined;
  const keyCands = evalStr(node.property, scope, ctx, env, d);
  const entries: [string, Cand[]][] = arr.elements.map((e: Node, i: number) => [String(i), evalStr(e, s, ctx, env, d)]);
  return one({ r: 'select', table: describe(obj), kid: keyId(node.property, scope, keyCands, ctx), key: keyCands, entries });
}

/** Returns the array literals an expression may evaluate to, or undefined. */
function arraysOf(node: Node, scope: Scope, d: number): { arr: Node; scope: Scope }[] | undefined {
  node = unwrap(node);
  if (node?.type === 'ArrayExpression') return [{ arr: node, scope }];
  if (node?.type !== 'Identifier' || d > MAX_DEPTH) return undefined;
  const b = scope.lookup(node.name);
  if (!b || b.param || b.import || b.inits.length === 0) return undefined;
  const out: { arr: Node; scope: Scope }[] = [];
  for (const init of b.inits) {
    if (init.element || init.key !== undefined) return undefined;
    const a = arraysOf(init.node, init.scope, d + 1);
    if (!a) return undefined;
    out.push(...a);
  }
  return out;
}

/** Most elements whose parts are kept together (`for (const [method, path] of PAIRS)`). */
const MAX_ELEMENT_PARTS = 32;

/**
 * Part `key` of each element (`for (const [name, path] of Object.entries(T))`, `PAIRS.map(([method,
 * path]) => …)`, `for (const { method, path } of ACTIONS)`): every element is used, and the parts of
 * one element stay together (a `select` over the elements, like objects a conditional picks).
 */
export function evalElementPart(node: Node, scope: Scope, key: string, ctx: EvalContext, env: Env | undefined, d: number): Cand[] {
  node = unwrap(node);
  const entries: [string, Cand[]][] = [];
  if (node?.type === 'CallExpression' && isObjectCall(node, 'entries')) {
    const objs = objectsOf(node.arguments[0], scope, d);
    if (!objs || (key !== '0' && key !== '1')) return un(`part ${key} of the entries of ${describe(node.arguments[0])} cannot be resolved`);
    for (const { obj, scope: s } of objs) for (const p of obj.properties) {
      const k = p.type === 'Property' ? propertyKey(p) : undefined;
      entries.push([String(entries.length), k === undefined ? un('computed or spread entry') : key === '0' ? one(k) : evalStr(p.value, s, ctx, env, d)]);
    }
  } else {
    const arrays = arraysOf(node, scope, d);
    if (!arrays) return un(`the elements of ${describe(node)} cannot be resolved`);
    for (const { arr, scope: s } of arrays) for (const e of arr.elements) {
      entries.push([String(entries.length), !e || e.type === 'SpreadElement' ? un('spread element') : evalMember({ type: 'MemberExpression', object: e, property: { type: 'Identifier', name: key }, computed: false }, s, ctx, env, d + 1)]);
    }
  }
  if (entries.length === 0 || entries.length > MAX_ELEMENT_PARTS) return un(`${describe(node)} has ${entries.length ? 'too many' : 'no'} elements to follow`);
  if (entries.length === 1) return entries[0][1];
  return one({ r: 'select', table: describe(node), kid: `e:${ctx.at?.(0).file ?? ''}:${node.start}`, key: [], entries, branch: true });
}

/** Returns the candidates of each element of an array (`for (const p of PATHS)`, `Object.values(TABLE)`). */
export function evalElements(node: Node, scope: Scope, ctx: EvalContext, env: Env | undefined, d: number): Cand[] {
  node = unwrap(node);
  const arrays = arraysOf(node, scope, d);
  if (arrays) {
    let out: Cand[] = [];
    for (const { arr, scope: s } of arrays) for (const e of arr.elements) out = union(out, !e || e.type === 'SpreadElement' ? un('spread element') : evalStr(e, s, ctx, env, d));
    return out;
  }
  // `Object.values(TABLE)`, `Object.keys(TABLE)`.
  if (node?.type === 'CallExpression' && node.callee.type === 'MemberExpression' && node.callee.object.type === 'Identifier' && node.callee.object.name === 'Object') {
    const which = node.callee.property.name;
    const objs = objectsOf(node.arguments[0], scope, d);
    if (objs && (which === 'values' || which === 'keys')) {
      let out: Cand[] = [];
      for (const { obj, scope: s } of objs) for (const p of obj.properties) {
        const k = p.type === 'Property' ? propertyKey(p) : undefined;
        out = union(out, k === undefined ? un('computed or spread entry') : which === 'keys' ? one(k) : evalStr(p.value, s, ctx, env, d));
      }
      return out;
    }
  }
  return un(`the elements of ${describe(node)} cannot be resolved`);
}
