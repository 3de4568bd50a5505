import type { ManifestInfo } from '../manifest/types';
import { contentPath, entryPath, externalPath, providerPath, remotePath } from '../release/change-paths';
import type { ManifestFacts } from '../release/manifest-facts';
import type { EgressManifest } from './egress-types';

/**
 * Returns what the manifest declares about egress, with lines, from its facts (the release
 * guard's reader: `permissions.external`, `permissions.content`, `remotes`, providers) and its
 * modules (endpoint modules name the remote Forge calls).
 */
export function egressManifestOf(facts: ManifestFacts, info: Pick<ManifestInfo, 'modules'> & Partial<Pick<ManifestInfo, 'remotes'>>): EgressManifest {
  const at = (path: string) => facts.positions[path] ?? { line: 1, column: 1 };
  const { declared } = facts;
  const remoteRefs: EgressManifest['remoteRefs'] = [];
  for (const m of info.modules) if (m.type === 'endpoint' && m.remote) remoteRefs.push({ remote: m.remote, by: `endpoint module ${m.key}`, line: m.line, column: m.column });
  for (const p of declared.providers) {
    let remotes: unknown;
    try {
      remotes = (JSON.parse(p.settings) as { remotes?: unknown }).remotes;
    } catch {
      remotes = undefined;
    }
    for (const r of Array.isArray(remotes) ? remotes : []) {
      const key = typeof r === 'string' ? r : (r as { remote?: unknown } | null)?.remote;
      if (typeof key === 'string') remoteRefs.push({ remote: key, by: `external-auth provider ${p.key}`, ...at(providerPath(p.key)) });
    }
  }
  return {
    external: Object.entries(declared.external).flatMap(([list, entries]) => entries.map((entry) => ({ list, entry, ...at(entryPath(externalPath(list), entry)) }))),
    content: Object.entries(declared.content).map(([list, keywords]) => ({ list, keywords, ...at(contentPath(list)) })),
    remotes: declared.remotes.map((r) => ({ key: r.key, baseUrl: r.baseUrl, ...at(remotePath(r.key)), ...(info.remotes ? { appTokens: remoteGetsAppTokens(r.key, info.modules, info.remotes) } : {}) })),
    remoteRefs,
  };
}

/**
 * True when Forge passes an app token (`appSystemToken` or `appUserToken`) to the remote, through
 * its own `auth` or an endpoint module that calls it: only then can the remote call Atlassian APIs
 * with the app's scopes (https://developer.atlassian.com/platform/forge/remote/calling-product-apis/).
 */
function remoteGetsAppTokens(key: string, modules: ManifestInfo['modules'], remotes: ManifestInfo['remotes']): boolean {
  const granted = (auth: { appSystemToken: boolean; appUserToken: boolean } | undefined) => !!auth && (auth.appSystemToken || auth.appUserToken);
  return remotes.some((r) => r.key === key && granted(r.auth)) || modules.some((m) => m.remote === key && granted(m.auth));
}
