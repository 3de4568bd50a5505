import type { Family } from '../catalog/types';
import { applyGuards } from './guards';
import { finalizeCall, type LinkResult } from './link-finalize';
import { expandSelects, firstParamFn, mapRefs, onlySegments, paramUse, segmentFallback, substitute, substituteCands } from './link-substitute';
import type { PathAliases } from './path-aliases';
import { resolveModule as resolveSpecifier } from './resolve-module';
import type { Cand, CallSite, ExportValue, FileSummary, ImportedTarget, RawCall } from './summary-types';
import type { SourceLocation } from './types';

export type { LinkResult, LinkedCall, MethodUnknown, LinkedLink } from './link-finalize';

/** How deep helper chains (a helper calling a helper ...) are followed across call sites. */
export const MAX_HELPER_DEPTH = 5;
const MAX_RESOLVE_DEPTH = 8;

/** Tells whether a path pattern and method match a catalog operation (so a `route` segment parameter need not be followed). */
export type ResolvesFn = (family: Family, method: string | undefined, pattern: string) => boolean;

/** Joins file summaries: resolves imported constants, tables and helpers, and helper parameters at every call site. */
export function linkSummaries(summaries: readonly FileSummary[], aliases?: PathAliases, resolves?: ResolvesFn): LinkResult {
  const byFile = new Map(summaries.map((s) => [s.file, s]));
  const files = new Set(byFile.keys());
  const resolveModule = (from: string, source: string) => resolveSpecifier(from, source, files, aliases);

  const resolveExport = (file: string, name: string, depth = 0): { value: ExportValue; file: string } | undefined => {
    const s = byFile.get(file);
    if (!s || depth > MAX_RESOLVE_DEPTH) return undefined;
    const v = s.exports[name];
    if (v && 'source' in v) {
      const target = resolveModule(file, v.source);
      return target ? resolveTarget(target, v, depth + 1) : undefined;
    }
    if (v) return { value: v, file };
    for (const src of s.exportAll) {
      const target = resolveModule(file, src);
      const r = target ? resolveExport(target, name, depth + 1) : undefined;
      if (r) return r;
    }
    return undefined;
  };

  /** Follows an imported value's member path (`default`, `()`, `get`) to what it names. */
  const resolveTarget = (file: string, t: Omit<ImportedTarget, 'source'> & { source?: string }, depth = 0): { value: ExportValue; file: string } | undefined => {
    if (depth > MAX_RESOLVE_DEPTH) return undefined;
    const members = [...(t.member ?? [])];
    let cur: { value: ExportValue; file: string } | undefined;
    if (t.name === '*' || (t.name === 'default' && !byFile.get(file)?.exports.default && members.length > 0)) {
      // A namespace (or CommonJS `module.exports = { … }` imported as default): the first member names the export.
      const first = members.shift();
      cur = resolveExport(file, first === undefined || first === '()' ? 'default' : first, depth + 1);
      if (first === '()') members.unshift('()');
      // `module.exports = jira` (an object defined above) required whole: `jira.get` is a member of that default export.
      else if (!cur && first !== undefined && t.name === '*') {
        const whole = resolveExport(file, 'default', depth + 1);
        cur = whole ? memberOf(whole, first, depth + 1) : undefined;
      }
    } else cur = resolveExport(file, t.name, depth + 1);
    for (const step of members) {
      if (!cur) return undefined;
      cur = memberOf(cur, step, depth + 1);
    }
    return cur;
  };

  const memberOf = (cur: { value: ExportValue; file: string }, step: string, depth: number): { value: ExportValue; file: string } | undefined => {
    const v = cur.value;
    if ('source' in v) {
      const target = resolveModule(cur.file, v.source);
      return target ? resolveTarget(target, { ...v, member: [...(v.member ?? []), step] }, depth + 1) : undefined;
    }
    // Calling a function gives what it returns; constructing a class gives an instance with its members.
    if (step === '()') return 'fn' in v ? (v.result ? { value: v.result, file: cur.file } : undefined) : 'members' in v ? cur : undefined;
    if (!('members' in v)) return undefined;
    if (v.members[step]) return { value: v.members[step], file: cur.file };
    if (v.extends) {
      const target = resolveModule(cur.file, v.extends.source);
      return target ? resolveTarget(target, { ...v.extends, member: [...(v.extends.member ?? []), '()', step] }, depth + 1) : undefined;
    }
    return undefined;
  };

  // Imported constants, tables and path builders are replaced in the file that imports them, so
  // specifiers stay relative to it.
  const needsImports = (cands: Cand[]): boolean => cands.some((c) => 'pieces' in c && c.pieces.some((p) => typeof p !== 'string' && (p.r === 'import' || p.r === 'call' || (p.r === 'select' && (!!p.from || needsImports(p.key) || p.entries.some(([, e]) => needsImports(e)))))));
  const resolveImports = (cands: Cand[], file: string, depth = 0): Cand[] => (!needsImports(cands) ? cands : mapRefs(cands, (p) => {
    if (p.r === 'param' || p.r === 'link') return undefined;
    if (p.r === 'select') {
      if (!p.from) return undefined;
      const target = resolveModule(file, p.from.source);
      const table = target && depth < MAX_RESOLVE_DEPTH ? resolveTarget(target, { name: p.from.name }) : undefined;
      if (!table || !('members' in table.value)) return [{ unresolved: `${p.table} imported from ${p.from.source} cannot be resolved` }];
      const args = p.args?.map((a) => resolveImports(a, file, depth + 1));
      const entries: [string, Cand[]][] = Object.keys(table.value.members).map((k) => {
        const e = memberPath(table, [k, ...(p.from!.member ?? [])]);
        if (e && 'cands' in e.value && !args) return [k, resolveImports(e.value.cands, e.file, depth + 1)];
        // A table of path builders (`REPORTS[name](key)`): each entry called with this call's arguments.
        if (e && 'fn' in e.value && e.value.returns && args) return [k, substituteCands(resolveImports(e.value.returns, e.file, depth + 1), e.value.fn, { args }, '')];
        return [k, [{ unresolved: `${p.table}.${k}${args ? '(…)' : ''} cannot be resolved` }]];
      });
      const { from: _from, args: _args, ...local } = p;
      return [{ pieces: [{ ...local, key: resolveImports(p.key, file, depth + 1), entries }] }];
    }
    const target = resolveModule(file, p.source);
    const ex = target && depth < MAX_RESOLVE_DEPTH ? resolveTarget(target, p) : undefined;
    const what = `${[p.name === '*' || p.name === 'default' ? '' : p.name, ...(p.member ?? [])].filter(Boolean).join('.') || p.name}`;
    if (p.r === 'import') return ex && 'cands' in ex.value ? resolveImports(ex.value.cands, ex.file, depth + 1) : [{ unresolved: `${what} imported from ${p.source} cannot be resolved` }];
    if (ex && 'fn' in ex.value && ex.value.returns) {
      // The builder's parameters take this call's arguments (already resolved in this file).
      const args = p.args.map((a) => resolveImports(a, file, depth + 1));
      return substituteCands(resolveImports(ex.value.returns, ex.file, depth + 1), ex.value.fn, { args }, '');
    }
    return [{ unresolved: `the result of ${what}(…) from ${p.source} cannot be resolved` }];
  }));

  const memberPath = (start: { value: ExportValue; file: string }, steps: string[]): { value: ExportValue; file: string } | undefined => {
    let cur: { value: ExportValue; file: string } | undefined = start;
    for (const s of steps) cur = cur ? memberOf(cur, s, 0) : undefined;
    return cur;
  };

  const exportOfTarget = (file: string, target: ImportedTarget): ExportValue | undefined => {
    const module = resolveModule(file, target.source);
    return module ? resolveTarget(module, target)?.value : undefined;
  };
  const fnOf = (file: string, target: CallSite['target']): string | undefined => {
    if ('fn' in target) return target.fn;
    if ('param' in target) return undefined;
    const ex = exportOfTarget(file, target);
    return ex && 'fn' in ex ? ex.fn : undefined;
  };

  // Calls of a request function another app module exports (`export const { requestConfluence } = api.asUser()`).
  const importedRequests = new Map<string, RawCall[]>();
  const sitesByFn = new Map<string, CallSite[]>();
  for (const s of summaries) {
    for (const site of s.callSites) {
      const ex = 'fn' in site.target || 'param' in site.target ? undefined : exportOfTarget(s.file, site.target);
      if (ex && 'forge' in ex && ex.forge === 'request') (importedRequests.get(s.file) ?? importedRequests.set(s.file, []).get(s.file)!).push(requestAt(s, site, ex));
      const fn = 'fn' in site.target ? site.target.fn : ex && 'fn' in ex ? ex.fn : undefined;
      if (!fn) continue;
      const bound = site.bound?.map((b) => ({ ...b, target: { fn: fnOf(s.file, b.target) ?? '' }, args: b.args.map((a) => resolveImports(a, s.file)) })).filter((b) => b.target.fn);
      const resolved: CallSite = { ...site, args: site.args.map((a) => resolveImports(a, s.file)), ...(site.argProps ? { argProps: site.argProps.map((p) => p && Object.fromEntries(Object.entries(p).map(([k, v]) => [k, resolveImports(v, s.file)]))) } : {}), ...(bound?.length ? { bound } : {}) };
      (sitesByFn.get(fn) ?? sitesByFn.set(fn, []).get(fn)!).push(resolved);
    }
  }
  // `get(path)` with `get` a parameter of `collect`: a call of whatever each call site of `collect`
  // passes there (`collect(this.get, …)`), linked back to that call site only.
  for (const s of summaries) {
    for (const site of s.callSites) {
      if (!('param' in site.target)) continue;
      const { param, i } = site.target;
      for (const caller of sitesByFn.get(param) ?? []) {
        const passed = caller.argFns?.[i];
        const fn = passed ? fnOf(caller.loc.file, passed) : undefined;
        if (!fn) continue;
        const derived: CallSite = { ...site, target: { fn }, args: site.args.map((a) => resolveImports(a, s.file)), from: { fn: param, loc: caller.loc } };
        (sitesByFn.get(fn) ?? sitesByFn.set(fn, []).get(fn)!).push(derived);
      }
    }
  }

  // `jira.requestJira(…)` on an imported object: the principal it is when the app module exports one.
  const withPrincipal = (file: string, call: RawCall): RawCall | undefined => {
    if (!call.principalFrom) return call;
    const found = new Set(call.principalFrom.targets.map((t) => { const v = exportOfTarget(file, t); return v && 'forge' in v && v.forge === 'principal' ? v.principal : undefined; }));
    const { principalFrom, ...rest } = call;
    if (found.size === 1 && !found.has(undefined)) return { ...rest, principal: [...found][0]! };
    return principalFrom.pending ? undefined : rest;
  };

  const result: LinkResult = { calls: [], methodUnknown: [], unresolved: summaries.flatMap((s) => s.unresolved), links: [], egress: [] };
  const seen = new Map<SourceLocation, Set<string>>();
  const finalize = (c: RawCall): void => { for (const v of expandSelects(c)) finalizeCall(v, result, seen); };
  for (const s of summaries) {
    for (const own of [...s.calls, ...(importedRequests.get(s.file) ?? [])]) {
      const call = withPrincipal(s.file, own);
      if (!call) continue;
      const start: RawCall = needsImports(call.paths) || call.methods.some((m) => 'value' in m) ? { ...call, paths: resolveImports(call.paths, s.file), methods: call.methods.map((m) => ('value' in m ? { value: resolveImports([m.value], s.file)[0] } : m)) } : call;
      // `only`: a call that went through a function passed as an argument goes back to the call site that passed it.
      const queue: { call: RawCall; depth: number; only?: CallSite['from'] }[] = [{ call: start, depth: 0 }];
      while (queue.length > 0) {
        const item = queue.pop()!;
        const depth = item.depth;
        let c = item.call;
        // A parameter that fills one `route` segment matters only if it selects the operation.
        const quick = segmentFallback(c);
        if (quick && settles(quick, resolves)) { finalize(quick); continue; }
        const fn = firstParamFn(c);
        if (!fn) { finalize(c); continue; }
        // Candidates that do not depend on this helper's parameters (a default, a followed link) stay where they are.
        const [own, moving] = splitByParam(c, fn);
        if (own) finalize(own);
        if (!moving) continue;
        c = moving;
        // A segment parameter that selects the operation is followed; one that does not is `{}`. An
        // egress URL whose host is written out, up to a `/`, `?`, `#` or port, does not move to the
        // helper's callers either (`https://host${path}`: the caller's path may still end the host).
        if (onlySegments(c, fn) || (c.kind.k === 'egress' && c.paths.every((p) => 'pieces' in p && typeof p.pieces[0] === 'string' && WRITTEN_HOST.test(p.pieces[0])))) {
          const fallback = substitute(c, fn, undefined, 'is not needed');
          if (!firstParamFn(fallback) && settles(fallback, resolves)) { finalize(fallback); continue; }
        }
        const only = item.only?.fn === fn ? item.only.loc : undefined;
        const all = sitesByFn.get(fn) ?? [];
        const sites = only ? all.filter((site) => sameLoc(site.loc, only)) : all;
        if (sites.length === 0 || depth >= MAX_HELPER_DEPTH) {
          const why = sites.length === 0 ? 'has no call site in the scanned files' : `is passed through more than ${MAX_HELPER_DEPTH} helpers`;
          queue.push({ call: substitute(c, fn, undefined, why), depth });
          continue;
        }
        // A recursive helper calls itself: that call site adds no new path, only a loop.
        const chain = [c.loc, ...c.via];
        const fresh = sites.filter((site) => !chain.some((l) => sameLoc(l, site.loc)));
        if (fresh.length === 0) { queue.push({ call: substitute(c, fn, undefined, 'is only called by itself'), depth, only: item.only }); continue; }
        for (const site of fresh) {
          // A branch the site's arguments do not select (`case 'post':` for `bb('get', …)`) is not reached from there.
          const guards = applyGuards(c.guards, fn, site);
          if (guards === false) continue;
          const further = guards || site.guards ? [...(guards ?? []), ...(site.guards ?? [])] : undefined;
          let next: RawCall = substitute(c, fn, site, '');
          if (further) next = { ...next, guards: further };
          else if (next.guards) { const { guards: _g, ...rest } = next; next = rest; }
          // A function made by a factory (`const put = verb('PUT')`): the factory's parameters are bound at this site too.
          for (const b of site.bound ?? []) if ('fn' in b.target) next = substitute(next, b.target.fn, b, '');
          queue.push({ call: { ...next, loc: site.loc, via: chain }, depth: depth + 1, only: site.from ?? item.only });
        }
      }
    }
  }
  return result;
}

