import type { Family } from '../catalog/types';
import { concat } from './evaluate';
import type { PathAliases } from './path-aliases';
import { resolveModule as resolveSpecifier } from './resolve-module';
import type { Cand, CallSite, ExportValue, FileSummary, MethodCand, Piece, RawCall, Ref } from './summary-types';
import type { CallPrincipal, Side, SourceLocation, UnresolvedFinding } from './types';

/** How deep helper chains (a helper calling a helper ...) are followed across call sites. */
export const MAX_HELPER_DEPTH = 4;

/** A call with a known path pattern and method, before catalog matching. */
export interface LinkedCall extends SourceLocation {
  family: Family;
  method: string;
  pattern: string;
  side: Side;
  principal: CallPrincipal;
  via?: SourceLocation[];
}

/** A call whose path is known but whose method is not; the matcher lists the template's methods. */
export interface MethodUnknown extends SourceLocation {
  family: Family;
  pattern: string;
  reason: string;
  side: Side;
  principal: CallPrincipal;
  via?: SourceLocation[];
}

/** Output of linking: calls with patterns, calls missing a method, and unresolved findings. */
export interface LinkResult {
  calls: LinkedCall[];
  methodUnknown: MethodUnknown[];
  unresolved: UnresolvedFinding[];
}

/** Joins file summaries: resolves imported constants and helper parameters at every call site. */
export function linkSummaries(summaries: readonly FileSummary[], aliases?: PathAliases): LinkResult {
  const byFile = new Map(summaries.map((s) => [s.file, s]));
  const files = new Set(byFile.keys());
  const resolveModule = (from: string, source: string, scanned: ReadonlySet<string>) => resolveSpecifier(from, source, scanned, aliases);

  const resolveExport = (file: string, name: string, depth = 0): { value: ExportValue; file: string } | undefined => {
    const s = byFile.get(file);
    if (!s || depth > 8) return undefined;
    const v = s.exports[name];
    if (v && 'source' in v) {
      const target = resolveModule(file, v.source, files);
      return target ? resolveExport(target, v.name, depth + 1) : undefined;
    }
    if (v) return { value: v, file };
    for (const src of s.exportAll) {
      const target = resolveModule(file, src, files);
      const r = target ? resolveExport(target, name, depth + 1) : undefined;
      if (r) return r;
    }
    return undefined;
  };

  // Imported constants and path builders are replaced in the file that imports them, so
  // specifiers stay relative to it.
  const resolveImports = (cands: Cand[], file: string, depth = 0): Cand[] => {
    if (!cands.some((c) => 'pieces' in c && c.pieces.some((p) => typeof p !== 'string' && p.r !== 'param'))) return cands;
    let out: Cand[] = [];
    for (const c of cands) {
      if ('unresolved' in c) { out.push(c); continue; }
      let acc: Cand[] = [{ pieces: [] }];
      c.pieces.forEach((p, idx) => {
        if (typeof p === 'string' || p.r === 'param') { acc = concat(acc, [{ pieces: [p] }]); return; }
        const target = resolveModule(file, p.source, files);
        const ex = target && depth < 8 ? resolveExport(target, p.name) : undefined;
        let vals: Cand[];
        if (p.r === 'import') {
          vals = ex && 'cands' in ex.value ? resolveImports(ex.value.cands, ex.file, depth + 1) : [{ unresolved: `${p.name} imported from ${p.source} cannot be resolved` }];
        } else if (ex && 'fn' in ex.value && ex.value.returns) {
          // The builder's parameters take this call's arguments (already resolved in this file).
          const args = p.args.map((a) => resolveImports(a, file, depth + 1));
          const site: CallSite = { loc: { file, line: 0, column: 0 }, target: { fn: ex.value.fn }, args, argMethods: [] };
          vals = substituteCands(resolveImports(ex.value.returns, ex.file, depth + 1), ex.value.fn, site, '');
        } else {
          vals = [{ unresolved: `the result of ${p.name}(…) from ${p.source} cannot be resolved` }];
        }
        if (idx > 0) vals = vals.map((v) => ('unresolved' in v ? { pieces: ['{}'] } : v));
        acc = concat(acc, vals);
      });
      out = out.concat(acc);
    }
    return out;
  };

  const sitesByFn = new Map<string, CallSite[]>();
  for (const s of summaries) {
    for (const site of s.callSites) {
      let fn: string | undefined;
      if ('fn' in site.target) fn = site.target.fn;
      else {
        const target = resolveModule(s.file, site.target.source, files);
        const ex = target ? resolveExport(target, site.target.name) : undefined;
        if (ex && 'fn' in ex.value) fn = ex.value.fn;
      }
      if (!fn) continue;
      const resolved: CallSite = { ...site, args: site.args.map((a) => resolveImports(a, s.file)) };
      (sitesByFn.get(fn) ?? sitesByFn.set(fn, []).get(fn)!).push(resolved);
    }
  }

  const result: LinkResult = { calls: [], methodUnknown: [], unresolved: summaries.flatMap((s) => s.unresolved) };
  const seen = new Set<string>();
  for (const s of summaries) {
    for (const call of s.calls) {
      const queue: { call: RawCall; depth: number }[] = [{ call: { ...call, paths: resolveImports(call.paths, s.file) }, depth: 0 }];
      while (queue.length > 0) {
        const { call: c, depth } = queue.pop()!;
        const fn = firstParamFn(c);
        if (!fn) { finalize(c, result, seen); continue; }
        const sites = sitesByFn.get(fn) ?? [];
        if (sites.length === 0 || depth >= MAX_HELPER_DEPTH) {
          const why = sites.length === 0 ? 'has no call site in the scanned files' : `is passed through more than ${MAX_HELPER_DEPTH} helpers`;
          queue.push({ call: substitute(c, fn, undefined, why), depth });
          continue;
        }
        // A recursive helper calls itself: that call site adds no new path, only a loop.
        const chain = [c.loc, ...c.via];
        const fresh = sites.filter((site) => !chain.some((l) => l.file === site.loc.file && l.line === site.loc.line && l.column === site.loc.column));
        if (fresh.length === 0) { queue.push({ call: substitute(c, fn, undefined, 'is only called by itself'), depth }); continue; }
        for (const site of fresh) queue.push({ call: { ...substitute(c, fn, site, ''), loc: site.loc, via: chain }, depth: depth + 1 });
      }
    }
  }
  return result;
}

