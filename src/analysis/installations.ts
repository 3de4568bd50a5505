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
    const newest = [...u.grantedScopes].sort((a, b) => (a.lastSeen !== b.lastSeen ? (a.lastSeen < b.lastSeen ? 1 : -1) : compareVersions(b.appVersion, a.appVersion)))[0];
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

/** Compares dotted versions numerically (`1.10.0` > `1.9.2`); non-numeric parts compare as text. */
export function compareVersions(a: string, b: string): number {
  const x = a.split('.');
  const y = b.split('.');
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const p = x[i] ?? '0';
    const q = y[i] ?? '0';
    const diff = /^\d+$/.test(p) && /^\d+$/.test(q) ? Number(p) - Number(q) : p.localeCompare(q);
    if (diff) return diff;
  }
  return 0;
}
