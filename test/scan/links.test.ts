import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { scanFiles, type SourceFile } from '../../src/scan';
import { apiOf, linkCandidates } from '../../src/scan/response-links';

const scan = (files: Record<string, string>) => scanFiles(Object.entries(files).map(([file, text]): SourceFile => ({ file, side: file.startsWith('static/') ? 'frontend' : 'backend', text })));
const links = (files: Record<string, string>) => scan(files).unresolved.filter((u) => u.link).map((u) => ({ at: `${u.file}:${u.line}`, field: u.link!.field, returnedBy: u.link!.returnedBy }));

describe('requests that follow a link from an earlier response', () => {
  it.each([
    ['a _links.next loop on one call (v2 pagination)', {
      'src/a.ts': "import api, { route, assumeTrustedRoute } from '@forge/api';\nexport async function all() {\n  let url: any = route`/wiki/api/v2/pages?limit=250`;\n  while (url) {\n    const res = await api.asApp().requestConfluence(url);\n    const body = await res.json();\n    url = body._links?.next ? assumeTrustedRoute(body._links.next) : null;\n  }\n}",
    }, [{ at: 'src/a.ts:5', field: '_links.next', returnedBy: ['GET /wiki/api/v2/pages'] }]],
    ['an absolute next link through a helper (Bitbucket)', {
      'src/a.js': "import api, { route, routeFromAbsolute } from '@forge/api';\nconst get = async (p) => (await api.asApp().requestBitbucket(p)).json();\nexport async function prs(ws, repo) {\n  let page = await get(route`/2.0/repositories/${ws}/${repo}/pullrequests`);\n  while (page.next) page = await get(routeFromAbsolute(page.next));\n}",
    }, [{ at: 'src/a.js:5', field: 'next', returnedBy: ['GET /2.0/repositories/{workspace}/{repo_slug}/pullrequests'] }]],
    ['a Location header', {
      'src/a.ts': "import api, { route, assumeTrustedRoute } from '@forge/api';\nexport async function del(k: string) {\n  const res = await api.asApp().requestJira(route`/rest/api/3/project/${k}/delete`, { method: 'POST', redirect: 'manual' });\n  const loc = res.headers.get('Location');\n  return api.asApp().requestJira(assumeTrustedRoute(new URL(loc!).pathname));\n}",
    }, [{ at: 'src/a.ts:5', field: 'Location header', returnedBy: ['POST /rest/api/3/project/{projectIdOrKey}/delete'] }]],
    ['a link whose origin is out of sight', {
      'src/a.ts': "import api, { routeFromAbsolute } from '@forge/api';\nexport const follow = (issue: { self: string }) => api.asApp().requestJira(routeFromAbsolute(issue.self));",
    }, [{ at: 'src/a.ts:2', field: 'self', returnedBy: [] }]],
  ])('%s', (_name, files, expected) => {
    expect(links(files)).toEqual(expected);
  });

  it('lists as candidates the operations that returned a pagination link', () => {
    const r = scan({ 'static/ui/src/a.js': "import { requestConfluence } from '@forge/bridge';\nexport async function all() {\n  let data = await (await requestConfluence('/wiki/rest/api/search?cql=x')).json();\n  while (data._links.next) data = await (await requestConfluence('/wiki' + data._links.next)).json();\n}" });
    const link = r.unresolved.find((u) => u.link)!;
    expect({ reason: link.reason, candidates: link.candidates }).toEqual({
      reason: 'follows a link (_links.next) returned by GET /wiki/rest/api/search; candidates: the operations whose documented response can hold it',
      candidates: ['GET /wiki/rest/api/search'],
    });
  });

  it('reports a link read from a parameter as a path from a response, with the documented holders as candidates', () => {
    const r = scan({ 'src/a.ts': "import api, { routeFromAbsolute } from '@forge/api';\nexport const follow = (page: any) => api.asApp().requestJira(routeFromAbsolute(page.nextPage));" });
    const link = r.unresolved.find((u) => u.link)!;
    expect(link.reason).toBe('follows a link (nextPage) returned by an earlier response; candidates: the operations whose documented response can hold it');
    expect(link.candidates).toEqual(expect.arrayContaining(['GET /rest/api/3/project/search', 'GET /rest/api/3/workflow/search']));
  });

  it.each([
    ['a match kept in a const', "  const m = NEXT.exec(res.headers.get('link') || '');\n  next = m ? assumeTrustedRoute(m[1]) : undefined;"],
    ['an inline match', "  const url = res.headers.get('Link')?.match(NEXT)?.[1];\n  next = url && assumeTrustedRoute(url);"],
  ])('follows the URL of a Link header (rel="next") taken out with a regular expression: %s', (_name, take) => {
    const file = `import api, { route, assumeTrustedRoute } from '@forge/api';\nconst NEXT = /<([^>]+)>;\\s*rel="next"/;\nexport async function all() {\n  let next: any = route\`/wiki/api/v2/spaces?limit=100\`;\n  while (next) {\n  const res = await api.asApp().requestConfluence(next);\n${take}\n  }\n}`;
    const r = scan({ 'src/a.ts': file });
    const link = r.unresolved.find((u) => u.link)!;
    expect({ at: link.line, field: link.link!.field, returnedBy: link.link!.returnedBy, candidates: link.candidates }).toEqual({ at: 6, field: 'Link header', returnedBy: ['GET /wiki/api/v2/spaces'], candidates: ['GET /wiki/api/v2/spaces'] });
    expect(r.unresolved.filter((u) => !u.link)).toEqual([]);
  });

  it('does not take a match over a text that is no link for one', () => {
    const r = scan({ 'src/a.ts': "import api, { assumeTrustedRoute } from '@forge/api';\nexport const get = (text: string) => api.asApp().requestJira(assumeTrustedRoute(/path=(\\S+)/.exec(text)![1]));" });
    expect({ links: r.unresolved.filter((u) => u.link).length, calls: r.calls.length, unresolved: r.unresolved.length }).toEqual({ links: 0, calls: 0, unresolved: 1 });
  });
});

describe('linkCandidates', () => {
  it('keeps a non-pagination link to the API of the operations that returned it', () => {
    const c = linkCandidates('requestJira', 'Location header', ['POST /rest/api/3/project/{projectIdOrKey}/delete']);
    expect(c).toContain('POST /rest/api/3/project/{projectIdOrKey}/delete');
    expect(new Set(c.map(apiOf))).toEqual(new Set(['/rest/api/3']));
  });
  it.each([
    ['GET /wiki/api/v2/pages', '/wiki/api/v2'],
    ['GET /wiki/rest/api/search', '/wiki/rest/api'],
    ['GET /rest/agile/1.0/board', '/rest/agile/1.0'],
    ['GET /2.0/repositories/{workspace}', '/2.0'],
  ])('apiOf(%s) is %s', (key, api) => {
    expect(apiOf(key)).toBe(api);
  });
});

describe('the generated response-link table', () => {
  it('is up to date with the OpenAPI documents', () => {
    const script = join(__dirname, '../../scripts/build-response-links.ts');
    expect(() => execFileSync(process.execPath, [require.resolve('tsx/cli'), script, '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
