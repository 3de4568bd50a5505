import { unwrap } from './forge-values';
import type { Node, Scope } from './scope';
import type { Cand, CallSite, ParamGuard } from './summary-types';

/**
 * Branch conditions on a helper's parameters (`switch (method) { case 'get': … }`, `if (!body) … else …`),
 * so that each call site of the helper keeps only the requests of the branches its arguments select.
 * Only tests the scanner can evaluate from a literal argument are kept; anything else is no guard.
 */

/** What a branch requires of a value: truthy or falsy, or (not) one of some literals (`fold`: compared lower-cased). */
export type GuardTest = { k: 'truthy' | 'falsy' | 'nullish' | 'present' } | { k: 'in' | 'notIn'; values: string[]; fold?: true };

/** A condition the walk found on the way to a call: a subject name (or its property `key`: `opts.body`) and the test its value passes there. */
export interface BranchGuard { subject: Node; key?: string; scope: Scope; test: GuardTest }

const CASE_FOLD = new Set(['toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase']);
const TERMINATORS = new Set(['ReturnStatement', 'ThrowStatement', 'BreakStatement', 'ContinueStatement']);

/** `x` or `x.key` (a name or one property of it): the identifier and key, undefined for anything else. */
function named(n: Node): { id: Node; key?: string } | undefined {
  n = unwrap(n);
  if (n?.type === 'Identifier') return { id: n };
  if (n?.type === 'MemberExpression' && !n.computed && n.property?.type === 'Identifier' && unwrap(n.object)?.type === 'Identifier') return { id: unwrap(n.object), key: n.property.name };
  return undefined;
}

/** `x`, `opts.x` or either `.toLowerCase()`: the identifier (and key) tested, and whether its case is folded. */
function subjectOf(n: Node): { id: Node; key?: string; fold?: true } | undefined {
  const direct = named(n);
  if (direct) return direct;
  n = unwrap(n);
  const c = n?.type === 'CallExpression' && n.arguments.length === 0 ? unwrap(n.callee) : undefined;
  const inner = c?.type === 'MemberExpression' && !c.computed && CASE_FOLD.has(c.property.name) ? named(c.object) : undefined;
  return inner && { ...inner, fold: true };
}

const literal = (n: Node): string | undefined => {
  n = unwrap(n);
  if (n?.type === 'Literal' && (typeof n.value === 'string' || typeof n.value === 'number')) return String(n.value);
  if (n?.type === 'TemplateLiteral' && n.expressions.length === 0) return n.quasis[0].value.cooked ?? undefined;
  return undefined;
};

const OPPOSITE = { truthy: 'falsy', falsy: 'truthy', nullish: 'present', present: 'nullish', in: 'notIn', notIn: 'in' } as const;
const negate = (t: GuardTest): GuardTest => ({ ...t, k: OPPOSITE[t.k] }) as GuardTest;
const isNullish = (n: Node): boolean => { n = unwrap(n); return (n?.type === 'Identifier' && n.name === 'undefined') || (n?.type === 'Literal' && n.value === null && n.raw === 'null'); };

/** The test an `if` condition puts on a value: `x`, `!x`, `x === 'a'`, `x.toLowerCase() !== 'a'`; undefined for anything else. */
function testOf(test: Node): { subject: Node; key?: string; test: GuardTest } | undefined {
  test = unwrap(test);
  if (test?.type === 'UnaryExpression' && test.operator === '!') {
    const inner = testOf(test.argument);
    return inner && { ...inner, test: negate(inner.test) };
  }
  const whole = named(test);
  if (whole) return { subject: whole.id, ...(whole.key !== undefined ? { key: whole.key } : {}), test: { k: 'truthy' } };
  if (test?.type !== 'BinaryExpression' || !['===', '!==', '==', '!='].includes(test.operator)) return undefined;
  // `x === undefined`, `x == null`: whether the call site passes a value at all.
  const other = isNullish(test.right) ? test.left : isNullish(test.left) ? test.right : undefined;
  const o = other ? named(other) : undefined;
  if (o) return { subject: o.id, ...(o.key !== undefined ? { key: o.key } : {}), test: { k: test.operator.startsWith('!') ? 'present' : 'nullish' } };
  const [s, v] = subjectOf(test.left) ? [subjectOf(test.left), literal(test.right)] : [subjectOf(test.right), literal(test.left)];
  if (!s || v === undefined) return undefined;
  const eq: GuardTest = { k: 'in', values: [s.fold ? v.toLowerCase() : v], ...(s.fold ? { fold: true as const } : {}) };
  return { subject: s.id, ...(s.key !== undefined ? { key: s.key } : {}), test: test.operator.startsWith('!') ? negate(eq) : eq };
}

