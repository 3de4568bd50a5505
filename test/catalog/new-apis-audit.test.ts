import { makeApp, runCli } from '../cli/run-cli';

// A realistic JSM app written for this test: Assets through requestJira, JSM Operations alerts
// (once in the documented Forge form, once with the cloud id copied from the basic-auth docs),
// a Forms call, and the development panel's internal API.
const MANIFEST = `modules:
  function:
    - key: main
      handler: index.run
permissions:
  scopes:
    - read:cmdb-object:jira
    - read:ops-alert:jira-service-management
    - read:jira-work
    - import:import-configuration:cmdb
app:
  id: ari:cloud:ecosystem::app/1
`;
const SOURCE = `import api, { route } from '@forge/api';
const CLOUD_ID = '3f2c1b7e-8a4d-4e0f-9b6a-2d5c7e1f0a93';
export async function run(workspaceId: string, objectId: string, alertId: string, issueId: string, key: string) {
  await api.asApp().requestJira(route\`/jsm/assets/workspace/\${workspaceId}/v1/object/\${objectId}?includeAttributes=true\`);
  await api.asApp().requestJira(route\`/jsm/ops/api/v1/alerts/\${alertId}\`);
  await api.asApp().requestJira(route\`/jsm/ops/api/\${CLOUD_ID}/v1/alerts/\${alertId}\`);
  await api.asUser().requestJira(route\`/forms/issue/\${key}/form\`);
  await api.asApp().requestJira(route\`/rest/dev-status/latest/issue/detail?issueId=\${issueId}&applicationType=GitHub&dataType=pullrequest\`);
}
`;

describe('audit of an app calling the APIs the catalog gained', () => {
  it('resolves Assets, JSM Operations (with the path form of each call) and Forms, and names the internal API', async () => {
    const { out } = await runCli(['audit', makeApp({ 'manifest.yml': MANIFEST, 'src/index.ts': SOURCE }), '--format', 'json']);
    const report = JSON.parse(out);
    const keys = report.endpoints.map((e: { key: string }) => e.key);
    expect(keys).toEqual(['GET /forms/issue/{issueIdOrKey}/form', 'GET /jsm/assets/workspace/{workspaceId}/v1/object/{id}', 'GET /jsm/ops/api/v1/alerts/{id}']);
    const alert = report.endpoints.find((e: { key: string }) => e.key === 'GET /jsm/ops/api/v1/alerts/{id}');
    expect(alert.calls.map((c: { line: number; pathForm: string }) => [c.line, c.pathForm])).toEqual([[5, 'forge'], [6, 'cloud-id']]);
    expect(alert.authorized).toBe(true);
    const internal = report.unresolved.find((u: { line: number }) => u.line === 8);
    expect(internal.reason).toContain('undocumented internal API: no published scope; Atlassian may change or block it');
    // The verdict is a field too, and the call is named once ("GET /x: [GET] /x: …" before).
    expect(internal).toMatchObject({ code: 'INTERNAL_API', method: 'GET', pattern: '/rest/dev-status/latest/issue/detail' });
    expect(internal.reason).toMatch(/^GET \/rest\/dev-status\/latest\/issue\/detail: undocumented internal API/);
    // The internal call may need a Jira scope, Assets' import scope included: it is unverifiable, never unused.
    const detail = report.scopes.details.find((d: { scope: string }) => d.scope === 'import:import-configuration:cmdb');
    expect(detail.verdict).toBe('unverifiable');
    expect(detail.reasons.map((r: { text: string }) => r.text).join('\n')).toContain('undocumented internal API');
  });

  it('gives the internal API the same verdict in text, Markdown and SARIF', async () => {
    const dir = makeApp({ 'manifest.yml': MANIFEST, 'src/index.ts': SOURCE });
    const verdict = 'GET /rest/dev-status/latest/issue/detail: undocumented internal API: no published scope; Atlassian may change or block it.';
    expect((await runCli(['audit', dir, '--fail-on', 'none'])).out).toContain(`src/index.ts:8  ${verdict}`);
    expect((await runCli(['audit', dir, '--format', 'markdown', '--fail-on', 'none'])).out).toContain(`| src/index.ts:8 | ${verdict}`);
    const sarif = JSON.parse((await runCli(['audit', dir, '--format', 'sarif', '--fail-on', 'none'])).out);
    const results = sarif.runs[0].results.filter((r: { ruleId: string; message: { text: string } }) => r.ruleId === 'unresolved-call' && r.message.text.startsWith(verdict));
    expect(results).toHaveLength(1);
  });
});
