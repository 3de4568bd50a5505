import { loadManifest } from './app-manifest';
import type { Sandbox } from './sandbox';
import type { SandboxOptions } from './sandbox-options';

/** The version the demo site still runs, and the scope it never granted (the deployed manifest asks for it). */
export const DEMO_SITE = { appVersion: '0.0.9', notGranted: 'write:issue.property:jira' } as const;

/** Returns sandbox options that make it the demo site: an older version missing one grant. */
export function demoSiteOptions(manifestPath: string): Pick<SandboxOptions, 'appVersion' | 'grantedScopes'> {
  const declared = loadManifest(manifestPath).scopes;
  return { appVersion: DEMO_SITE.appVersion, grantedScopes: declared.filter((s) => s !== DEMO_SITE.notGranted) };
}

/** What `seedDemoTraffic` did, so callers (npm start, tests) can say it and check it. */
export interface SeedSummary {
  issuesCreated: number;
  panelViews: number;
}

/** The issue keys the demo traffic uses. */
export const DEMO_ISSUES = ['DEMO-1', 'DEMO-2', 'DEMO-3', 'DEMO-4', 'DEMO-5'];

/**
 * Seeds realistic usage by invoking this app's own features through the real recorder. Run on
 * the demo site (`demoSiteOptions`), which still runs 0.0.9 and never granted
 * `write:issue.property:jira`, which the deployed manifest now declares:
 * - the `issue-created` trigger on five issues: reads each issue, then stamps an issue property,
 *   which the gateway refuses with 401 "scope does not match";
 * - the issue panel's `getIssueActivity` resolver, twice per issue (comments, transitions);
 * - nothing on the Confluence byline item, so its scope has static evidence only.
 * Then compacts, as the scheduled trigger would.
 */
export async function seedDemoTraffic(sandbox: Sandbox): Promise<SeedSummary> {
  for (const key of DEMO_ISSUES) await sandbox.trigger('issue-created-trigger', { issue: { key } });
  let panelViews = 0;
  for (const key of DEMO_ISSUES) {
    for (let view = 0; view < 2; view++) {
      const context = { extension: { type: 'jira:issuePanel', issue: { key } } };
      await sandbox.invokeResolver('resolver', 'getIssueActivity', { issueKey: key }, { moduleKey: 'issue-activity', context });
      panelViews++;
    }
  }
  await sandbox.trigger('usage-compaction');
  return { issuesCreated: DEMO_ISSUES.length, panelViews };
}
