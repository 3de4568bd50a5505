import type { EgressKind, ScanResult, SkippedFile } from '../scan/types';
import { capped } from './blockers';
import { entryHost, hostMatches, urlHost } from './egress-host';
import { egressReaches, type Reach } from './egress-reaches';
import type { EgressDetail, EgressDetailKind, EgressManifest, EgressReason, EgressRef, EgressReport } from './egress-types';
import type { RuntimeSurfaceReport } from './report-types';

/** Everything the egress verdicts depend on. */
export interface EgressInput {
  manifestFile: string;
  manifest: EgressManifest;
  scan?: ScanResult;
  /** Files not read or not parsed: one that blocks removal keeps every declared host from being proven unused. */
  skipped: readonly SkippedFile[];
  runtimeSurfaces: readonly RuntimeSurfaceReport[];
  /** Installations that made a runtime surface call. */
  sitesOf: (s: RuntimeSurfaceReport) => ReadonlySet<string>;
}

/** `permissions.external` list → the kind of request it allows. */
const LIST_KIND: Readonly<Record<string, EgressKind>> = {
  'fetch.backend': 'fetch-backend',
  'fetch.client': 'fetch-client',
  images: 'images',
  scripts: 'scripts',
  styles: 'styles',
  fonts: 'fonts',
  media: 'media',
  frames: 'frames',
};
const KIND_ORDER: readonly EgressDetailKind[] = ['fetch-backend', 'fetch-client', 'remote', 'images', 'scripts', 'styles', 'fonts', 'media', 'frames'];

/** What a third-party script can load in the page: everything Custom UI may. */
const CLIENT_KINDS: ReadonlySet<EgressDetailKind> = new Set(['fetch-client', 'images', 'scripts', 'styles', 'fonts', 'media', 'frames']);
/** What a third-party stylesheet can load: fonts, images, other stylesheets. */
const STYLE_LOADS: ReadonlySet<EgressDetailKind> = new Set(['fonts', 'images', 'styles']);

type Building = EgressDetail & { pattern?: string; siteSet: Set<string> };

/** Returns the hosts of a remote's `baseUrl` (a URL, or canonical JSON of region-specific URLs), default first. */
function remoteHosts(baseUrl: string | null): string[] {
  if (!baseUrl) return [];
  if (!baseUrl.startsWith('{')) return [urlHost(baseUrl)].filter((h): h is string => !!h);
  try {
    const regions = JSON.parse(baseUrl) as Record<string, unknown>;
    const urls = [regions.default, ...Object.entries(regions).filter(([k]) => k !== 'default').map(([, v]) => v)];
    return [...new Set(urls.map((u) => (typeof u === 'string' ? urlHost(u) : undefined)).filter((h): h is string => !!h))];
  } catch {
    return [];
  }
}

