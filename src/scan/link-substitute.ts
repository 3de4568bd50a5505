import { candidateNote } from './candidate-note';
import { concat, literalOf, union } from './evaluate';
import { methodCands } from './evaluate-method';
import type { Cand, CallSite, MethodCand, RawCall, Ref } from './summary-types';

type ParamRef = Ref & { r: 'param' };

/** Most variants of one call when lookup tables are read with keys that cannot be known. */
const MAX_VARIANTS = 64;

/**
 * Rewrites candidates piece by piece: `f` returns the candidates a ref stands for (undefined keeps
 * it). Refs nested in lookup-table keys and entries are rewritten too, and a table whose key
 * becomes known is replaced by the entries it selects.
 */
export function mapRefs(cands: Cand[], f: (p: Ref, leading: boolean) => Cand[] | undefined): Cand[] {
  let out: Cand[] = [];
  for (const cand of cands) {
    if ('unresolved' in cand || cand.pieces.every((p) => typeof p === 'string')) { out.push(cand); continue; }
    // The common case, a helper passing its parameter straight on: the value replaces the whole candidate.
    if (cand.pieces.length === 1 && typeof cand.pieces[0] !== 'string' && cand.pieces[0].r !== 'select') {
      const whole = f(cand.pieces[0], true);
      if (whole) { out = out.concat(cand.note ? whole.map((v) => ('pieces' in v && !v.note ? { ...v, note: cand.note } : v)) : whole); continue; }
    }
    let acc: Cand[] = [cand.note ? { pieces: [], note: cand.note } : { pieces: [] }];
    cand.pieces.forEach((p, idx) => {
      if (typeof p === 'string') { acc = concat(acc, [{ pieces: [p] }]); return; }
      let vals = f(p, idx === 0);
      if (vals === undefined && p.r === 'select') vals = selectWith(p, mapRefs(p.key, f), p.entries.map(([k, e]) => [k, mapRefs(e, f)]));
      if (vals === undefined) { acc = concat(acc, [{ pieces: [p] }]); return; }
      // Only a value that starts the path decides the product path; later ones are parameters.
      if (idx > 0) vals = vals.map((v) => ('unresolved' in v ? { pieces: ['{}'] } : v));
      acc = concat(acc, vals);
    });
    out = out.concat(acc);
  }
  return out;
}

/** A lookup with its key rewritten: the selected entries once the key is literal, else the lookup kept. */
function selectWith(p: Ref & { r: 'select' }, key: Cand[], entries: [string, Cand[]][]): Cand[] {
  const keys = key.map(literalOf);
  if (keys.length > 0 && keys.every((k) => k !== undefined)) {
    let out: Cand[] = [];
    for (const k of keys) {
      const hit = entries.find(([name]) => name === k);
      out = union(out, hit ? hit[1] : [{ unresolved: `${p.table} has no entry ${k}` }]);
    }
    return out;
  }
  return [{ pieces: [{ ...p, key, entries }] }];
}

/** Returns what a call site passes for a parameter (or one property of it), its default when left out. */
export function argValue(site: Pick<CallSite, 'args' | 'argProps' | 'argFns'>, p: ParamRef): Cand[] {
  const arg = site.args[p.i];
  // `build(startAt)`: only a function passed there gives a value (what it returns).
  if (p.called && !site.argFns?.[p.i]) return [{ unresolved: `${p.name}(…) is not given a function that can be followed at this call site` }];
  if (p.key === undefined) return arg ?? p.dflt ?? [{ unresolved: `argument ${p.name} is not passed` }];
  if (arg === undefined) return p.dflt ?? [{ unresolved: `${p.key} is not passed` }];
  const props = site.argProps?.[p.i];
  if (!props) return [{ unresolved: `${p.key} is taken from an argument that cannot be resolved` }];
  return props[p.key] ?? p.dflt ?? [{ unresolved: `${p.key} is not passed` }];
}

