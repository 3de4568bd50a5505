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
    expect(lines[1]).toEqual({ method: 'POST', path: '/nowhere', error: expect.stringContaining('/nowhere') });
    expect(code).toBe(1);
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
