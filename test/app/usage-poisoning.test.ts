/**
 * Browser-reported usage is client input. A non-admin, through the issue panel, reports calls
 * to an operation the app's Custom UI never makes: it must be stored apart as unverified, listed
 * apart, and never become a missing scope in the report or a proposal of `audit --dry-run`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BRIDGE_USAGE_RESOLVER_KEY } from '../../src/recorder';
import { runCli } from '../cli/run-cli';
import { ADMIN, ROOT, useDemoApp } from './demo-app';

const PANEL_USER = { context: { extension: { type: 'jira:issuePanel', issue: { key: 'DEMO-1' } } }, accountId: 'someone-else', admin: false };
const DELETE_PROJECT = ['j', 'DELETE', '/rest/api/3/project/{projectIdOrKey}', 1, 'b', 4000, 4000, 0, 0, 0, 0, 0, 0, 0];

jest.mock('../../src/resolvers/static-analysis', () => ({ staticAnalysis: () => app.analysis }));

const app = useDemoApp();
const call = app.call;

describe('usage poisoning through the bridge usage resolver', () => {
  it('refuses 100,000 claimed calls outright', async () => {
    const huge = [...DELETE_PROJECT];
    huge[5] = huge[6] = 100_000;
    expect(await call(BRIDGE_USAGE_RESOLVER_KEY, { v: 2, rows: [huge] }, PANEL_USER)).toMatchObject({ ok: false, code: 'BRIDGE_TALLY_INVALID' });
  });

  it('stores an operation the Custom UI never calls as unverified: listed apart, never missing, never proposed', async () => {
    expect(await call(BRIDGE_USAGE_RESOLVER_KEY, { v: 2, rows: [DELETE_PROJECT] }, PANEL_USER)).toMatchObject({ ok: true, stored: true, verified: 0, unverified: 1 });
    const { report } = await call('getReport', {}, ADMIN);
    expect(report.scopes.missingScopes).not.toContain('delete:project:jira');
    expect(JSON.stringify(report.scopes)).not.toContain('delete:project');
    expect(report.plan.add).not.toContain('delete:project:jira');
    expect(report.excludedRuntime).toEqual(expect.arrayContaining([expect.objectContaining({ reason: 'unverified-bridge', template: '/rest/api/3/project/{projectIdOrKey}', method: 'DELETE', calls: 4000 })]));
    const endpoints = await call('getEndpoints', { limit: 200 }, ADMIN);
    expect(endpoints.items.map((e: any) => e.key)).not.toContain('DELETE /rest/api/3/project/{projectIdOrKey}');

    const usage = JSON.parse((await call('exportUsage', { format: 'json' }, ADMIN)).content);
    expect(usage.endpoints.some((e: any) => e.method === 'DELETE')).toBe(false);
    expect(usage.excluded).toEqual(expect.arrayContaining([expect.objectContaining({ reason: 'unverified-bridge', principal: 'bridge', calls: 4000 })]));
    const dir = mkdtempSync(join(tmpdir(), 'poisoned-'));
    const file = join(dir, 'usage.json');
    writeFileSync(file, JSON.stringify(usage));
    // An export written before the split carried the same row among the evidence: still not a need.
    const { excluded, ...legacy } = usage;
    const legacyFile = join(dir, 'legacy.json');
    writeFileSync(legacyFile, JSON.stringify({ ...legacy, endpoints: [...legacy.endpoints, ...excluded.map(({ reason: _, ...e }: any) => e)] }));
    for (const f of [file, legacyFile]) {
      const { out, err } = await runCli(['audit', ROOT, '--usage', f, '--dry-run']);
      expect(out + err).not.toContain('delete:project:jira');
      const json = JSON.parse((await runCli(['audit', ROOT, '--usage', f, '--format', 'json'])).out);
      expect(json.scopes.missingScopes).not.toContain('delete:project:jira');
      expect(json.excludedRuntime).toEqual(expect.arrayContaining([expect.objectContaining({ reason: 'unverified-bridge', template: '/rest/api/3/project/{projectIdOrKey}' })]));
    }
  }, 60_000);

  it('records Scope Inspector’s own admin check as its own, out of the app’s evidence', async () => {
    const { report } = await call('getReport', {}, ADMIN);
    const usage = JSON.parse((await call('exportUsage', { format: 'json' }, ADMIN)).content);
    expect(usage.endpoints).toEqual(expect.arrayContaining([expect.objectContaining({ principal: 'inspector', template: '/rest/api/3/mypermissions' })]));
    expect(report.runtime.own).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'GET /rest/api/3/mypermissions' })]));
    expect(report.endpoints.find((e: any) => e.key === 'GET /rest/api/3/mypermissions')?.runtime).toBeUndefined();
  });
});