function firstParamFn(c: RawCall): string | undefined {
  for (const cand of c.paths) if ('pieces' in cand) for (const p of cand.pieces) if (typeof p !== 'string' && p.r === 'param') return p.fn;
  for (const m of c.methods) if ('ref' in m) return m.ref.fn;
  return undefined;
}

/** Returns what a call site passes for a parameter (or one property of it), its default when left out. */
function argValue(site: CallSite, p: Ref & { r: 'param' }): Cand[] {
  const arg = site.args[p.i];
  if (p.key === undefined) return arg ?? p.dflt ?? [{ unresolved: `argument ${p.name} is not passed` }];
  if (arg === undefined) return p.dflt ?? [{ unresolved: `${p.key} is not passed` }];
  const props = site.argProps?.[p.i];
  if (!props) return [{ unresolved: `${p.key} is destructured from an argument that cannot be resolved` }];
  return props[p.key] ?? p.dflt ?? [{ unresolved: `${p.key} is not passed` }];
}

/** Replaces the parameters of `fn` in path candidates with a call site's arguments (or, without a site, "unknown"). */
function substituteCands(cands: Cand[], fn: string, site: CallSite | undefined, why: string): Cand[] {
  const paths: Cand[] = [];
  for (const cand of cands) {
    if ('unresolved' in cand || !cand.pieces.some((p) => typeof p !== 'string' && p.r === 'param' && p.fn === fn)) { paths.push(cand); continue; }
    let acc: Cand[] = [{ pieces: [] }];
    cand.pieces.forEach((p: Piece, idx) => {
      if (typeof p === 'string' || p.r !== 'param' || p.fn !== fn) { acc = concat(acc, [{ pieces: [p] }]); return; }
      let vals: Cand[] = site ? argValue(site, p) : [{ unresolved: `the path comes from parameter ${p.name}, whose function ${why}` }];
      // Only a value that starts the path decides the product path; later ones are parameters.
      if (idx > 0) vals = vals.map((v) => ('unresolved' in v ? { pieces: ['{}'] } : v));
      acc = concat(acc, vals);
    });
    paths.push(...acc);
  }
  return paths;
}

/** Replaces the parameters of `fn` with a call site's arguments (or, without a site, with "unknown"). */
function substitute(c: RawCall, fn: string, site: CallSite | undefined, why: string): RawCall {
  const paths = substituteCands(c.paths, fn, site, why);
  const methods: MethodCand[] = [];
  for (const m of c.methods) {
    if (!('ref' in m) || m.ref.fn !== fn) { methods.push(m); continue; }
    if (!site) { methods.push({ unknown: `the method comes from parameter ${m.ref.name}, whose function ${why}` }); continue; }
    if (m.prop) { methods.push(...(site.args[m.ref.i] === undefined ? [{ method: 'GET' }] : site.argMethods[m.ref.i] ?? [{ unknown: `options ${m.ref.name} cannot be resolved` }])); continue; }
    for (const v of argValue(site, m.ref)) {
      if ('pieces' in v && v.pieces.length === 1 && typeof v.pieces[0] === 'string') methods.push({ method: v.pieces[0].toUpperCase() });
      else if ('pieces' in v && v.pieces.length === 1 && typeof v.pieces[0] !== 'string' && v.pieces[0].r === 'param') methods.push({ ref: v.pieces[0], prop: false });
      else methods.push({ unknown: 'unresolved' in v ? v.unresolved : 'method cannot be resolved' });
    }
  }
  return { ...c, paths, methods };
}

const stripQuery = (p: string): string => p.replace(/[?#].*$/s, '');

function finalize(c: RawCall, out: LinkResult, seen: Set<string>): void {
  const base = { ...c.loc, side: c.side, principal: c.principal, ...(c.via.length > 0 ? { via: c.via } : {}) };
  const add = (key: string, f: () => void): void => { if (!seen.has(key)) { seen.add(key); f(); } };
  const where = `${c.loc.file}:${c.loc.line}:${c.loc.column}`;
  for (const p of c.paths) {
    if ('unresolved' in p) {
      add(`u|${where}|${p.unresolved}`, () => out.unresolved.push({ ...base, kind: 'path', family: c.family, reason: p.unresolved, candidates: [] }));
      continue;
    }
    if (p.pieces.some((x) => typeof x !== 'string')) {
      add(`u|${where}|ref`, () => out.unresolved.push({ ...base, kind: 'path', family: c.family, reason: 'the path depends on values that could not be linked', candidates: [] }));
      continue;
    }
    const pattern = stripQuery(p.pieces.join(''));
    for (const m of c.methods) {
      if ('method' in m) add(`c|${where}|${m.method}|${pattern}`, () => out.calls.push({ ...base, family: c.family, method: m.method, pattern }));
      else { const reason = 'unknown' in m ? m.unknown : 'method cannot be resolved'; add(`m|${where}|${pattern}|${reason}`, () => out.methodUnknown.push({ ...base, family: c.family, pattern, reason })); }
    }
  }
}
