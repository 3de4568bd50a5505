import type { Family } from '../catalog/types';
import { egressOfCall, jsxEgressKind, type EgressCall } from './egress';
import { concat, evalStr, isAppModule, one, union, type EvalContext } from './evaluate';
import { evalMethods } from './evaluate-method';
import { exportValue } from './export-values';
import { checkSource, emptySummary, MAX_TREE_DEPTH, skippedSummary, treeDepthOver } from './file-guard';
import { FAMILIES, FORGE_API, FORGE_BRIDGE, forgeValueOf, isGeneratedFetch, literalArg, PROPERTY_ENTITIES, thisPrincipal, unwrap, type ForgeValue } from './forge-values';
import { scanIsolated } from './isolated-scan';
import { exportFeature } from './platform-features';
import { AUTHORIZE_OPERATIONS, callsThenImports, featureNeed, importNeeds, realtimeOutOfSight } from './platform-needs';
import { LineIndex } from './line-index';
import { packageOf } from './forge-dependent-packages';
import { callLoc } from './link-origins';
import { parseSource } from './oxc';
import type { FnInfo, Node, Scope } from './scope';
import { shapeOf, type BoundCall } from './shapes';
import type { BoundArgs, Cand, CallKind, CallSite, FileSummary, ImportedTarget, MethodCand, ParamGuard, Piece, RawCall } from './summary-types';
import { paramGuards } from './guards';
import type { CallPrincipal, ScopeNeed, Side, SourceLocation } from './types';
import { walkFile } from './walk-file';

const PROPERTY_METHODS: Record<string, string> = { get: 'GET', set: 'PUT', delete: 'DELETE' };
const MAX_ARGS = 6;
const GET: MethodCand[] = [{ method: 'GET' }];

/** Ids of functions whose parameters appear in candidates, so only their local call sites are evaluated. */
function paramFns(cands: Cand[], methods: MethodCand[] = [], out: string[] = []): string[] {
  const visit = (c: Cand): void => {
    if (!('pieces' in c)) return;
    for (const p of c.pieces) {
      if (typeof p === 'string') continue;
      if (p.r === 'param') out.push(p.fn);
      else if (p.r === 'select') { p.key.forEach(visit); for (const [, e] of p.entries) e.forEach(visit); for (const a of p.args ?? []) a.forEach(visit); }
      else if (p.r === 'call') for (const a of p.args) a.forEach(visit);
    }
  };
  cands.forEach(visit);
  for (const m of methods) if ('ref' in m) out.push(m.ref.fn);
  else if ('value' in m) visit(m.value);
  return out;
}

const ABSOLUTE_URL = /^(?:[a-z][a-z0-9+.-]*:)?\/\//i;

/** The URL an egress call requests: its argument, resolved against an axios instance's `baseURL` unless absolute. */
function egressUrl(egress: EgressCall, scope: Scope, ctx: EvalContext): Cand[] {
  const url = egress.url ? evalStr(egress.url, scope, ctx) : undefined;
  if (!egress.base) return url ?? [{ unresolved: 'no URL argument' }];
  const base = evalStr(egress.base.node, egress.base.scope, ctx);
  if (!url) return base;
  return url.flatMap((u) => ('pieces' in u && typeof u.pieces[0] === 'string' && ABSOLUTE_URL.test(u.pieces[0]) ? [u] : concat(base, [u])));
}

/**
 * Scans one file's text and returns its summary: product calls, helper call sites, exports, Forge
 * API needs. A file too large, nested too deep or that the scanner cannot analyse is returned with
 * `skipped` (the reason), never thrown: one file must not end the scan.
 */
export function scanSource(fileName: string, text: string, side: Side): FileSummary {
  const check = checkSource(fileName, text);
  if ('skip' in check) return skippedSummary(fileName, side, check.skip);
  // Deep enough to overflow oxc's native stack, which would end this process: parse it in another.
  if ('isolate' in check) return scanIsolated(fileName, text, side, check.isolate);
  return summariseSafely(fileName, text, side, false);
}

/** Summarises a file whose nesting was not checked; only for a process a parser crash may end (`scanIsolated`'s child). */
export function summariseInIsolation(fileName: string, text: string, side: Side): FileSummary {
  return summariseSafely(fileName, text, side, true);
}

