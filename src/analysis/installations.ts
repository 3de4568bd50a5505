import { scopeChangeCost } from '../release/approval-cost';
import { changePhrases } from '../release/summary';
import type { UsageExport } from '../usage/format';
import { failuresOf } from './failures';
import type { Need } from './plan';
import type { InstallationReport } from './report-types';

/** Returns what the site's admin must approve to go from the granted scopes to the declared ones, by Atlassian's rules. */
function upgradeOf(granted: readonly string[], declared: readonly string[]): NonNullable<InstallationReport['upgrade']> {
  const cost = scopeChangeCost(granted, declared);
  if (cost.changes.length === 0) return { approval: cost.approval, summary: 'It granted exactly the declared scopes: nothing to approve for scopes.' };
  return { approval: cost.approval, summary: `Its admin must approve a new major version that ${changePhrases(cost.changes).join(' and ')} before the deployed scopes apply there.` };
}

/** Sums an installation's app calls (Scope Inspector's own excluded): calls, failures, 401 scope mismatches, last day. */
function trafficOf(u: UsageExport): Pick<InstallationReport, 'calls' | 'failures' | 'scopeMismatch401' | 'lastSeen'> {
  let calls = 0;
  let failures = 0;
  let scopeMismatch401 = 0;
  let lastSeen: string | null = null;
  for (const e of u.endpoints) {
    if (e.principal === 'inspector' || e.calls === 0) continue;
    calls += e.calls;
    failures += failuresOf(e.calls, e.status);
    scopeMismatch401 += e.scopeMismatch401;
    if (lastSeen === null || e.lastSeen > lastSeen) lastSeen = e.lastSeen;
  }
  return { calls, failures, scopeMismatch401, lastSeen };
}

/**
 * Compares each installation's granted scopes (for the newest app version it ran) with the
 * manifest: declared scopes not granted mean the site has not upgraded to the version that
 * asks for them, and needs they leave unauthorized will fail there with 401s. Also what its
 * admin must approve (Atlassian's rules) and its traffic in the window.
 */
export function installationReports(usage: readonly UsageExport[], declared: readonly string[], needs: readonly Need[]): InstallationReport[] {
  return usage.map((u) => {
    const newest = [...u.grantedScopes].sort((a, b) => (a.lastSeen !== b.lastSeen ? (a.lastSeen < b.lastSeen ? 1 : -1) : compareVersions(b.appVersion, a.appVersion)))[0];
    if (!newest) return { installation: u.installation, granted: [], notGranted: [], unauthorizedNeeds: [], extraGranted: [], ...trafficOf(u), upgrade: null };
    const granted = new Set(newest.scopes);
    const declaredSet = new Set(declared);
    return {
      installation: u.installation,
      appVersion: newest.appVersion,
      granted: [...granted].sort(),
      notGranted: declared.filter((s) => !granted.has(s)).sort(),
      unauthorizedNeeds: needs.filter((n) => n.alternatives.length && !n.alternatives.some((alt) => alt.every((s) => granted.has(s)))).map((n) => n.id),
      extraGranted: [...granted].filter((s) => !declaredSet.has(s)).sort(),
      ...trafficOf(u),
      upgrade: upgradeOf([...granted], declared),
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