/** Only a test of a parameter can be told at call sites: others (`if (!res.ok)`) are not carried along the walk. */
const isParam = (id: Node, scope: Scope): boolean => scope.lookup(id.name)?.param !== undefined;

/** The guards of an `if`'s two branches (either undefined when the condition is not a simple test of a name). */
export function ifGuards(test: Node, scope: Scope): [BranchGuard | undefined, BranchGuard | undefined] {
  const t = testOf(test);
  return t && isParam(t.subject, scope) ? [{ ...t, scope }, { ...t, scope, test: negate(t.test) }] : [undefined, undefined];
}

/** True when a statement always leaves the enclosing block (`return`, `throw`, or a block ending in one). */
export function terminates(st: Node): boolean {
  if (!st) return false;
  if (TERMINATORS.has(st.type)) return st.type !== 'BreakStatement' && st.type !== 'ContinueStatement';
  return st.type === 'BlockStatement' && st.body.length > 0 && terminates(st.body[st.body.length - 1]);
}

/**
 * The guard of each case of `switch (x)` (or `switch (x.toLowerCase())`) with literal cases: a case
 * is reached by its own value and those of the empty cases right above it; `default` by any other
 * value. A case reached by falling through code, or any case when some test is not a literal, has none.
 */
export function switchGuards(node: Node, scope: Scope): (BranchGuard | undefined)[] {
  const s = subjectOf(node.discriminant);
  const cases: Node[] = node.cases;
  const none = cases.map(() => undefined);
  if (!s || !isParam(s.id, scope)) return none;
  const values = cases.map((c) => (c.test ? literal(c.test) : null));
  if (values.some((v) => v === undefined)) return none;
  const fold = (v: string): string => (s.fold ? v.toLowerCase() : v);
  const key = s.key !== undefined ? { key: s.key } : {};
  const ends = (c: Node): boolean => c.consequent.length > 0 && TERMINATORS.has(c.consequent[c.consequent.length - 1].type);
  return cases.map((c, i) => {
    const reached: (string | null)[] = [values[i] as string | null];
    for (let j = i - 1; j >= 0; j--) {
      if (cases[j].consequent.length > 0) { if (!ends(cases[j])) return undefined; break; }
      reached.push(values[j] as string | null);
    }
    const foldFlag = s.fold ? { fold: true as const } : {};
    if (reached.includes(null)) {
      // `default`: any value but the other cases' (those reaching it by empty fall-through count as its own).
      const others = values.filter((v, j): v is string => typeof v === 'string' && !reached.includes(v) && j !== i);
      return { subject: s.id, ...key, scope, test: { k: 'notIn', values: others.map(fold), ...foldFlag } };
    }
    return { subject: s.id, ...key, scope, test: { k: 'in', values: (reached as string[]).map(fold), ...foldFlag } };
  });
}

/** The guards on a helper's parameters among those the walk found (others cannot be told at call sites). */
export function paramGuards(guards: readonly BranchGuard[] | undefined): ParamGuard[] | undefined {
  if (!guards) return undefined;
  const out: ParamGuard[] = [];
  for (const g of guards) {
    const b = g.scope.lookup(g.subject.name);
    const p = b?.reassigned ? undefined : b?.param;
    if (!p || p.rest) continue;
    // `opts.body` of a plain parameter, or `{ body }` destructured in the parameter list: one property of the argument.
    if (g.key !== undefined && p.key !== undefined) continue;
    // A property the helper sets itself (`opts.method = opts.method || 'GET'`, `Object.assign(opts, …)`) no longer holds the caller's.
    if (g.key !== undefined && b!.memberAssigns?.some((a) => a.key === undefined || a.key === '*' || a.key === g.key)) continue;
    const key = g.key ?? p.key;
    // A default of the whole parameter (`opts = {}`) says nothing of one property; one of a destructured property (`{ body = null }`) does.
    const dflt = p.dflt && g.key === undefined ? { dflt: true as const } : {};
    out.push({ fn: p.fn, i: p.i, ...(key !== undefined ? { key } : {}), ...dflt, test: g.test });
  }
  return out.length ? out : undefined;
}

