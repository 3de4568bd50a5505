import type { Family } from '../catalog/types';
import { egressFinding } from './egress';
import { loadGraphqlParserSync, summarizeGraphql } from '../usage/graphql-summary';
import type { Cand, RawCall } from './summary-types';
import type { CallPrincipal, EgressFinding, GraphqlSummary, Side, SourceLocation, UnresolvedFinding } from './types';

/** A call with a known path pattern and method, before catalog matching. */
export interface LinkedCall extends SourceLocation {
  family: Family;
  method: string;
  pattern: string;
  side: Side;
  principal: CallPrincipal;
  via?: SourceLocation[];
  candidateOf?: string;
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

/** A product call whose URL was read from an earlier response; the matcher names what returned it. */
export interface LinkedLink extends SourceLocation {
  family: Family;
  field: string;
  /** Where the responses the link was read from were requested. */
  origins: SourceLocation[];
  method?: string;
  side: Side;
  principal: CallPrincipal;
  via?: SourceLocation[];
}

/** Output of linking: calls with patterns, calls missing a method, links, egress and unresolved findings. */
export interface LinkResult {
  calls: LinkedCall[];
  methodUnknown: MethodUnknown[];
  unresolved: UnresolvedFinding[];
  links: LinkedLink[];
  egress: EgressFinding[];
}

const ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i;

/**
 * Returns the path pattern of a product call as the matcher reads it: origin (of an absolute URL
 * given to `routeFromAbsolute`) and query removed, `{name}` and `:name` placeholders as `{}`.
 */
export function normalizePattern(path: string): string {
  let p = path.charCodeAt(0) === 47 ? path : path.replace(ORIGIN, '');
  if (p.includes('?') || p.includes('#')) p = p.replace(/[?#].*$/s, '');
  if (namedPlaceholder(p)) p = p.replace(/\{[A-Za-z_][\w-]*\}/g, '{}');
  if (p.includes('/:')) p = p.replace(/\/:[A-Za-z_]\w*(?=\/|$)/g, '/{}');
  return p;
}

/** True when `p` holds a `{name}` placeholder; a pattern's own `{}` segments (most calls) need no rewrite. */
function namedPlaceholder(p: string): boolean {
  for (let i = p.indexOf('{'); i >= 0; i = p.indexOf('{', i + 1)) {
    const c = p.charCodeAt(i + 1);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) return true;
  }
  return false;
}

/** The operation and top-level fields of a literal GraphQL document (the recorder's reader, loaded synchronously here; only for text that can be one). */
function literalGraphql(document: string): GraphqlSummary | undefined {
  if (!document.includes('{')) return undefined;
  loadGraphqlParserSync(require);
  return summarizeGraphql(document) ?? undefined;
}

const text = (c: Cand): string | undefined => ('pieces' in c && c.pieces.every((p) => typeof p === 'string') ? c.pieces.join('') : undefined);

/** Turns a fully linked call into findings: product calls, methods to enumerate, links, surfaces, egress, unresolved. */
export function finalizeCall(c: RawCall, out: LinkResult, seenAt: Map<SourceLocation, Set<string>>): void {
  // Literals of one shape, not spreads: this runs for every call of every file (bench/scan-phases.ts).
  const { file, line, column } = c.loc;
  const base: SourceLocation & { side: Side; principal: CallPrincipal; via?: SourceLocation[] } = c.via.length > 0 ? { file, line, column, side: c.side, principal: c.principal, via: c.via } : { file, line, column, side: c.side, principal: c.principal };
  // Findings already made at this location (the same call reached twice adds nothing); keyed by the location object, which every finding of a call shares.
  let seen = seenAt.get(c.loc);
  if (!seen) seenAt.set(c.loc, (seen = new Set()));
  // Two requests reached through one call site (a user request and its app fallback in a helper) are two
  // findings: the key names the principal and the request the site reaches (a request itself is its own).
  const last = c.via.length > 0 ? c.via[c.via.length - 1] : undefined;
  const who = last ? `${c.principal}|${last.file}:${last.line}:${last.column}|` : '';
  const add = (key: string, f: () => void): void => { if (who) key = who + key; if (!seen!.has(key)) { seen!.add(key); f(); } };
  const kind = c.kind;
  if (kind.k === 'egress') {
    for (const p of c.paths) {
      const url = text(p);
      const why = 'unresolved' in p ? p.unresolved : url === undefined ? (p.pieces.some((x) => typeof x !== 'string' && x.r === 'link') ? 'the URL is taken from a response' : 'the URL depends on values that could not be linked') : undefined;
      const f = egressFinding(c.loc, c.side, kind, url, why);
      if (f) add(`e|${kind.kind}|${f.remote ?? ''}|${f.provider ?? ''}|${f.domain ?? f.unresolved}|${f.pathTemplate}`, () => out.egress.push(f));
    }
    return;
  }
  if (kind.k === 'surface') {
    const known = c.paths.map(text).find((t) => t !== undefined);
    const graph = kind.surface === 'requestGraph' || kind.surface === 'requestTeamworkGraph';
    const graphql = graph && known !== undefined ? literalGraphql(known) : undefined;
    const pattern = !graph && known !== undefined ? normalizePattern(known) : undefined;
    const what = graph ? (graphql ? `GraphQL ${graphql.type}${graphql.operation ? ` ${graphql.operation}` : ''} (${graphql.fields.join(', ')})` : 'a GraphQL query that cannot be read statically') : kind.remote ? `remote ${kind.remote}` : pattern ?? 'a path that cannot be resolved';
    const reason = `${kind.surface}: the tool cannot tell which scopes ${what} needs`;
    add(`s|${reason}`, () => out.unresolved.push({ ...base, kind: 'api', surface: kind.surface, reason, candidates: [], ...(graphql ? { graphql } : {}), ...(kind.remote ? { remote: kind.remote } : {}), ...(pattern !== undefined ? { pattern } : {}) }));
    return;
  }
  const family = kind.family;
  // `null`/`undefined` in one branch (`useJira(id ? path : null)`) is no request; only when nothing else is left is the path unknown.
  const paths = c.paths.some((p) => !('absent' in p)) ? c.paths.filter((p) => !('absent' in p)) : c.paths;
  for (const p of paths) {
    if ('unresolved' in p) {
      add(`u|${p.unresolved}`, () => out.unresolved.push({ ...base, kind: 'path', family, reason: p.unresolved, candidates: [] }));
      continue;
    }
    const link = p.pieces.length > 1 || typeof p.pieces[0] !== 'string' ? p.pieces.find((x) => typeof x !== 'string' && x.r === 'link') : undefined;
    if (link && typeof link !== 'string' && link.r === 'link') {
      const methods = c.methods.map((m) => ('method' in m ? m.method : undefined));
      for (const method of methods) add(`l|${link.field}|${method}`, () => out.links.push({ ...base, family, field: link.field, origins: link.origins, ...(method ? { method } : {}) }));
      continue;
    }
    if (p.pieces.length === 1 ? typeof p.pieces[0] !== 'string' : p.pieces.some((x) => typeof x !== 'string')) {
      add(`u|ref`, () => out.unresolved.push({ ...base, kind: 'path', family, reason: 'the path depends on values that could not be linked', candidates: [] }));
      continue;
    }
    const pattern = normalizePattern(p.pieces.length === 1 ? (p.pieces[0] as string) : p.pieces.join(''));
    for (const m of c.methods) {
      if ('method' in m) {
        const key = `${who}c|${m.method}|${pattern}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const call: LinkedCall = c.via.length > 0 ? { file, line, column, side: c.side, principal: c.principal, via: c.via, family, method: m.method, pattern } : { file, line, column, side: c.side, principal: c.principal, family, method: m.method, pattern };
        if (p.note) call.candidateOf = p.note;
        out.calls.push(call);
      } else { const reason = 'unknown' in m ? m.unknown : 'method cannot be resolved'; add(`m|${pattern}|${reason}`, () => out.methodUnknown.push({ ...base, family, pattern, reason })); }
    }
  }
}