/** Replaces the parameters of `fn` in candidates with a call site's arguments (or, without a site, "unknown"). */
export function substituteCands(cands: Cand[], fn: string, site: Pick<CallSite, 'args' | 'argProps' | 'argFns'> | undefined, why: string): Cand[] {
  return mapRefs(cands, (p) => (p.r !== 'param' || p.fn !== fn ? undefined : site ? argValue(site, p) : [{ unresolved: `the path comes from parameter ${p.name}${p.key !== undefined && p.name !== p.key ? `.${p.key}` : ''}, whose function ${why}` }]));
}

/** Replaces the parameters of `fn` in a call's paths and methods with a call site's arguments. */
export function substitute(c: RawCall, fn: string, site: CallSite | Pick<CallSite, 'args' | 'argProps'> | undefined, why: string): RawCall {
  const paths = substituteCands(c.paths, fn, site, why);
  const methods: MethodCand[] = [];
  for (const m of c.methods) {
    if ('value' in m) { methods.push(...methodCands(substituteCands([m.value], fn, site, why))); continue; }
    if (!('ref' in m) || m.ref.fn !== fn) { methods.push(m); continue; }
    if (!site) { methods.push({ unknown: `the method comes from parameter ${m.ref.name}, whose function ${why}` }); continue; }
    if (m.prop) {
      const given = 'argMethods' in site ? site.argMethods[m.ref.i] : undefined;
      methods.push(...(site.args[m.ref.i] === undefined ? [{ method: 'GET' }] : given ?? [{ unknown: `options ${m.ref.name} cannot be resolved` }]));
      continue;
    }
    methods.push(...methodCands(argValue(site, m.ref)));
  }
  return { ...c, paths, methods };
}

/** Visits every ref of a call's paths and methods, nested ones included. */
export function eachRef(c: RawCall, f: (p: Ref, leading: boolean) => void): void {
  const visit = (cands: Cand[]): void => {
    for (const cand of cands) {
      if (!('pieces' in cand)) continue;
      cand.pieces.forEach((p, idx) => {
        if (typeof p === 'string') return;
        f(p, idx === 0);
        if (p.r === 'select') { visit(p.key); for (const [, e] of p.entries) visit(e); }
        else if (p.r === 'call') for (const a of p.args) visit(a);
      });
    }
  };
  visit(c.paths);
  for (const m of c.methods) {
    if ('ref' in m) f(m.ref, true);
    else if ('value' in m) visit([m.value]);
  }
}

/** Returns the first helper whose parameter the candidates depend on (nested refs included). */
function paramFnOf(cands: Cand[]): string | undefined {
  for (const cand of cands) {
    if (!('pieces' in cand)) continue;
    for (const p of cand.pieces) {
      if (typeof p === 'string') continue;
      if (p.r === 'param') return p.fn;
      const inner = p.r === 'select' ? paramFnOf(p.key) ?? p.entries.map(([, e]) => paramFnOf(e)).find(Boolean) : p.r === 'call' ? p.args.map(paramFnOf).find(Boolean) : undefined;
      if (inner) return inner;
    }
  }
  return undefined;
}

/** Returns the first helper whose parameter the call still depends on. */
export function firstParamFn(c: RawCall): string | undefined {
  const inPaths = paramFnOf(c.paths);
  if (inPaths) return inPaths;
  for (const m of c.methods) {
    if ('ref' in m) return m.ref.fn;
    if ('value' in m) { const v = paramFnOf([m.value]); if (v) return v; }
  }
  return undefined;
}

/** True when any candidate holds a lookup-table ref. */
const hasSelect = (cands: Cand[]): boolean => cands.some((c) => 'pieces' in c && c.pieces.some((p) => typeof p !== 'string' && (p.r === 'select' || (p.r === 'call' && p.args.some(hasSelect)))));

