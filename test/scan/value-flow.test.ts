import { scanFiles, type SourceFile } from '../../src/scan';

/** Scans backend files given as `path: text` and returns `line METHOD pattern` of the product calls (sorted). */
const scan = (files: Record<string, string>) => scanFiles(Object.entries(files).map(([file, text]): SourceFile => ({ file, side: 'backend', text })));
const calls = (files: Record<string, string>) => scan(files).calls.map((c) => `${c.file}:${c.line} ${c.method} ${c.operationKey ?? c.pattern}`).sort();

const API = "import api, { route, assumeTrustedRoute } from '@forge/api';\n";

describe('helpers: each call site yields the operation, at the caller, via the helper', () => {
  it.each([
    ['a class method through this.request, the principal chosen at run time', {
      'src/client.ts': `${API}export class Jira {\n  constructor(private user = false) {}\n  private async request(path: any, init: { method?: string } = {}) {\n    const p = this.user ? api.asUser() : api.asApp();\n    return p.requestJira(path, { method: init.method ?? 'GET' });\n  }\n  issue(k: string) { return this.request(route\`/rest/api/3/issue/\${k}\`); }\n  edit(k: string) { return this.request(route\`/rest/api/3/issue/\${k}\`, { method: 'PUT' }); }\n}`,
    }, ['src/client.ts:8 GET GET /rest/api/3/issue/{issueIdOrKey}', 'src/client.ts:9 PUT PUT /rest/api/3/issue/{issueIdOrKey}']],
    ['an inherited method of a base class in another file', {
      'src/base.ts': `${API}export abstract class Base {\n  protected get(path: string) { return api.asApp().requestJira(assumeTrustedRoute(path)); }\n}`,
      'src/projects.ts': "import { Base } from './base';\nexport class Projects extends Base {\n  list() { return this.get('/rest/api/3/project/search'); }\n}",
    }, ['src/projects.ts:3 GET GET /rest/api/3/project/search']],
    ['an object literal of methods, default-exported and imported', {
      'src/jira.ts': `${API}const jira = {\n  get(path: string) { return api.asApp().requestJira(assumeTrustedRoute(path)); },\n  post: (path: string) => api.asApp().requestJira(assumeTrustedRoute(path), { method: 'POST' }),\n};\nexport default jira;`,
      'src/use.ts': "import jira from './jira';\njira.get('/rest/api/3/myself');\njira.post('/rest/api/3/issue');",
    }, ['src/use.ts:2 GET GET /rest/api/3/myself', 'src/use.ts:3 POST POST /rest/api/3/issue']],
    ['an instance exported by one file and used by another', {
      'src/client.ts': `${API}class Client { get(p: any) { return api.asUser().requestJira(p); } }\nexport const client = new Client();`,
      'src/use.ts': "import { route } from '@forge/api';\nimport { client } from './client';\nclient.get(route`/rest/api/3/field`);",
    }, ['src/use.ts:3 GET GET /rest/api/3/field']],
    ['a factory taking the principal (makeClient(api.asApp()))', {
      'src/make.js': "export function makeClient(principal) {\n  return { get: (path) => principal.requestConfluence(path) };\n}",
      'src/use.js': "import api, { route } from '@forge/api';\nimport { makeClient } from './make';\nconst c = makeClient(api.asApp());\nc.get(route`/wiki/api/v2/spaces`);",
    }, ['src/use.js:4 GET GET /wiki/api/v2/spaces']],
    ['a curried helper whose method is bound by the outer call', {
      'src/h.js': `${API}const verb = (method) => (path) => api.asApp().requestJira(path, { method });\nconst put = verb('PUT');\nconst del = verb('DELETE');\nput(route\`/rest/api/3/issue/\${k}\`);\ndel(route\`/rest/api/3/issue/\${k}\`);`,
    }, ['src/h.js:5 PUT PUT /rest/api/3/issue/{issueIdOrKey}', 'src/h.js:6 DELETE DELETE /rest/api/3/issue/{issueIdOrKey}']],
    ['an options object read as opts.path / opts.method', {
      'src/h.ts': `${API}export function call(opts: any) { return api.asApp().requestJira(opts.path, { method: opts.method ?? 'GET' }); }\ncall({ path: route\`/rest/api/3/status\` });\ncall({ path: route\`/rest/api/3/issue\`, method: 'POST' });`,
    }, ['src/h.ts:3 GET GET /rest/api/3/status', 'src/h.ts:4 POST POST /rest/api/3/issue']],
    ['rest parameters spread into requestJira', {
      'src/h.ts': `${API}export const pass = (...args: any[]) => api.asApp().requestJira(...args);\npass(route\`/rest/api/3/priority\`, { method: 'POST' });`,
    }, ['src/h.ts:3 POST POST /rest/api/3/priority']],
    ['options spread from a parameter ({ ...opts }), left out or given', {
      'src/h.js': `${API}async function jira(path, opts = {}) { return api.asApp().requestJira(path, { redirect: 'manual', ...opts }); }\njira(route\`/rest/api/3/myself\`);\njira(route\`/rest/api/3/issue\`, { method: 'POST' });`,
    }, ['src/h.js:3 GET GET /rest/api/3/myself', 'src/h.js:4 POST POST /rest/api/3/issue']],
    ['a route segment parameter that selects the operation at the call site', {
      'src/h.ts': `${API}export const sub = (k: string, what: string) => api.asApp().requestJira(route\`/rest/api/3/issue/\${k}/\${what}\`);\nsub(key, 'comment');\nsub(key, 'worklog');`,
    }, ['src/h.ts:3 GET GET /rest/api/3/issue/{issueIdOrKey}/comment', 'src/h.ts:4 GET GET /rest/api/3/issue/{issueIdOrKey}/worklog']],
  ])('%s', (_name, files, expected) => {
    expect(calls(files)).toEqual(expected);
  });

  it('reports the helper line as "via"', () => {
    const r = scan({ 'src/h.ts': `${API}export const get = (p: any) => api.asApp().requestJira(p);`, 'src/a.ts': "import { route } from '@forge/api';\nimport { get } from './h';\nget(route`/rest/api/3/myself`);" });
    expect(r.calls.map((c) => [`${c.file}:${c.line}`, c.via?.map((v) => `${v.file}:${v.line}`)])).toEqual([['src/a.ts:3', ['src/h.ts:2']]]);
  });
});