/** What a call site passes for one parameter: literal strings, absent, truthy or falsy, or unknown. */
function holds(test: GuardTest, arg: Cand[] | undefined, truth: boolean | undefined): boolean | undefined {
  if (!arg) return test.k === 'falsy' || test.k === 'notIn' || test.k === 'nullish';
  const lits = arg.map((c) => ('pieces' in c && c.pieces.length === 1 && typeof c.pieces[0] === 'string' ? c.pieces[0] : undefined));
  if (lits.some((l) => l === undefined)) {
    // An object literal is truthy and present; a `null` or `''` is falsy, but only `null` is nullish.
    if (truth === undefined || test.k === 'in' || test.k === 'notIn') return undefined;
    if (test.k === 'truthy' || test.k === 'falsy') return (test.k === 'truthy') === truth;
    return truth ? test.k === 'present' : undefined;
  }
  const each = (lits as string[]).map((l) => {
    if (test.k === 'truthy') return l !== '';
    if (test.k === 'falsy') return l === '';
    if (test.k === 'present' || test.k === 'nullish') return test.k === 'present';
    const found = 'values' in test && test.values.includes(test.fold ? l.toLowerCase() : l);
    return test.k === 'in' ? found : !found;
  });
  return each.every(Boolean) ? true : each.some(Boolean) ? undefined : false;
}

/** The caller's parameter an argument is, when it is exactly one. */
function paramRef(arg: Cand[] | undefined) {
  const p = arg?.length === 1 && 'pieces' in arg[0] && arg[0].pieces.length === 1 ? arg[0].pieces[0] : undefined;
  return p !== undefined && typeof p !== 'string' && p.r === 'param' ? p : undefined;
}

/**
 * A guard on one property of an argument at a site: false when the object literal passed selects
 * another branch; the guard moved to the caller's parameter when the whole argument (or the
 * property) is one; undefined when it holds or cannot be told (an object built elsewhere or changed after).
 */
function keyedGuard(g: ParamGuard, key: string, site: CallSite): ParamGuard | false | undefined {
  const arg = site.args[g.i];
  const ref = paramRef(arg);
  if (ref && ref.key === undefined) return { fn: ref.fn, i: ref.i, key, test: g.test };
  const props = site.argProps?.[g.i];
  if (!props || site.argOpen?.[g.i]) return undefined;
  const value = props[key];
  const inner = paramRef(value);
  if (inner) return inner.key === undefined ? { fn: inner.fn, i: inner.i, ...(inner.dflt ? { dflt: true as const } : {}), test: g.test } : { fn: inner.fn, i: inner.i, key: inner.key, test: g.test };
  if (!value && g.dflt) return undefined;
  return holds(g.test, value, undefined) === false ? false : undefined;
}

/**
 * Applies a call's guards on `fn`'s parameters at one of `fn`'s call sites: false when the site's
 * arguments select another branch; otherwise the guards still to check further up (a guard whose
 * parameter is passed on from the caller's own parameter moves to that one).
 */
export function applyGuards(guards: readonly ParamGuard[] | undefined, fn: string, site: CallSite): ParamGuard[] | false | undefined {
  if (!guards) return undefined;
  const out: ParamGuard[] = [];
  for (const g of guards) {
    if (g.fn !== fn) { out.push(g); continue; }
    if (g.key !== undefined) {
      const moved = keyedGuard(g, g.key, site);
      if (moved === false) return false;
      if (moved) out.push(moved);
      continue;
    }
    const arg = site.args[g.i];
    const ref = paramRef(arg);
    if (ref && ref.key === undefined) { out.push({ fn: ref.fn, i: ref.i, ...(ref.dflt ? { dflt: true as const } : {}), test: g.test }); continue; }
    if (!arg && g.dflt) continue;
    const ok = holds(g.test, arg, site.argTruth?.[g.i]);
    if (ok === false) return false;
  }
  return out.length ? out : undefined;
}
