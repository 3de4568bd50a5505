import type { Family } from '../catalog/types';
import { evalStr, importedCallee, type EvalContext } from './evaluate';
import { evalMethods } from './evaluate-method';
import { checkSource, MAX_TREE_DEPTH, skippedSummary, treeDepthOver } from './file-guard';
import { FAMILIES, FORGE_API, FORGE_BRIDGE, forgeValueOf, PROPERTY_ENTITIES, unwrap } from './forge-values';
import { scanIsolated } from './isolated-scan';
import { exportFeature } from './platform-features';
import { AUTHORIZE_OPERATIONS, callsThenImports, featureNeed, importNeeds, realtimeOutOfSight } from './platform-needs';
import { LineIndex } from './line-index';
import { parseSource } from './oxc';
import type { FnInfo, Node } from './scope';
import type { Cand, CallSite, ExportValue, FileSummary, MethodCand, Piece, RawCall } from './summary-types';
import type { ScopeNeed, Side, SourceLocation } from './types';
import { walkFile } from './walk-file';

const PROPERTY_METHODS: Record<string, string> = { get: 'GET', set: 'PUT', delete: 'DELETE' };
const MAX_ARGS = 6;

/** Ids of functions whose parameters appear in candidates, so only their local call sites are evaluated. */
function paramFns(cands: Cand[], methods: MethodCand[] = []): string[] {
  const out: string[] = [];
  for (const c of cands) if ('pieces' in c) for (const p of c.pieces) if (typeof p !== 'string' && p.r === 'param') out.push(p.fn);
  for (const m of methods) if ('ref' in m) out.push(m.ref.fn);
  return out;
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
  const summary: FileSummary = { file: fileName, side, calls: [], callSites: [], exports: {}, exportAll: [], unresolved: [], needs: [], parseErrors: [] };
  const lines = new LineIndex(text);
  const loc = (offset: number): SourceLocation => ({ file: fileName, ...lines.at(offset) });
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
  const ctx: EvalContext = { fns: facts.fns, fnsById };

  const platform = importNeeds(facts.imports, loc, side);
  summary.needs.push(...platform.needs);
  summary.unresolved.push(...platform.unresolved);
  // `authorize()` calls made in this file, and whether any of them was seen choosing a product.
  const authorizeSites: SourceLocation[] = [];
  const callNeeds: ScopeNeed[] = [];
  let realtimeCalled = false;
  let authorizeResolved = false;

  const interesting = new Set<string>();
  const localSites: { node: Node; scope: import('./scope').Scope; fn: string }[] = [];
  const importsForge = facts.imports.some((i) => i.source === FORGE_API || i.source === FORGE_BRIDGE);
  const onlyBridge = importsForge && !facts.imports.some((i) => i.source === FORGE_API);
  for (const { node, scope } of facts.calls) {
    const callee = unwrap(node.callee);
    let fv = forgeValueOf(node.callee, scope);
    // `this.client.requestJira(...)`, `jira.requestJira(...)` on a parameter: the object's origin
    // is out of sight, but in a file using Forge it is a product call. Dropping it could make a
    // needed scope look unused; the principal is just not known.
    if (!fv && importsForge && callee.type === 'MemberExpression' && !callee.computed && FAMILIES.has(callee.property.name)) {
      fv = { k: 'request', family: callee.property.name as Family, principal: onlyBridge ? 'bridge' : 'default' };
    }
    // Point at the `requestJira` of a chain split over lines, where a reader looks for it.
    const at = loc(callee.type === 'MemberExpression' ? callee.property.start : node.start);
    if (fv?.k === 'request') {
      const paths = node.arguments[0] ? evalStr(node.arguments[0], scope, ctx) : [{ unresolved: 'no path argument' }];
      const methods = evalMethods(node.arguments[1], scope, ctx);
      for (const f of paramFns(paths, methods)) interesting.add(f);
      // `@forge/bridge` runs in the browser, also in UI Kit code kept under src/.
      summary.calls.push({ loc: at, family: fv.family, principal: fv.principal, side: fv.principal === 'bridge' ? 'frontend' : side, paths, methods, via: [] });
    } else if (fv?.k === 'propsMethod') {
      const e = PROPERTY_ENTITIES[fv.entity];
      summary.calls.push(rawCall(at, e.family, side, `${e.base}/${e.seg}/{}`, PROPERTY_METHODS[fv.op]));
    } else if (fv?.k === 'graph') {
      summary.unresolved.push({ ...at, kind: 'api', reason: 'requestGraph: the scopes depend on the GraphQL query', candidates: [], side, principal: fv.principal });
    } else if (fv?.k === 'authCheck') {
      // `authorize().onJiraIssue(key).canEdit()` checks permissions through @forge/api's own asUser(): the call is the app's.
      const op = AUTHORIZE_OPERATIONS[fv.product];
      summary.calls.push(rawCall(at, op.family, side, op.path, op.method, 'asUser'));
      authorizeResolved = true;
    } else if (fv?.k === 'export' && fv.pkg === FORGE_API && fv.name === 'authorize') {
      authorizeSites.push(at);
    } else if (fv?.k === 'export' && (exportFeature(fv.pkg, fv.name) || fv.pkg === '@forge/realtime' || fv.name.startsWith('realtime.'))) {
      realtimeCalled ||= fv.pkg === '@forge/realtime' || fv.name.startsWith('realtime.');
      const feature = exportFeature(fv.pkg, fv.name);
      const n = feature && featureNeed(feature, `${fv.name} called`, at);
      if (n) callNeeds.push(n);
    } else if (!fv) {
      if (callee.type === 'Identifier') {
        const b = scope.lookup(callee.name);
        if (b?.fn) { localSites.push({ node, scope, fn: b.fn }); continue; }
      }
      const target = importedCallee(callee, scope);
      if (target) summary.callSites.push(callSite(node, scope, target, at, ctx, interesting));
    }
  }
  // Local call sites matter only for functions whose parameters reach a request; evaluating
  // one may make its caller's function interesting, hence the loop until nothing changes.
  for (let changed = true; changed;) {
    changed = false;
    for (let i = 0; i < localSites.length; i++) {
      const s = localSites[i];
      if (!s || !interesting.has(s.fn)) continue;
      const before = interesting.size;
      summary.callSites.push(callSite(s.node, s.scope, { fn: s.fn }, loc(s.node.start), ctx, interesting));
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

function callSite(node: Node, scope: import('./scope').Scope, target: CallSite['target'], at: SourceLocation, ctx: EvalContext, interesting: Set<string>): CallSite {
  const args: Cand[][] = [];
  const argMethods: (MethodCand[] | undefined)[] = [];
  const argProps: (Record<string, Cand[]> | undefined)[] = [];
  node.arguments.slice(0, MAX_ARGS).forEach((a: Node) => {
    const cands = evalStr(a, scope, ctx);
    const u = unwrap(a);
    const methods = u.type === 'ObjectExpression' || u.type === 'Identifier' ? evalMethods(a, scope, ctx) : undefined;
    const props = u.type === 'ObjectExpression' ? objectProps(u, scope, ctx) : undefined;
    for (const f of paramFns(cands, methods)) interesting.add(f);
    for (const v of Object.values(props ?? {})) for (const f of paramFns(v)) interesting.add(f);
    args.push(cands);
    argMethods.push(methods);
    argProps.push(props);
  });
  return { loc: at, target, args, argMethods, ...(argProps.some((p) => p) ? { argProps } : {}) };
}

/** Evaluates the properties of an object literal argument (for a destructuring helper); undefined with spreads. */
function objectProps(obj: Node, scope: import('./scope').Scope, ctx: EvalContext): Record<string, Cand[]> | undefined {
  const out: Record<string, Cand[]> = {};
  for (const p of obj.properties.slice(0, 16)) {
    if (p.type !== 'Property' || p.computed) return undefined;
    const key = p.key.type === 'Identifier' ? p.key.name : String(p.key.value);
    out[key] = evalStr(p.value, scope, ctx);
  }
  return out;
}

function exportValue(ex: NonNullable<ReturnType<ReturnType<typeof walkFile>['exports']['get']>>, facts: ReturnType<typeof walkFile>, ctx: EvalContext): ExportValue {
  if ('source' in ex) return ex;
  if ('local' in ex) {
    const b = facts.module.vars.get(ex.local);
    if (b?.fn) return fnExport(ctx.fnsById.get(b.fn), b.fn, ctx);
    if (b?.import) return { source: b.import.source, name: b.import.name };
    return { cands: evalStr({ type: 'Identifier', name: ex.local }, facts.module, ctx) };
  }
  const fn = facts.fns.get(unwrap(ex.node));
  return fn ? fnExport(fn, fn.id, ctx) : { cands: evalStr(ex.node, ex.scope, ctx) };
}

/** An exported function, with its return values (parameters as refs) in case another file builds a path with it. */
function fnExport(fn: FnInfo | undefined, id: string, ctx: EvalContext): ExportValue {
  if (!fn || fn.returns.length === 0) return { fn: id };
  let returns: Cand[] = [];
  for (const r of fn.returns) returns = returns.concat(evalStr(r.node, r.scope, ctx));
  // Only returns that can be a path are worth carrying to the linker.
  if (!returns.some((c) => 'pieces' in c)) return { fn: id };
  return { fn: id, returns: returns.slice(0, 32) };
}

function rawCall(at: SourceLocation, family: Family, side: Side, path: string, method: string, principal: RawCall['principal'] = 'asApp'): RawCall {
  return { loc: at, family, principal, side, paths: [{ pieces: [path] as Piece[] }], methods: [{ method }], via: [] };
}