function summariseSafely(fileName: string, text: string, side: Side, boundDepth: boolean): FileSummary {
  try {
    return summarise(fileName, text, side, boundDepth);
  } catch (error) {
    // An expression deeper than the JS stack, say: that file is not analysed, the others are.
    return skippedSummary(fileName, side, `the scanner could not analyse it: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function summarise(fileName: string, text: string, side: Side, boundDepth: boolean): FileSummary {
  const summary = emptySummary(fileName, side);
  const lines = new LineIndex(text);
  const loc = (offset: number): SourceLocation => {
    const { line, column } = lines.at(offset);
    return { file: fileName, line, column };
  };
  const parsed = parseSource(fileName, text);
  for (const e of parsed.errors) {
    if (e.severity !== 'Error') continue;
    const at = lines.at(e.labels[0]?.start ?? 0);
    summary.parseErrors.push({ file: fileName, line: at.line, col: at.column, message: e.message });
  }
  // A file that does not parse yields no findings: half an AST would give misleading ones.
  if (summary.parseErrors.length > 0) return summary;
  if (boundDepth && treeDepthOver(parsed.program, MAX_TREE_DEPTH)) return skippedSummary(fileName, side, `nested more than ${MAX_TREE_DEPTH.toLocaleString('en-US')} levels deep: too deep to analyse`);

  const facts = walkFile(parsed.program, fileName, text);
  const fnsById = new Map<string, FnInfo>();
  for (const f of facts.fns.values()) fnsById.set(f.id, f);
  const ctx: EvalContext = { fns: facts.fns, fnsById, owners: facts.owners, at: loc };

  const platform = importNeeds(facts.imports, loc, side);
  summary.needs.push(...platform.needs);
  summary.unresolved.push(...platform.unresolved);
  summary.imports = [...new Set(facts.imports.map((i) => i.source).filter(isAppModule))];
  for (const i of [...facts.imports, ...facts.reexports]) {
    const name = packageOf(i.source);
    if (name && !summary.packages.some((p) => p.name === name)) summary.packages.push({ name, ...lines.at(i.start) });
  }
  // `authorize()` calls made in this file, and whether any of them was seen choosing a product.
  const authorizeSites: SourceLocation[] = [];
  const callNeeds: ScopeNeed[] = [];
  let realtimeCalled = false;
  let authorizeResolved = false;

  // init's generated `fetch` forwards to the global one: the calls are counted where its importers make them.
  const forwardsFetch = isGeneratedFetch(fileName);
  const interesting = new Set<string>();
  const localSites: { node: Node; scope: Scope; fn: string; bound: BoundCall[]; guards?: ParamGuard[] }[] = [];
  const importsForge = facts.imports.some((i) => i.source === FORGE_API || i.source === FORGE_BRIDGE);
  const onlyBridge = importsForge && !facts.imports.some((i) => i.source === FORGE_API);
  // Branch conditions on helpers' parameters that lead to the call being classified.
  let guards: ParamGuard[] | undefined;
  const push = (at: SourceLocation, kind: CallKind, principal: CallPrincipal, callSide: Side, paths: Cand[], methods: MethodCand[]): void => {
    paramFns(paths, methods).forEach((f) => interesting.add(f));
    summary.calls.push({ loc: at, kind, principal, side: callSide, paths, methods, via: [], ...(guards ? { guards } : {}) });
  };
  for (const { node: written, scope, guards: branch } of facts.calls) {
    guards = paramGuards(branch);
    // `requestJira.call(thisArg, path, init)` is `requestJira(path, init)`.
    const node = viaCall(written, scope);
    const callee = unwrap(node.callee);
    let fv = forgeValueOf(node.callee, scope);
    // `this.client.requestJira(...)`, `jira.requestJira(...)` on a parameter: the object's origin
    // is out of sight, but in a file using Forge it is a product call. Dropping it could make a
    // needed scope look unused; the principal is just not known.
    // A file that does not import Forge may still call it on a principal it is handed (`makeClient(api.asApp())`).
    // An object imported from the app's own module may be a principal it exports (`export const jira = api.asApp()`): the linker tells.
    let principalFrom: RawCall['principalFrom'];
    if (!fv && callee.type === 'MemberExpression' && !callee.computed && FAMILIES.has(callee.property.name)) {
      const targets = importedRoots(callee.object, scope);
      const inForgeCode = importsForge || rootIsParam(callee, scope);
      if (targets) principalFrom = inForgeCode ? { targets } : { targets, pending: true };
      if (inForgeCode || targets) fv = { k: 'request', family: callee.property.name as Family, principal: thisPrincipal(callee.object, scope, facts.owners) ?? (onlyBridge ? 'bridge' : 'default') };
    }
    const at = callLoc(node, loc);
    if (fv?.k === 'request') {
      // `@forge/bridge` runs in the browser, also in UI Kit code kept under src/.
      push(at, { k: 'product', family: fv.family }, fv.principal, fv.principal === 'bridge' ? 'frontend' : side, argCands(node, 0, scope, ctx), argMethods(node, 1, scope, ctx));
      if (principalFrom) summary.calls[summary.calls.length - 1].principalFrom = principalFrom;
    } else if (fv?.k === 'propsMethod') {
      const e = PROPERTY_ENTITIES[fv.entity];
      push(at, { k: 'product', family: e.family }, 'asApp', side, one(`${e.base}/${e.seg}/{}`), [{ method: PROPERTY_METHODS[fv.op] }]);
    } else if (fv?.k === 'surface') {
      surfaceCall(node, scope, fv, at, side, ctx, push);
    } else if (fv?.k === 'authCheck') {
      // `authorize().onJiraIssue(key).canEdit()` checks permissions through @forge/api's own asUser(): the call is the app's.
      const op = AUTHORIZE_OPERATIONS[fv.product];
      push(at, { k: 'product', family: op.family }, 'asUser', side, one(op.path), [{ method: op.method }]);
      authorizeResolved = true;
    } else if (fv?.k === 'export' && fv.pkg === FORGE_API && fv.name === 'authorize') {
      authorizeSites.push(at);
    } else if (fv?.k === 'export' && (exportFeature(fv.pkg, fv.name) || fv.pkg === '@forge/realtime' || fv.name.startsWith('realtime.'))) {
      realtimeCalled ||= fv.pkg === '@forge/realtime' || fv.name.startsWith('realtime.');
      const feature = exportFeature(fv.pkg, fv.name);
      const n = feature && featureNeed(feature, `${fv.name} called`, at);
      if (n) callNeeds.push(n);
    } else {
      const egress = forwardsFetch ? undefined : egressOfCall(node, scope, fv, side);
      if (egress) { push(at, { k: 'egress', kind: egress.kind, api: egress.api, ...(egress.remote ? { remote: egress.remote } : {}), ...(egress.provider ? { provider: egress.provider } : {}) }, 'default', side, egressUrl(egress, scope, ctx), GET); continue; }
      if (fv) continue;
      // `get(path)` where `get` is a parameter: the function each caller passes (`collect(this.get, …)`).
      const param = callee.type === 'Identifier' ? scope.lookup(callee.name)?.param : undefined;
      // The function that takes `get` is interesting too: its call sites say what is passed (`withLog((p) => …)`).
      if (param && param.key === undefined && !param.rest) { interesting.add(param.fn); summary.callSites.push(callSite(node, scope, { param: param.fn, i: param.i }, at, ctx, interesting, [], guards)); continue; }
      // Only a callee rooted in something the file defines or imports can be a helper.
      if (!mayBeHelper(callee, scope)) continue;
      const shape = shapeOf(callee, scope, ctx);
      if (shape?.s === 'fn') localSites.push({ node, scope, fn: shape.fn.id, bound: shape.bound, guards });
      else if (shape?.s === 'imported') summary.callSites.push(callSite(node, scope, shape.target, at, ctx, interesting, shape.bound, guards));
    }
  }
  for (const ref of facts.jsxRefs) {
    const kind = jsxEgressKind(ref.tag, ref.attr, ref.link);
    if (kind) push(loc(ref.value.start), { k: 'egress', kind, api: `<${ref.tag} ${ref.attr}>` }, 'default', side, evalStr(ref.value, ref.scope, ctx), GET);
  }
  // Local call sites matter only for functions whose parameters reach a request; evaluating
  // one may make its caller's function interesting, hence the loop until nothing changes.
  for (let changed = true; changed;) {
    changed = false;
    for (let i = 0; i < localSites.length; i++) {
      const s = localSites[i];
      if (!s || !(interesting.has(s.fn) || s.bound.some((b) => 'id' in b.fn && interesting.has(b.fn.id)))) continue;
      const before = interesting.size;
      summary.callSites.push(callSite(s.node, s.scope, { fn: s.fn }, callLoc(s.node, loc), ctx, interesting, s.bound, s.guards));
      delete localSites[i];
      if (interesting.size !== before) changed = true;
    }
  }

  // authorize()'s result went out of sight: either product's permission check may follow.
  if (!authorizeResolved) {
    for (const at of authorizeSites) {
      const candidates = Object.values(AUTHORIZE_OPERATIONS).map((o) => `${o.method} ${o.path.replace('{}', '{id}')}`).sort();
      summary.unresolved.push({ ...at, kind: 'path', reason: 'authorize(): whether it checks Jira or Confluence permissions is out of sight', candidates, side, principal: 'asUser' });
    }
  }
  summary.needs.push(...callsThenImports(callNeeds, platform.exportNeeds), ...realtimeOutOfSight(facts.imports, realtimeCalled, loc));
  for (const [name, ex] of facts.exports) summary.exports[name] = exportValue(ex, facts, ctx);
  summary.exportAll = facts.exportAll;
  return summary;
}

/** True when a member chain starts at a function parameter (`principal.requestJira`, `opts.client.requestJira`). */
function rootIsParam(callee: Node, scope: Scope): boolean {
  let root = callee;
  while (root?.type === 'MemberExpression') root = unwrap(root.object);
  return root?.type === 'Identifier' && !!scope.lookup(root.name)?.param;
}

/** A request function called through `.call(thisArg, …)`: the same call without `thisArg`; any other call as written. */
function viaCall(node: Node, scope: Scope): Node {
  const c = unwrap(node.callee);
  if (c?.type !== 'MemberExpression' || c.computed || c.property.name !== 'call' || node.arguments.length === 0 || node.arguments[0].type === 'SpreadElement') return node;
  const fv = forgeValueOf(c.object, scope);
  return fv?.k === 'request' || fv?.k === 'surface' ? { ...node, callee: c.object, arguments: node.arguments.slice(1) } : node;
}

/**
 * The imports of the app's own modules an object may be (`jira`, or `as === 'user' ? viewer : jira`),
 * undefined when any part of it is something else.
 */
function importedRoots(node: Node, scope: Scope, depth = 0): ImportedTarget[] | undefined {
  node = unwrap(node);
  if (depth > 4) return undefined;
  if (node?.type === 'ConditionalExpression') {
    const a = importedRoots(node.consequent, scope, depth + 1);
    const b = a && importedRoots(node.alternate, scope, depth + 1);
    return a && b ? [...a, ...b] : undefined;
  }
  if (node?.type === 'LogicalExpression' && (node.operator === '??' || node.operator === '||')) {
    const a = importedRoots(node.left, scope, depth + 1);
    const b = a && importedRoots(node.right, scope, depth + 1);
    return a && b ? [...a, ...b] : undefined;
  }
  if (node?.type !== 'Identifier') return undefined;
  const b = scope.lookup(node.name);
  if (b?.import) return isAppModule(b.import.source) ? [{ source: b.import.source, name: b.import.name }] : undefined;
  const init = b && !b.param && b.kind === 'const' && b.inits.length === 1 && b.inits[0].key === undefined ? b.inits[0] : undefined;
  return init ? importedRoots(init.node, init.scope, depth + 1) : undefined;
}

/** Cheap pre-check before `shapeOf`: the callee's root is `this`, a call, or a name bound in the file. */
function mayBeHelper(callee: Node, scope: Scope): boolean {
  let root = callee;
  while (root?.type === 'MemberExpression') root = unwrap(root.object);
  if (root?.type === 'ThisExpression' || root?.type === 'Super' || root?.type === 'CallExpression' || root?.type === 'NewExpression') return true;
  if (root?.type !== 'Identifier') return false;
  const b = scope.lookup(root.name);
  return !!b && !b.param;
}

/** A request surface: its query or path (linked like a product path) and the remote it names. */
function surfaceCall(node: Node, scope: Scope, fv: Extract<ForgeValue, { k: 'surface' }>, at: SourceLocation, side: Side, ctx: EvalContext, push: (at: SourceLocation, kind: CallKind, principal: CallPrincipal, side: Side, paths: Cand[], methods: MethodCand[]) => void): void {
  const bridge = fv.principal === 'bridge';
  const callSide = bridge ? 'frontend' : side;
  const keyed = fv.surface === 'requestRemote' || (!bridge && (fv.surface === 'invokeRemote' || fv.surface === 'invokeService'));
  const remote = keyed ? literalArg(node.arguments[0], scope) : undefined;
  const options = keyed ? node.arguments[1] : fv.surface === 'invokeRemote' || fv.surface === 'invokeService' ? node.arguments[0] : undefined;
  const paths = options ? evalStr({ type: 'MemberExpression', object: options, property: { type: 'Identifier', name: 'path' }, computed: false }, scope, ctx) : argCands(node, 0, scope, ctx);
  push(at, { k: 'surface', surface: fv.surface, ...(remote ? { remote } : {}) }, fv.principal, callSide, paths, GET);
  // A remote is also a host outside Atlassian the app reaches.
  if (fv.surface === 'requestRemote' || fv.surface === 'invokeRemote') {
    push(at, { k: 'egress', kind: bridge ? 'fetch-client' : 'fetch-backend', api: fv.surface, ...(remote ? { remote } : {}) }, fv.principal, callSide, paths, GET);
  }
}

/** The rest parameter a call spreads at argument `i` (`requestJira(...args)` in a pass-through helper). */
function spreadParam(node: Node, i: number, scope: Scope): Piece | undefined {
  const s = node.arguments.findIndex((a: Node) => a.type === 'SpreadElement');
  if (s < 0 || i < s) return undefined;
  const arg = unwrap(node.arguments[s].argument);
  const p = arg?.type === 'Identifier' ? scope.lookup(arg.name)?.param : undefined;
  return p?.rest ? { r: 'param', fn: p.fn, i: p.i + (i - s), name: `${p.name}[${i - s}]` } : undefined;
}

function argCands(node: Node, i: number, scope: Scope, ctx: EvalContext): Cand[] {
  const spread = spreadParam(node, i, scope);
  if (spread) return one(spread);
  if (node.arguments.slice(0, i + 1).some((a: Node) => a.type === 'SpreadElement')) return [{ unresolved: 'arguments are spread from a value that cannot be resolved' }];
  return node.arguments[i] ? evalStr(node.arguments[i], scope, ctx) : [{ unresolved: 'no path argument' }];
}

function argMethods(node: Node, i: number, scope: Scope, ctx: EvalContext): MethodCand[] {
  const spread = spreadParam(node, i, scope);
  if (spread && typeof spread !== 'string' && spread.r === 'param') return [{ ref: spread, prop: true }];
  return evalMethods(node.arguments[i], scope, ctx);
}

function callSite(node: Node, scope: Scope, target: CallSite['target'], at: SourceLocation, ctx: EvalContext, interesting: Set<string>, bound: BoundCall[] = [], guards?: ParamGuard[]): CallSite {
  const args: Cand[][] = [];
  const argMeth: (MethodCand[] | undefined)[] = [];
  const argProps: (Record<string, Cand[]> | undefined)[] = [];
  const argFns: NonNullable<CallSite['argFns']> = [];
  for (let i = 0; i < Math.min(node.arguments.length, MAX_ARGS); i++) {
    const a = node.arguments[i];
    if (a.type === 'SpreadElement') {
      // `fn(...args)` with `args` a rest parameter: every position from here on is the matching element
      // (an options object among them keeps its method: a position left out would read as GET).
      if (!spreadParam(node, i, scope)) break;
      for (let k = i; k < MAX_ARGS; k++) {
        const ref = spreadParam(node, k, scope) as Extract<Piece, { r: 'param' }>;
        args.push(one(ref));
        argMeth.push([{ ref, prop: true }]);
        argProps.push(undefined);
        interesting.add(ref.fn);
      }
      break;
    }
    const u = unwrap(a);
    // A function handed to a helper (`collect(this.get, (startAt) => route…)`): the helper may call it
    // as a request helper (argFns) or as a path builder (its value is what it returns).
    const fn = FN_ARGS.has(u?.type) ? shapeOf(u, scope, ctx) : undefined;
    if (fn?.s === 'fn' || fn?.s === 'imported') argFns[i] = fn.s === 'fn' ? { fn: fn.fn.id } : fn.target;
    const cands = fn?.s === 'fn' ? returnCands(fn.fn.returns, ctx) : evalStr(a, scope, ctx);
    const methods = u.type === 'ObjectExpression' || u.type === 'Identifier' ? evalMethods(a, scope, ctx) : undefined;
    const props = u.type === 'ObjectExpression' || u.type === 'Identifier' ? objectProps(a, scope, ctx) : undefined;
    paramFns(cands, methods).forEach((f) => interesting.add(f));
    for (const v of Object.values(props ?? {})) paramFns(v).forEach((f) => interesting.add(f));
    args.push(cands);
    argMeth.push(methods);
    argProps.push(props);
  }
  const boundArgs: BoundArgs[] = bound.map((b) => {
    const evaluated = b.args.slice(0, MAX_ARGS).map((a: Node) => evalStr(a, b.scope, ctx));
    evaluated.forEach((c) => paramFns(c).forEach((f) => interesting.add(f)));
    return { target: 'id' in b.fn ? { fn: b.fn.id } : b.fn, args: evaluated };
  });
  const argTruth: (boolean | undefined)[] = node.arguments.slice(0, MAX_ARGS).map(truthOf);
  // An object kept in a variable and changed after it is built (`o.body = …`, `Object.assign(o, …)`): its written properties are not all it holds.
  const argOpen = node.arguments.slice(0, MAX_ARGS).map((a: Node) => { const u = unwrap(a); const b = u?.type === 'Identifier' ? scope.lookup(u.name) : undefined; return b && (b.reassigned || b.memberAssigns?.length) ? (true as const) : undefined; });
  return { loc: at, target, args, argMethods: argMeth, ...(argProps.some((p) => p) ? { argProps } : {}), ...(argOpen.some(Boolean) ? { argOpen } : {}), ...(boundArgs.length ? { bound: boundArgs } : {}), ...(argFns.some((f) => f) ? { argFns } : {}), ...(guards ? { guards } : {}), ...(argTruth.some((t) => t !== undefined) ? { argTruth } : {}) };
}

const ALWAYS_TRUTHY = new Set(['ObjectExpression', 'ArrayExpression', 'ArrowFunctionExpression', 'FunctionExpression', 'ClassExpression', 'NewExpression']);

/** Whether an argument is truthy when its form says so (`{ jql }`, `null`, `false`, `''`), for branch guards. */
function truthOf(a: Node): boolean | undefined {
  const u = unwrap(a);
  if (ALWAYS_TRUTHY.has(u?.type)) return true;
  if (u?.type === 'Literal') return Boolean(u.value);
  if (u?.type === 'Identifier' && u.name === 'undefined') return false;
  return undefined;
}

const FN_ARGS = new Set(['ArrowFunctionExpression', 'FunctionExpression', 'Identifier', 'MemberExpression']);

/** What a function passed as an argument returns: the value a helper gets by calling it (`page(startAt)`). */
function returnCands(returns: FnInfo['returns'], ctx: EvalContext): Cand[] {
  let out: Cand[] = [];
  for (const r of returns) out = union(out, evalStr(r.node, r.scope, ctx));
  return out.length ? out : [{ unresolved: 'the function passed returns nothing' }];
}

/** Evaluates the properties of an object argument (for destructured or `opts.x` parameters); undefined with spreads or when unknown. */
function objectProps(arg: Node, scope: Scope, ctx: EvalContext): Record<string, Cand[]> | undefined {
  let obj = unwrap(arg);
  let objScope = scope;
  if (obj.type === 'Identifier') {
    const b = scope.lookup(obj.name);
    const init = b && !b.param && b.inits.length === 1 && b.inits[0].key === undefined ? b.inits[0] : undefined;
    if (unwrap(init?.node)?.type !== 'ObjectExpression') return undefined;
    obj = unwrap(init!.node);
    objScope = init!.scope;
  }
  const out: Record<string, Cand[]> = {};
  for (const p of obj.properties.slice(0, 16)) {
    if (p.type !== 'Property' || p.computed) return undefined;
    const key = p.key.type === 'Identifier' ? p.key.name : String(p.key.value);
    out[key] = evalStr(p.value, objScope, ctx);
  }
  return out;
}
