import type { EgressKind, ScanResult } from '../scan/types';
import type { EgressDetailKind, EgressManifest, EgressUnresolved } from './egress-types';
import type { RuntimeSurfaceReport } from './report-types';

/** One piece of evidence that the app reaches a host or a remote: a call site, or runtime calls. */
export interface Reach {
  /** The `permissions.external` kind the request is made as (a remote reached from a function is `fetch-backend`). */
  kind: EgressKind;
  /** The host reached (lower case, no port). */
  host?: string;
  /** The `remotes` key reached (`invokeRemote`, `requestRemote`, a provider's remote). */
  remote?: string;
  /** `file:line` of a call site; absent for runtime evidence. */
  at?: string;
  /** The API or markup (`fetch`, `<img src>`, `invokeRemote`…), or the runtime surface. */
  api: string;
  runtime?: { calls: number; refused: number; sites: ReadonlySet<string> };
}

/** Everything that reaches outside Atlassian, and what does so with a host or remote the tool could not tell. */
export interface Reaches {
  reaches: Reach[];
  unresolved: EgressUnresolved[];
}

const REMOTE_APIS = new Set(['invokeRemote', 'requestRemote', 'withProvider().fetch']);
const REMOTE_SURFACES = new Set(['invokeRemote', 'requestRemote']);

/** Returns the host of a runtime `fetch` target (`api.example.com:8443` → `api.example.com`). */
const hostOf = (target: string) => (target.startsWith('[') ? target.replace(/:\d+$/, '') : target.split(':')[0]);

/**
 * Returns what the code and the runtime evidence reach: the scanner's egress findings (hosts,
 * remotes, providers), remote surfaces the scanner recognised, the runtime surfaces (`fetch`
 * hosts, remote and provider keys), and every call whose host or remote could not be told.
 */
export function egressReaches(manifest: EgressManifest, scan: ScanResult | undefined, surfaces: readonly RuntimeSurfaceReport[], sitesOf: (s: RuntimeSurfaceReport) => ReadonlySet<string>): Reaches {
  const reaches: Reach[] = [];
  const unresolved: EgressUnresolved[] = [];
  const remotesOfProvider = (provider: string) => manifest.remoteRefs.filter((r) => r.by === `external-auth provider ${provider}`).map((r) => r.remote);
  for (const f of scan?.egress ?? []) {
    const at = `${f.file}:${f.line}`;
    if (f.domain) reaches.push({ kind: f.kind, host: f.domain, at, api: f.api });
    else if (f.remote) reaches.push({ kind: f.kind, remote: f.remote, at, api: f.api });
    else if (f.provider && remotesOfProvider(f.provider).length) for (const remote of remotesOfProvider(f.provider)) reaches.push({ kind: f.kind, remote, at, api: f.api });
    else unresolved.push({ kind: REMOTE_APIS.has(f.api) ? 'remote' : f.kind, at, reason: `${f.api}: ${f.unresolved ?? 'the URL cannot be resolved'}` });
  }
  // Remote surfaces whose key the scanner could not read (its egress finding says so too, when it made one).
  for (const u of scan?.unresolved ?? []) {
    if (u.kind === 'api' && u.surface && REMOTE_SURFACES.has(u.surface) && !u.remote && u.principal !== 'bridge') {
      unresolved.push({ kind: 'remote', at: `${u.file}:${u.line}`, reason: `${u.surface}: the remote key cannot be resolved` });
    }
  }
  for (const s of surfaces) {
    const runtime = { calls: s.runtime.calls, refused: s.refused, sites: sitesOf(s) };
    if (s.surface === 'fetch') {
      if (typeof s.target === 'string') reaches.push({ kind: 'fetch-backend', host: hostOf(s.target), api: 'fetch', runtime });
      else unresolved.push({ kind: 'fetch-backend', at: 'runtime', reason: `${s.runtime.calls} fetch calls whose URL could not be read` });
    } else if (REMOTE_SURFACES.has(s.surface) || s.surface === 'providerFetch') {
      if (typeof s.target !== 'string') {
        // The bridge's invokeRemote has no key: it reaches the module's endpoint, which the manifest names.
        if (s.target === null) unresolved.push({ kind: 'remote', at: 'runtime', reason: `${s.runtime.calls} ${s.surface} calls whose remote could not be read` });
        continue;
      }
      const [first, second] = s.target.split('/');
      const remotes = s.surface !== 'providerFetch' ? [first] : second ? [second] : remotesOfProvider(first);
      const kind = s.runtime.principals.includes('bridge') ? 'fetch-client' : 'fetch-backend';
      for (const remote of remotes) reaches.push({ kind, remote, api: s.surface, runtime });
    }
  }
  return { reaches, unresolved };
}
