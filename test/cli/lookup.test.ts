import { runCli } from './run-cli';

describe('scope-inspector lookup and scopes', () => {
  it('prints operation, template, alternatives and the documentation link', async () => {
    const { code, out } = await runCli(['lookup', 'GET', '/rest/api/2/issue/ABC-1?expand=names']);
    expect(code).toBe(0);
    expect(out).toContain('GET /rest/api/3/issue/{issueIdOrKey}');
    expect(out).toMatch(/classic\s+read:jira-work/);
    expect(out).toMatch(/or granular .*read:issue:jira/);
    expect(out).toContain('https://developer.atlassian.com/cloud/jira/platform/rest/v3/');
  });

  it('writes one JSON object per stdin line, with an error for unknown paths', async () => {
    const { code, out } = await runCli(['lookup', '--stdin'], 'GET /wiki/api/v2/pages/42\nPOST /nowhere\n\n');
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ method: 'GET', path: '/wiki/api/v2/pages/42', template: '/wiki/api/v2/pages/{id}', operationId: 'getPageById', product: 'confluence', alternatives: [{ kind: 'granular', scopes: ['read:page:confluence'] }] });
    expect(lines[1]).toEqual({ method: 'POST', path: '/nowhere', error: expect.stringContaining('/nowhere'), code: 'NOT_FOUND' });
    expect(code).toBe(1);
  });

  it('reports which documented form of a JSM Operations path matched, in JSON and in text', async () => {
    const { out } = await runCli(['lookup', '--stdin'], 'GET /jsm/ops/api/v1/alerts/a1\nGET /jsm/ops/api/5f3c/v1/alerts/a1\n');
    const [forge, cloudId] = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(forge).toMatchObject({ template: '/jsm/ops/api/v1/alerts/{id}', pathForm: 'forge' });
    expect(cloudId).toMatchObject({ template: '/jsm/ops/api/v1/alerts/{id}', pathForm: 'cloud-id' });
    const text = await runCli(['lookup', 'GET', '/jsm/ops/api/5f3c/v1/alerts/a1']);
    expect(text.code).toBe(0);
    expect(text.out).toContain('path form: cloud-id');
  });

  it('says a call to an undocumented internal API is one, never "no operation matches"', async () => {
    const { code, out } = await runCli(['lookup', '--stdin'], 'GET /rest/dev-status/latest/issue/detail?issueId=1\n');
    expect(JSON.parse(out)).toMatchObject({ code: 'INTERNAL_API', error: expect.stringContaining('undocumented internal API: no published scope; Atlassian may change or block it') });
    expect(code).toBe(1);
    const text = await runCli(['lookup', 'GET', '/rest/greenhopper/1.0/rapid/charts/sprintreport']);
    expect(text.err).toMatch(/^INTERNAL_API: .*undocumented internal API/);
  });

  it('labels a partial hand-written entry and keeps its probable scope apart from the requirement', async () => {
    const { out } = await runCli(['lookup', '--json', 'PUT', '/wiki/rest/atlassian-connect/1/addons/com.example/properties/k']);
    expect(JSON.parse(out)).toMatchObject({
      alternatives: [],
      undocumented: true,
      partial: expect.stringMatching(/^scope unverified/),
      probableScopes: ['write:app-data:confluence'],
      docUrl: 'https://developer.atlassian.com/cloud/confluence/app-properties-api/',
    });
  });

  it('lists the operations a scope authorizes', async () => {
    const { code, out } = await runCli(['scopes', 'read:page:confluence', '--json']);
    const result = JSON.parse(out);
    expect(code).toBe(0);
    expect(result.count).toBe(result.operations.length);
    expect(result.operations.map((o: { key: string }) => o.key)).toContain('GET /wiki/api/v2/pages/{id}');
  });

  it('exits 2 on usage errors', async () => {
    expect((await runCli(['lookup', 'GET'])).code).toBe(2);
    expect((await runCli(['nonsense'])).code).toBe(2);
  });
});
