import { kvs } from '@forge/kvs';
import type { Sandbox } from '../../../local/sandbox';
import type { UsageEndpoint, UsageExport } from '../../../src/usage/format';
import { USAGE_KEY } from './src';

const day = (offset: number) => new Date(Date.UTC(2026, 10, 20 + offset)).toISOString().slice(0, 10);

function endpoint(method: UsageEndpoint['method'], template: string, calls: number, extra: Partial<UsageEndpoint> = {}): UsageEndpoint {
  return {
    family: 'requestJira',
    method,
    template,
    operationKey: `${method} ${template}`,
    known: true,
    principal: 'app',
    calls,
    status: { '2xx': calls - (extra.scopeMismatch401 ?? 0), '3xx': 0, '4xx': extra.scopeMismatch401 ?? 0, '5xx': 0, network: 0 },
    scopeMismatch401: 0,
    firstSeen: day(0),
    lastSeen: day(2),
    daysSeen: 3,
    appVersions: ['1.0.0'],
    environments: ['DEVELOPMENT'],
    moduleKeys: ['admin-page'],
    ...extra,
  };
}

/**
 * Seeds the fixture app's usage (what `seedDemoTraffic` does for the real app): three endpoints
 * exercised, one refused with the gateway's 401 because write:jira-work is missing, one runtime-only
 * endpoint, and a site that has not granted manage:jira-configuration yet.
 */
export async function seedFixtureUsage(sandbox: Sandbox): Promise<UsageExport> {
  const usage: UsageExport = {
    format: 'scope-inspector-usage',
    version: 1,
    generatedAt: new Date().toISOString(),
    installation: 'c0ffee00fixture',
    environment: 'DEVELOPMENT',
    window: { firstDay: day(0), lastDay: day(2), daysObserved: 3 },
    grantedScopes: [{ appVersion: '1.0.0', scopes: ['read:jira-work', 'read:jira-user', 'storage:app'], firstSeen: day(0), lastSeen: day(2) }],
    endpoints: [
      endpoint('GET', '/rest/api/3/issue/{issueIdOrKey}', 42),
      endpoint('GET', '/rest/api/3/myself', 7, { principal: 'user', lastSeen: day(1) }),
      endpoint('GET', '/rest/api/3/issue/createmeta', 3),
      endpoint('POST', '/rest/api/3/issue/{issueIdOrKey}/comment', 5, { principal: 'user', scopeMismatch401: 5 }),
      endpoint('GET', '/rest/api/3/project/search', 11, { firstSeen: day(1) }),
      // A path outside the catalog: recorded as a redacted shape without an operation.
      { ...endpoint('GET', '/rest/internal/{}/state', 2), operationKey: undefined, known: false },
    ],
    droppedCalls: 0,
  };
  await sandbox.run(() => kvs.set(USAGE_KEY, usage));
  return usage;
}
