import type { UsageExport } from '../usage/format';
import type { Need } from './plan';
import type { InstallationReport } from './report-types';

/**
 * Compares each installation's granted scopes (for the newest app version it ran) with the
 * manifest: declared scopes not granted mean the site has not upgraded to the version that
 * asks for them, and needs they leave unauthorized will fail there with 401s.
 */
export function installationReports(usage: readonly UsageExport[], declared: readonly string[], needs: readonly Need[]): InstallationReport[] {
  return usage.map((u) => {
    const newest = [...u.grantedScopes].sort((a, b) => (a.lastSeen < b.lastSeen ? 1 : a.lastSeen > b.lastSeen ? -1 : 0))[0];
    if (!newest) return { installation: u.installation, granted: [], notGranted: [], unauthorizedNeeds: [] };
    const granted = new Set(newest.scopes);
    return {
      installation: u.installation,
      appVersion: newest.appVersion,
      granted: [...granted].sort(),
      notGranted: declared.filter((s) => !granted.has(s)).sort(),
      unauthorizedNeeds: needs.filter((n) => n.alternatives.length && !n.alternatives.some((alt) => alt.every((s) => granted.has(s)))).map((n) => n.id),
    };
  });
}