describe('endpoint tables', () => {
  const TABLES = "export const ENDPOINTS = { issue: '/rest/api/3/issue/{key}', comments: '/rest/api/3/issue/{key}/comment', myself: '/rest/api/3/myself' };\nexport const Method = { issue: 'GET', comments: 'POST', myself: 'GET' };\n";
  const helper = `${API}import { ENDPOINTS, Method } from './endpoints';\nexport const call = (name: keyof typeof ENDPOINTS, key = '') => api.asApp().requestJira(assumeTrustedRoute(ENDPOINTS[name].replace('{key}', key)), { method: Method[name] });\n`;
  it('resolves a table keyed by a helper parameter at each call site, path and method together', () => {
    expect(calls({ 'src/endpoints.ts': TABLES, 'src/call.ts': helper, 'src/use.ts': "import { call } from './call';\ncall('comments', k);\ncall('myself');" }))
      .toEqual(['src/use.ts:2 POST POST /rest/api/3/issue/{issueIdOrKey}/comment', 'src/use.ts:3 GET GET /rest/api/3/myself']);
  });
  it('reports every entry, noted as candidates, when the key cannot be known', () => {
    const r = scan({ 'src/endpoints.ts': TABLES, 'src/call.ts': helper, 'src/use.ts': "import { call } from './call';\ncall(payload.name);" });
    expect(r.calls.map((c) => `${c.file}:${c.line} ${c.operationKey}`).sort()).toEqual([
      'src/use.ts:2 GET /rest/api/3/issue/{issueIdOrKey}', 'src/use.ts:2 GET /rest/api/3/myself', 'src/use.ts:2 POST /rest/api/3/issue/{issueIdOrKey}/comment',
    ]);
    expect(new Set(r.calls.map((c) => c.candidateOf))).toEqual(new Set(['ENDPOINTS[…]: the key is not known statically, so every entry is a candidate']));
  });
  it.each([
    ['a Map read with get', `${API}const P = new Map([['a', '/rest/api/3/status'], ['b', '/rest/api/3/priority']]);\napi.asApp().requestJira(assumeTrustedRoute(P.get('b')));`, ['GET /rest/api/3/priority']],
    ['a TypeScript enum', `${API}enum Path { Me = '/rest/api/3/myself' }\napi.asApp().requestJira(assumeTrustedRoute(Path.Me));`, ['GET /rest/api/3/myself']],
    ['a destructured entry of {method, path} objects', `${API}const A = { archive: { method: 'POST', path: (k: string) => route\`/rest/api/3/project/\${k}/archive\` } };\nfunction run(a: 'archive', k: string) { const { method, path } = A[a]; return api.asApp().requestJira(path(k), { method }); }\nrun('archive', 'X');`, ['POST /rest/api/3/project/{projectIdOrKey}/archive']],
    ['a loop over an array of routes', `${API}for (const p of [route\`/rest/api/3/status\`, route\`/rest/api/3/resolution\`]) api.asApp().requestJira(p);`, ['GET /rest/api/3/resolution', 'GET /rest/api/3/status']],
    ['a map over an array of routes', `${API}const L = [route\`/rest/api/3/status\`, route\`/rest/api/3/priority\`];\nL.map((p) => api.asApp().requestJira(p));`, ['GET /rest/api/3/priority', 'GET /rest/api/3/status']],
  ])('%s', (_name, text, expected) => {
    expect(scan({ 'src/a.ts': text }).calls.map((c) => `${c.operationKey}`).sort()).toEqual(expected);
  });
});

