import { buildRouteIndex, loadCatalog, type Operation } from '../../src/catalog';
import { lookupRecord, lookupRequest } from '../../src/cli/lookup-command';
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

describe('lookup: methods and products', () => {
  it.each(['poſt', 'PO ST', 'ＧＥＴ', 'GET\u0301'])('refuses the non-ASCII or malformed method %j (exit 2), which toUpperCase could fold', async (method) => {
    const { code, err } = await runCli(['lookup', method, '/rest/api/3/issue']);
    expect(code).toBe(2);
    expect(err).toBe(`scope-inspector: unknown HTTP method ${JSON.stringify(method)} (ASCII letters only, e.g. GET)\n`);
  });

  it('refuses it on a --stdin line too, naming the line', async () => {
    const { code, out } = await runCli(['lookup', '--stdin'], 'poſt /rest/api/3/issue\npost /rest/api/3/issue\n');
    const [bad, good] = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(bad).toEqual({ method: 'poſt', path: '/rest/api/3/issue', error: 'unknown HTTP method "poſt" (ASCII letters only, e.g. GET)' });
    expect(good).toMatchObject({ method: 'post', template: '/rest/api/3/issue', operationId: 'createIssue' });
    expect(code).toBe(1);
  });

  it('finds an operation only another product documents under a path without its prefix', async () => {
    const { code, out } = await runCli(['lookup', 'GET', '/atlassian-connect/1/app/module/dynamic', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ product: 'confluence', template: '/atlassian-connect/1/app/module/dynamic' });
  });

  it('searches only the --product given, on the command line and per stdin line', async () => {
    expect((await runCli(['lookup', 'GET', '/atlassian-connect/1/app/module/dynamic', '--product', 'jira'])).code).toBe(1);
    expect((await runCli(['lookup', 'GET', '/atlassian-connect/1/app/module/dynamic', '--product', 'confluence'])).code).toBe(0);
    const { out } = await runCli(['lookup', '--stdin', '--product', 'jira'], 'confluence DELETE /atlassian-connect/1/app/module/dynamic\nGET /atlassian-connect/1/app/module/dynamic\n');
    const [perLine, byDefault] = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(perLine).toMatchObject({ method: 'DELETE', product: 'confluence' });
    expect(byDefault).toEqual({ method: 'GET', path: '/atlassian-connect/1/app/module/dynamic', error: expect.stringContaining('Confluence path') });
  });

  it('exits 2 on an unknown --product', async () => {
    const { code, err } = await runCli(['lookup', 'GET', '/rest/api/3/myself', '--product', 'trello']);
    expect([code, err]).toEqual([2, 'scope-inspector: --product: unknown "trello" (choose from jira, confluence, bitbucket)\n']);
  });

  it('names the products when two document the path and none was chosen', () => {
    // The real catalog, plus the same operation documented by Jira too.
    const catalog = loadCatalog();
    const confluence = catalog.operations.find((o) => o.key === 'GET /atlassian-connect/1/app/module/dynamic')!;
    const twin = { ...confluence, product: 'jira', family: 'requestJira', alternatives: confluence.alternatives } as Operation;
    const index = buildRouteIndex({ ...catalog, operations: [...catalog.operations, twin] });
    const lookup = lookupRequest('GET', '/atlassian-connect/1/app/module/dynamic', undefined, index);
    expect(lookup.ambiguous).toEqual(['confluence', 'jira']);
    expect(lookupRecord('GET', '/atlassian-connect/1/app/module/dynamic', lookup)).toEqual({
      method: 'GET',
      path: '/atlassian-connect/1/app/module/dynamic',
      error: '[GET] /atlassian-connect/1/app/module/dynamic: documented by confluence and jira; choose one with --product confluence|jira',
      products: ['confluence', 'jira'],
    });
    expect(lookupRequest('GET', '/atlassian-connect/1/app/module/dynamic', 'jira', index).result.operation?.product).toBe('jira');
  });
});
