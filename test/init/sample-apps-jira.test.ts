/**
 * `scope-inspector init` on the Jira sample apps (test/fixtures/init-apps): wired, audited,
 * run in the sandbox, their calls checked on their new admin page in Chromium, undone byte for byte.
 * (Split from sample-apps-others.test.ts so the two run on both cores.)
 */
import { describeSampleApps } from './helpers/sample-app-flow';

describeSampleApps('scope-inspector init on sample Jira apps', ['jira-triage-ts', 'jira-webhook-queue-cjs', 'jira-dashboard-esm', 'jira-incident-notify-ts']);