/** The request a call of an imported request function makes: its first argument is the path, its second the options. */
function requestAt(s: FileSummary, site: CallSite, fv: Extract<ExportValue, { forge: 'request' }>): RawCall {
  const methods = site.args.length < 2 ? [{ method: 'GET' }] : site.argMethods[1] ?? [{ unknown: 'the request options cannot be resolved' }];
  return { loc: site.loc, kind: { k: 'product', family: fv.family }, principal: fv.principal, side: fv.principal === 'bridge' ? 'frontend' : s.side, paths: site.args[0] ?? [{ unresolved: 'no path argument' }], methods, via: [], ...(site.guards ? { guards: site.guards } : {}) };
}

/** An absolute URL whose literal start holds the whole host (it is followed by `/`, `?`, `#` or a port). */
const WRITTEN_HOST = /^(https?:)?\/\/[^{/?#:]+[/?#:]/;

const sameLoc = (a: SourceLocation, b: SourceLocation): boolean => a.file === b.file && a.line === b.line && a.column === b.column;

/** Splits a call into the candidates that do not depend on `fn`'s parameters and those that do (undefined when empty). */
function splitByParam(c: RawCall, fn: string): [RawCall | undefined, RawCall | undefined] {
  if (c.paths.length < 2 || c.methods.some((m) => ('ref' in m && m.ref.fn === fn) || ('value' in m && paramUse([m.value], fn) !== 'none'))) return [undefined, c];
  const own: Cand[] = [];
  const moving: Cand[] = [];
  for (const p of c.paths) (paramUse([p], fn) === 'none' ? own : moving).push(p);
  return [own.length ? { ...c, paths: own } : undefined, moving.length ? { ...c, paths: moving } : undefined];
}

/** True when a call's paths are all known and each matches an operation (for product calls) with some method. */
function settles(c: RawCall, resolves: ResolvesFn | undefined): boolean {
  if (c.kind.k !== 'product') return true;
  if (!resolves) return false;
  const family = c.kind.family;
  const methods = c.methods.map((m) => ('method' in m ? m.method : undefined));
  return c.paths.every((p) => 'pieces' in p && p.pieces.every((x) => typeof x === 'string') && methods.every((m) => resolves(family, m, p.pieces.join(''))));
}