describe('paths built from constants and values', () => {
  it.each([
    ['a constant prefix exported by another file and concatenated', { 'src/c.ts': "export const API = '/rest/api/3';", 'src/a.ts': `${API}import { API } from './c';\napi.asApp().requestJira(assumeTrustedRoute(API + '/project/' + key + '/components'));` }, ['GET /rest/api/3/project/{projectIdOrKey}/components']],
    ['a nested route fragment', { 'src/a.ts': `${API}const BASE = route\`/rest/agile/1.0/board\`;\nconst board = (id: number) => route\`\${BASE}/\${id}\`;\napi.asApp().requestJira(route\`\${board(7)}/configuration\`);` }, ['GET /rest/agile/1.0/board/{boardId}/configuration']],
    ['an array joined with /', { 'src/a.ts': `${API}api.asApp().requestJira(assumeTrustedRoute(['', 'rest', 'agile', '1.0', 'sprint', id].join('/')));` }, ['GET /rest/agile/1.0/sprint/{sprintId}']],
    ['new URL(…).pathname of a relative path', { 'src/a.ts': `${API}const u = new URL('/rest/api/3/field/search', 'https://x.atlassian.net');\napi.asApp().requestJira(assumeTrustedRoute(u.pathname));` }, ['GET /rest/api/3/field/search']],
    ['routeFromAbsolute of a built absolute URL', { 'src/a.ts': `${API}import { routeFromAbsolute } from '@forge/api';\nconst SITE = 'https://example.atlassian.net';\napi.asApp().requestJira(routeFromAbsolute(\`\${SITE}/rest/api/3/myself\`));` }, ['GET /rest/api/3/myself']],
    [':name placeholders filled by a regex replace', { 'src/a.ts': `${API}const T = '/rest/api/3/issue/:key/worklog';\napi.asApp().requestJira(assumeTrustedRoute(T.replace(/:(\\w+)/g, () => k)), { method: 'POST' });` }, ['POST /rest/api/3/issue/{issueIdOrKey}/worklog']],
    ['a route re-exported by the app\'s own module', { 'src/http.ts': "export { route } from '@forge/api';", 'src/a.ts': "import api from '@forge/api';\nimport { route } from './http';\napi.asApp().requestJira(route`/rest/api/3/issue/${k}/transitions`);" }, ['GET /rest/api/3/issue/{issueIdOrKey}/transitions']],
    ['one branch passing no path at all (null)', { 'src/a.ts': `${API}const p = id ? route\`/rest/api/3/filter/\${id}\` : null;\nif (p) api.asApp().requestJira(p);` }, ['GET /rest/api/3/filter/{id}']],
  ])('%s', (_name, files, expected) => {
    const r = scan(files);
    expect({ calls: r.calls.map((c) => `${c.operationKey ?? c.noMatch?.code}`), unresolved: r.unresolved.map((u) => u.reason) }).toEqual({ calls: expected, unresolved: [] });
  });
});

