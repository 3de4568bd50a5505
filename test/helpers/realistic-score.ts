import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Scores a scan of a realistic sample app against its hand-written `ground-truth.json`.
 * Structural types only, so the same scoring runs against an older scanner (the "before" figures).
 */

/** One product call site as a reader of the code sees it: where the operation is decided, and which. */
export interface TruthSite { at: string; ops: string[] }
/** A request whose URL comes from an earlier response, and the operations that returned it. */
export interface TruthLink { at: string; returnedBy: string[] }
/** The ground truth of one sample app. */
export interface GroundTruth {
  sites: TruthSite[];
  links: TruthLink[];
  surfaces: { at: string; surface: string; graphql?: { operation?: string; type: string; fields: string[] } }[];
  egress: { at: string; kind: string; domain?: string; remote?: string }[];
  notProduct: string[];
}

interface Loc { file: string; line: number; via?: { file: string; line: number }[] }
interface ScanLike {
  calls: (Loc & { operationKey?: string })[];
  unresolved: (Loc & { kind: string; surface?: string; link?: { returnedBy: string[] }; graphql?: { operation?: string; type: string; fields: string[] } })[];
  egress?: (Loc & { kind: string; domain?: string; remote?: string })[];
}

/** Per-app figures. */
export interface AppScore {
  app: string;
  sites: number;
  found: number;
  resolved: number;
  links: number;
  linksFound: number;
  linksAttributed: number;
  falseProductCalls: string[];
  surfaces: number;
  surfacesFound: number;
  egress: number;
  egressFound: number;
  /** Egress findings with a host or remote that the ground truth does not list there (a hint such as preconnect, a wrong kind). */
  falseEgress: string[];
  misses: string[];
}

const at = (l: { file: string; line: number }): string => `${l.file}:${l.line}`;
const sameSet = (a: string[], b: string[]): boolean => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** Reads an app's ground truth. */
export function readTruth(appDir: string): GroundTruth {
  return JSON.parse(readFileSync(join(appDir, 'ground-truth.json'), 'utf8')) as GroundTruth;
}

/** Compares a scan with the ground truth: found and correctly resolved sites, links, surfaces, egress, false product calls. */
export function scoreApp(app: string, truth: GroundTruth, scan: ScanLike): AppScore {
  const score: AppScore = { app, sites: truth.sites.length, found: 0, resolved: 0, links: truth.links.length, linksFound: 0, linksAttributed: 0, falseProductCalls: [], surfaces: truth.surfaces.length, surfacesFound: 0, egress: truth.egress.length, egressFound: 0, falseEgress: [], misses: [] };
  // A finding belongs to a site when it is reported there, or when the site is one of its "via" lines
  // (the tool reported the helper's caller and listed the site as the line the call went through).
  const touches = (f: Loc, site: string): boolean => at(f) === site || (f.via ?? []).some((v) => at(v) === site);
  for (const site of truth.sites) {
    const direct = [...scan.calls, ...scan.unresolved].filter((f) => at(f) === site.at);
    const all = direct.length > 0 ? direct : [...scan.calls, ...scan.unresolved].filter((f) => touches(f, site.at));
    if (all.length === 0) { score.misses.push(`${site.at}: not found`); continue; }
    score.found++;
    const calls = all.filter((f): f is ScanLike['calls'][number] => 'operationKey' in f || !('kind' in f));
    const ops = [...new Set(calls.map((c) => c.operationKey ?? '(no operation)'))];
    const unresolved = all.filter((f) => 'kind' in f && !(f as { link?: unknown }).link);
    if (sameSet(ops, site.ops) && unresolved.length === 0) score.resolved++;
    else score.misses.push(`${site.at}: expected ${site.ops.join(', ')}; got ${ops.join(', ') || 'no operation'}${unresolved.length ? ` and ${unresolved.length} unresolved` : ''}`);
  }
  for (const link of truth.links) {
    const here = [...scan.calls, ...scan.unresolved].filter((f) => at(f) === link.at);
    if (here.length === 0) { score.misses.push(`${link.at}: link not found`); continue; }
    score.linksFound++;
    const attributed = here.some((f) => 'link' in f && f.link && sameSet(f.link.returnedBy, link.returnedBy));
    if (attributed) score.linksAttributed++;
    else score.misses.push(`${link.at}: link not attributed to ${link.returnedBy.join(', ')}`);
  }
  const known = [...truth.sites.map((s) => s.at), ...truth.links.map((l) => l.at)];
  for (const c of scan.calls) {
    const own = known.some((k) => touches(c, k));
    if (!own || truth.notProduct.includes(at(c))) score.falseProductCalls.push(`${at(c)} ${c.operationKey ?? '(no operation)'}`);
  }
  for (const s of truth.surfaces) {
    const sameGraphql = (g: typeof s.graphql) => !s.graphql || (g?.operation === s.graphql.operation && g?.type === s.graphql.type && sameSet(g.fields, s.graphql.fields));
    const hit = scan.unresolved.some((u) => at(u) === s.at && u.surface === s.surface && sameGraphql(u.graphql));
    if (hit) score.surfacesFound++;
    else score.misses.push(`${s.at}: surface ${s.surface} not reported`);
  }
  for (const e of truth.egress) {
    const hit = (scan.egress ?? []).some((f) => at(f) === e.at && f.kind === e.kind && f.domain === e.domain && f.remote === e.remote);
    if (hit) score.egressFound++;
    else score.misses.push(`${e.at}: egress ${e.kind} ${e.domain ?? e.remote} not reported`);
  }
  for (const f of scan.egress ?? []) {
    if (f.domain === undefined && f.remote === undefined) continue;
    const listed = truth.egress.some((e) => e.at === at(f) && e.kind === f.kind && e.domain === f.domain && e.remote === f.remote);
    if (!listed) score.falseEgress.push(`${at(f)} ${f.kind} ${f.domain ?? f.remote}`);
  }
  return score;
}

/** Sums per-app scores. */
export function total(scores: AppScore[]): Omit<AppScore, 'app' | 'misses' | 'falseProductCalls' | 'falseEgress'> & { falseProductCalls: number; falseEgress: number } {
  const sum = (k: keyof AppScore) => scores.reduce((n, s) => n + (s[k] as number), 0);
  return {
    sites: sum('sites'), found: sum('found'), resolved: sum('resolved'), links: sum('links'), linksFound: sum('linksFound'), linksAttributed: sum('linksAttributed'),
    falseProductCalls: scores.reduce((n, s) => n + s.falseProductCalls.length, 0), falseEgress: scores.reduce((n, s) => n + s.falseEgress.length, 0), surfaces: sum('surfaces'), surfacesFound: sum('surfacesFound'), egress: sum('egress'), egressFound: sum('egressFound'),
  };
}

/** Formats a percentage with one decimal. */
export const pct = (n: number, of: number): string => (of === 0 ? '—' : `${((100 * n) / of).toFixed(1)} %`);