/** How candidates use `fn`'s parameters: not at all, only as `route` segments, or otherwise (the path itself, a table key, ...). */
export function paramUse(cands: Cand[], fn: string): 'none' | 'segment' | 'other' {
  let use: 'none' | 'segment' | 'other' = 'none';
  for (const cand of cands) {
    if (!('pieces' in cand)) continue;
    for (let i = 0; i < cand.pieces.length; i++) {
      const p = cand.pieces[i];
      if (typeof p === 'string') continue;
      if (p.r === 'param') { if (p.fn === fn) { if (i === 0 || !p.seg) return 'other'; use = 'segment'; } continue; }
      const inner = p.r === 'select' ? [p.key, ...p.entries.map(([, e]) => e)] : p.r === 'call' ? p.args : [];
      for (const x of inner) if (paramUse(x, fn) !== 'none') return 'other';
    }
  }
  return use;
}

/**
 * The call with every `route` segment parameter read as `{}`, when those are its only refs and its
 * methods are known (the usual direct call in a function taking ids); undefined otherwise.
 */
export function segmentFallback(c: RawCall): RawCall | undefined {
  if (!c.paths.some((cand) => 'pieces' in cand && cand.pieces.length > 1)) return undefined;
  if (!c.methods.every((m) => 'method' in m)) return undefined;
  let any = false;
  const paths: Cand[] = [];
  for (const cand of c.paths) {
    if (!('pieces' in cand)) { paths.push(cand); continue; }
    let text = '';
    for (const p of cand.pieces) {
      if (typeof p === 'string') text += p;
      else if (p.r === 'param' && p.seg && text !== '') { text += '{}'; any = true; }
      else return undefined;
    }
    paths.push(cand.note ? { pieces: [text], note: cand.note } : { pieces: [text] });
  }
  return any ? { ...c, paths } : undefined;
}

/** True when every use of `fn`'s parameters in the call is a single path segment of a `route` (never the path or the method). */
export function onlySegments(c: RawCall, fn: string): boolean {
  for (const m of c.methods) if (('ref' in m && m.ref.fn === fn) || ('value' in m && paramUse([m.value], fn) !== 'none')) return false;
  return paramUse(c.paths, fn) === 'segment';
}

/**
 * A lookup whose key is still unknown when the call is finalised: one variant of the call per
 * table key, lookups with the same key kept together (`Method[action]` with `Segment[action]`),
 * each noted as one of several candidates.
 */
export function expandSelects(c: RawCall): RawCall[] {
  if (!hasSelect(c.paths) && !c.methods.some((m) => 'value' in m && hasSelect([m.value]))) return [c];
  const done: RawCall[] = [];
  const work: RawCall[] = [c];
  while (work.length > 0) {
    const cur = work.pop()!;
    let sel: (Ref & { r: 'select' }) | undefined;
    eachRef(cur, (p) => { if (!sel && p.r === 'select') sel = p; });
    if (!sel) { done.push(cur); continue; }
    const { kid, table } = sel;
    const keys = new Set<string>();
    eachRef(cur, (p) => { if (p.r === 'select' && p.kid === kid) for (const [k] of p.entries) keys.add(k); });
    if (keys.size === 0) { done.push({ ...cur, paths: [{ unresolved: `${table} has no entries` }] }); continue; }
    // The objects a conditional picks from are each a possible value, not candidates of an unknown key.
    const note = sel.branch ? undefined : candidateNote(table);
    for (const key of keys) {
      const pick = (cands: Cand[]): Cand[] => mapRefs(cands, (p) => (p.r === 'select' && p.kid === kid ? (p.entries.find(([k]) => k === key)?.[1] ?? [{ unresolved: `${p.table} has no entry ${key}` }]) : undefined)).map((v) => ('pieces' in v && note ? { ...v, note } : v));
      work.push({ ...cur, paths: pick(cur.paths), methods: cur.methods.flatMap((m) => ('value' in m ? methodCands(pick([m.value])) : [m])) });
    }
    // Several unknown keys multiply: beyond the cap the call is reported as unresolved rather than exploded.
    if (done.length + work.length > MAX_VARIANTS) return [{ ...c, paths: [{ unresolved: `more than ${MAX_VARIANTS} combinations of lookup-table entries` }] }];
  }
  return done;
}
