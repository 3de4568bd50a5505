import { buildRouteIndex, loadCatalog, type CatalogPart, type Operation, type RouteIndex } from '../../src/catalog';
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

describe('lookup: methods and products', () => {
  it.each(['poſt', 'PO ST', 'ＧＥＴ', 'GET\u0301'])('refuses the non-ASCII or malformed method %j (exit 2), which toUpperCase could fold', async (method) => {
    const { code, err } = await runCli(['lookup', method, '/rest/api/3/issue']);
    expect(code).toBe(2);
    expect(err).toBe(`scope-inspector: unknown HTTP method ${JSON.stringify(method)} (ASCII letters only, e.g. GET)\n`);
  });

  it('refuses it on a --stdin line too, naming the line', async () => {
    const { code, out } = await runCli(['lookup', '--stdin'], 'poſt /rest/api/3/issue\npost /rest/api/3/issue\n');
    const [bad, good] = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(bad).toEqual({ method: 'poſt', path: '/rest/api/3/issue', error: 'unknown HTTP method "poſt" (ASCII letters only, e.g. GET)', code: 'UNKNOWN_METHOD' });
    expect(good).toMatchObject({ method: 'post', template: '/rest/api/3/issue', operationId: 'createIssue' });
    expect(code).toBe(1);
  });

  it('searches only the --product given, on the command line and per stdin line', async () => {
    const WIKI = '/wiki/rest/atlassian-connect/1/app/module/dynamic';
    expect((await runCli(['lookup', 'GET', WIKI, '--product', 'jira'])).code).toBe(1);
    expect((await runCli(['lookup', 'GET', WIKI, '--product', 'confluence'])).code).toBe(0);
    const { out } = await runCli(['lookup', '--stdin', '--product', 'jira'], `confluence DELETE ${WIKI}\nGET ${WIKI}\n`);
    const [perLine, byDefault] = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(perLine).toMatchObject({ method: 'DELETE', product: 'confluence' });
    expect(byDefault).toMatchObject({ method: 'GET', path: WIKI, error: expect.stringContaining(WIKI) });
  });

  it('exits 2 on an unknown --product', async () => {
    const { code, err } = await runCli(['lookup', 'GET', '/rest/api/3/myself', '--product', 'trello']);
    expect([code, err]).toEqual([2, 'scope-inspector: --product: unknown "trello" (choose from jira, confluence, bitbucket)\n']);
  });

  // Older editions documented Confluence's dynamic-modules API without /wiki: the catalog as it
  // was then (plus, for ambiguity, a Jira twin), built over today's operations.
  const PATH = '/atlassian-connect/1/app/module/dynamic';
  function indexWith(extra: [CatalogPart, Operation][]): RouteIndex {
    const base = loadCatalog();
    const catalog = new Proxy(base, {
      get(target, key) {
        if (key === 'part') return (part: CatalogPart) => [...target.part(part), ...extra.filter(([p]) => p === part).map(([, op]) => op)];
        const value = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    return buildRouteIndex(catalog);
  }
  const documented = (product: string, family: string): Operation => {
    const today = loadCatalog().get(`GET /wiki/rest${PATH}`)!;
    return { ...today, product, family, template: PATH, key: `GET ${PATH}`, alternatives: today.alternatives } as Operation;
  };

  it('finds an operation only another product documents under a path without its prefix', () => {
    const index = indexWith([['confluence', documented('confluence', 'requestConfluence')]]);
    expect(lookupRequest('GET', PATH, undefined, index).result.operation?.product).toBe('confluence');
    expect(lookupRequest('GET', PATH, 'jira', index).result.operation).toBeUndefined();
  });

  it('names the products when two document the path and none was chosen', () => {
    const index = indexWith([['confluence', documented('confluence', 'requestConfluence')], ['jira', documented('jira', 'requestJira')]]);
    const lookup = lookupRequest('GET', PATH, undefined, index);
    expect(lookup.ambiguous).toEqual(['confluence', 'jira']);
    expect(lookupRecord('GET', PATH, lookup)).toEqual({
      method: 'GET',
      path: PATH,
      error: `[GET] ${PATH}: documented by confluence and jira; choose one with --product confluence|jira`,
      code: 'NOT_FOUND',
      products: ['confluence', 'jira'],
    });
    expect(lookupRequest('GET', PATH, 'jira', index).result.operation?.product).toBe('jira');
  });
});