/** Returns the egress model: one verdict per declared or reached (host, kind), with reasons and evidence (docs/analysis.md, "Egress"). */
export function egressReport(input: EgressInput): EgressReport {
  const { manifest } = input;
  const details = new Map<string, Building>();
  const detail = (kind: EgressDetailKind, domain: string): Building => {
    const key = `${kind} ${domain}`;
    let d = details.get(key);
    if (!d) details.set(key, (d = { domain, kind, verdict: 'unused', reasons: [], declaredAs: [], calls: 0, refused: 0, sites: 0, siteSet: new Set() }));
    return d;
  };
  const where = (line: number) => `${input.manifestFile}:${line}`;
  const remoteHostsByKey = new Map(manifest.remotes.map((r) => [r.key, remoteHosts(r.baseUrl)]));
  const unreadable = new Set<Building>();

  for (const r of manifest.remotes) {
    const d = detail('remote', remoteHostsByKey.get(r.key)?.[0] ?? r.key);
    d.remote = r.key;
    d.declaredAs.push({ entry: r.key, line: r.line, column: r.column });
  }
  for (const e of manifest.external) {
    const kind = LIST_KIND[e.list];
    if (!kind) continue;
    let host: string | undefined;
    let remote: string | undefined;
    if (e.entry.startsWith('{')) {
      const value = (() => {
        try {
          return JSON.parse(e.entry) as { address?: unknown; remote?: unknown };
        } catch {
          return {};
        }
      })();
      if (typeof value.remote === 'string') {
        remote = value.remote;
        host = remoteHostsByKey.get(remote)?.[0] ?? `remote:${remote}`;
      } else if (typeof value.address === 'string') host = entryHost(value.address);
    } else host = entryHost(e.entry);
    const d = detail(kind, host ?? e.entry);
    d.declaredAs.push({ entry: e.entry, line: e.line, column: e.column });
    if (remote) d.remote = remote;
    if (host && !remote) d.pattern = host;
    if (!host) unreadable.add(d);
  }

  const { reaches, unresolved } = egressReaches(manifest, input.scan, input.runtimeSurfaces, input.sitesOf);
  const evidence = (d: Building, reach: Reach): void => {
    if (reach.runtime) {
      d.calls += reach.runtime.calls;
      d.refused += reach.runtime.refused;
      for (const s of reach.runtime.sites) d.siteSet.add(s);
      d.reasons.push({ kind: 'runtime', text: `${reach.runtime.calls} ${reach.api} calls at runtime`, at: [], calls: reach.runtime.calls });
      if (reach.runtime.refused) d.reasons.push({ kind: 'refused', text: `Forge refused ${reach.runtime.refused} of them: not allowed by the manifest the site runs`, at: [], calls: reach.runtime.refused });
    } else d.reasons.push({ kind: 'code', text: `${reach.api}${reach.host ? ` ${reach.host}` : reach.remote ? ` remote ${reach.remote}` : ''}`, at: reach.at ? [reach.at] : [] });
  };
  for (const reach of reaches) {
    const declaredOfKind = [...details.values()].filter((d) => d.kind === reach.kind && d.declaredAs.length);
    if (reach.remote) {
      // A remote is declared by `remotes[]`; a permissions.external entry naming it (or its host) is then used too.
      const hosts = remoteHostsByKey.get(reach.remote);
      // Undeclared: a `remote` detail named by its key, missing.
      const remoteDetail = (hosts && details.get(`remote ${hosts[0] ?? reach.remote}`)) || Object.assign(detail('remote', reach.remote), { remote: reach.remote });
      evidence(remoteDetail, reach);
      for (const d of declaredOfKind) if (d.remote === reach.remote || (d.pattern && hosts?.some((h) => hostMatches(d.pattern!, h)))) evidence(d, reach);
      continue;
    }
    const allowing = declaredOfKind.filter((d) => d.pattern && hostMatches(d.pattern, reach.host!));
    for (const d of allowing) evidence(d, reach);
    if (allowing.length === 0) evidence(detail(reach.kind, reach.host!), reach);
  }
  for (const ref of manifest.remoteRefs) {
    const hosts = remoteHostsByKey.get(ref.remote);
    const d = hosts ? details.get(`remote ${hosts[0] ?? ref.remote}`) : undefined;
    if (d) d.reasons.push({ kind: 'manifest', text: `${ref.by} routes to it`, at: [where(ref.line)] });
  }

  // Each blocker names its place in `at`, as code reasons do (rendered "reason (src/a.ts:9)").
  const skipped = input.skipped.filter((f) => f.blocksRemoval).map((f) => ({ text: `${f.file} was not read: ${f.reason}`, at: [] as string[] }));
  // A third-party script or stylesheet loads what it likes: what it reaches cannot be seen from the app's code.
  const carried = (kind: EgressDetailKind) =>
    reaches
      .filter((r) => r.host && !r.runtime && (r.kind === 'scripts' ? CLIENT_KINDS.has(kind) : r.kind === 'styles' && STYLE_LOADS.has(kind)))
      .map((r) => ({ text: `a ${r.kind === 'scripts' ? 'script' : 'stylesheet'} from ${r.host} can load ${r.kind === 'scripts' ? 'anything' : 'fonts, images and stylesheets'} the tool cannot see`, at: r.at ? [r.at] : [] }));
  const blockersOf = (kind: EgressDetailKind): { text: string; at: string[] }[] => {
    const all = [...skipped, ...unresolved.filter((u) => u.kind === kind).map((u) => ({ text: u.reason, at: u.at === 'runtime' ? [] : [u.at] })), ...carried(kind)];
    const shown = capped(all.map((b) => b.text));
    // capped keeps the first ones and may add "and N more" (a line of its own, with no place).
    return shown.map((text, i) => (i < all.length && text === all[i].text ? all[i] : { text, at: [] }));
  };
  const out: EgressDetail[] = [];
  for (const d of details.values()) {
    const reached = d.reasons.some((r) => r.kind !== 'blocked');
    if (!d.declaredAs.length) d.verdict = 'missing';
    else if (reached) d.verdict = 'used';
    else {
      const blockers = unreadable.has(d) ? [{ text: 'the tool could not read this entry', at: [] }] : blockersOf(d.kind);
      d.verdict = blockers.length ? 'unverifiable' : 'unused';
      d.reasons = blockers.map((b) => ({ kind: 'blocked' as const, ...b }));
    }
    const { pattern: _p, siteSet, ...rest } = d;
    out.push({ ...rest, sites: siteSet.size });
  }
  out.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0));
  const refs = (pick: (d: EgressDetail) => boolean): EgressRef[] => out.filter(pick).map((d) => ({ domain: d.domain, kind: d.kind }));
  return {
    details: out,
    declared: refs((d) => d.declaredAs.length > 0),
    used: refs((d) => d.verdict === 'used'),
    unused: refs((d) => d.verdict === 'unused'),
    missing: refs((d) => d.verdict === 'missing'),
    unverifiable: refs((d) => d.verdict === 'unverifiable'),
    unresolved,
    content: manifest.content.flatMap((c) => c.keywords.map((keyword) => ({ list: c.list, keyword, line: c.line }))),
  };
}
