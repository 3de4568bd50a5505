import type { ManifestModule } from '../app-manifest';
import type { Sandbox } from '../sandbox';
import type { PageSettings } from './bridge-client';

/** The Bitbucket workspace of the simulated installation. */
export const SANDBOX_WORKSPACE_ID = '{7d0b7c5e-0000-4000-8000-00000000b1b1}';

/** Returns what `view.getContext()` gives a Custom UI module: extension type, site, user, locale, theme. */
export function pageContext(sandbox: Sandbox, module: ManifestModule, settings: PageSettings): Record<string, unknown> {
  return {
    accountId: settings.accountId,
    cloudId: sandbox.cloudId,
    siteUrl: sandbox.siteUrl,
    localId: `ari:cloud:ecosystem::extension/${sandbox.manifest.appId}/sandbox/static/${module.key}`,
    locale: settings.locale,
    timezone: sandbox.user.timezone ?? 'UTC',
    theme: { colorMode: 'light' },
    moduleKey: module.key,
    environmentId: '00000000-0000-4000-8000-00000000e0e0',
    environmentType: 'DEVELOPMENT',
    appVersion: '1.0.0',
    license: { active: true, isActive: true, type: 'commercial' },
    // Forge tells a module where it is shown; the page URL's ?issueKey= / ?contentId= stand in for that.
    extension: { type: module.type, ...(settings.issueKey ? { issue: { key: settings.issueKey } } : {}), ...(settings.contentId ? { content: { id: settings.contentId } } : {}) },
    // Bitbucket pages run in a workspace (the resolver context carries it too).
    ...(module.type.startsWith('bitbucket:') ? { workspaceId: SANDBOX_WORKSPACE_ID } : {}),
  };
}