describe('CommonJS modules', () => {
  it('follows module.exports = function, re-exports through spread requires, and require of a folder', () => {
    const found = calls({
      'lib/jira/request.js': "const api = require('@forge/api').default;\nmodule.exports = async function jiraRequest(path, opts = {}) { return api.asApp().requestJira(path, { ...opts }); };",
      'lib/jira/index.js': "module.exports = { ...require('./projects'), jiraRequest: require('./request') };",
      'lib/jira/projects.js': "const { route } = require('@forge/api');\nconst jiraRequest = require('./request');\nexports.search = () => jiraRequest(route`/rest/api/3/project/search`);",
      'src/a.js': "const { route } = require('@forge/api');\nconst { jiraRequest, search } = require('../lib/jira');\njiraRequest(route`/rest/api/3/myself`, { method: 'GET' });\nsearch();",
    });
    expect(found).toEqual(['lib/jira/projects.js:3 GET GET /rest/api/3/project/search', 'src/a.js:3 GET GET /rest/api/3/myself']);
  });

  it('follows module.exports = an object of verb arrows defined above, required whole (jira.get)', () => {
    const found = calls({
      'src/jira.js': "const { asUser } = require('@forge/api');\nasync function call(method, path, body) { return asUser().requestJira(path, { method, body }); }\nconst jira = {\n  get: (path) => call('GET', path),\n  put: (path, body) => call('PUT', path, body),\n};\nmodule.exports = jira;",
      'src/use.js': "const { route } = require('@forge/api');\nconst jira = require('./jira');\njira.get(route`/rest/api/3/project/${id}/versions`);\njira.put(route`/rest/api/3/issue/${k}/properties/x`, {});",
    });
    expect(found).toEqual(['src/use.js:3 GET GET /rest/api/3/project/{projectIdOrKey}/versions', 'src/use.js:4 PUT PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}']);
  });
});

describe('values chosen together', () => {
  it('keeps the method and the path of one request object together when a conditional picks the object', () => {
    const text = `${API}const req = exists\n  ? { method: 'PUT', path: route\`/wiki/rest/api/content/\${id}/property/\${key}\` }\n  : { method: 'POST', path: route\`/wiki/rest/api/content/\${id}/property\` };\napi.asUser().requestConfluence(req.path, { method: req.method });`;
    expect(calls({ 'src/a.ts': text })).toEqual(['src/a.ts:5 POST POST /wiki/rest/api/content/{id}/property', 'src/a.ts:5 PUT PUT /wiki/rest/api/content/{id}/property/{key}']);
  });
  it('pairs destructured method and path of the chosen object, and notes no candidate', () => {
    const text = `${API}const { method, path } = flag ? { method: 'DELETE', path: route\`/rest/api/3/issue/\${k}\` } : { method: 'GET', path: route\`/rest/api/3/myself\` };\napi.asApp().requestJira(path, { method });`;
    const r = scan({ 'src/a.ts': text });
    expect(r.calls.map((c) => `${c.method} ${c.operationKey}`).sort()).toEqual(['DELETE DELETE /rest/api/3/issue/{issueIdOrKey}', 'GET GET /rest/api/3/myself']);
    expect(r.calls.every((c) => c.candidateOf === undefined)).toBe(true);
  });
});

describe('tables of path builders called through a key that cannot be known', () => {
  const TABLE = "import { route } from '@forge/api';\nexport const REPORTS = {\n  sla: (k: string) => route`/rest/servicedeskapi/request/${k}/sla`,\n  status: (k: string) => route`/rest/servicedeskapi/request/${k}/status`,\n};\n";
  const expected = ['GET /rest/servicedeskapi/request/{issueIdOrKey}/sla', 'GET /rest/servicedeskapi/request/{issueIdOrKey}/status'];
  it.each([
    ['in the same file, the entry kept in a const then called', { 'src/a.ts': `${TABLE}import api from '@forge/api';\nconst build = REPORTS[payload.report as keyof typeof REPORTS];\napi.asUser().requestJira(build(payload.key));` }],
    ['imported, the entry kept in a const then called', { 'src/t.ts': TABLE, 'src/a.ts': "import api from '@forge/api';\nimport { REPORTS } from './t';\nconst build = REPORTS[payload.report];\napi.asUser().requestJira(build(payload.key));" }],
    ['imported, the entry called directly', { 'src/t.ts': TABLE, 'src/a.ts': "import api from '@forge/api';\nimport { REPORTS } from './t';\napi.asUser().requestJira(REPORTS[payload.report](payload.key));" }],
  ])('%s: every entry, each noted as a candidate', (_name, files) => {
    const r = scan(files);
    expect({ calls: r.calls.map((c) => `${c.operationKey}`).sort(), notes: [...new Set(r.calls.map((c) => c.candidateOf))], unresolved: r.unresolved.map((u) => u.reason) })
      .toEqual({ calls: expected, notes: ['REPORTS[…]: the key is not known statically, so every entry is a candidate'], unresolved: [] });
  });
});
