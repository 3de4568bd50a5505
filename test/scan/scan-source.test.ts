import { scanFiles } from '../../src/scan';

/** Scans one backend file and returns its calls as `principal METHOD pattern` strings. */
const calls = (source: string, file = 'src/a.ts') => scanFiles([{ file, side: 'backend', text: source }]).calls.map((c) => `${c.principal} ${c.method} ${c.pattern}`);
const unresolved = (source: string) => scanFiles([{ file: 'src/a.ts', side: 'backend', text: source }]).unresolved.map((u) => `${u.kind}: ${u.reason}`);

const API = "import api, { route } from '@forge/api';\n";

describe('scanSource recognises product calls', () => {
  it.each([
    ['asApp chain', `${API}api.asApp().requestJira(route\`/rest/api/3/myself\`);`, ['asApp GET /rest/api/3/myself']],
    ['asUser with an account id', `${API}api.asUser('abc').requestJira(route\`/rest/api/3/myself\`);`, ['asUser GET /rest/api/3/myself']],
    ['bare api.requestConfluence', `${API}api.requestConfluence(route\`/wiki/rest/api/space\`);`, ['default GET /wiki/rest/api/space']],
    ['namespace import and .default', "import * as forge from '@forge/api';\nforge.default.asApp().requestJira(forge.route`/rest/api/3/myself`);\nforge.asUser().requestJira(forge.route`/rest/api/3/field`);", ['asApp GET /rest/api/3/myself', 'asUser GET /rest/api/3/field']],
    ['optional chaining, casts and parentheses', `${API}(api.asApp() as any)?.requestJira((route\`/rest/api/3/myself\`) as any);`, ['asApp GET /rest/api/3/myself']],
    ['principal held in a variable', `${API}const client = api.asUser();\nclient.requestBitbucket(route\`/2.0/user\`);`, ['asUser GET /2.0/user']],
    ['destructured request function with renaming', `${API}const { requestJira: rj } = api.asApp();\nrj(route\`/rest/api/3/myself\`);`, ['asApp GET /rest/api/3/myself']],
    ['require with destructuring', "const { asApp, route } = require('@forge/api');\nasApp().requestJira(route`/rest/api/3/myself`);", ['asApp GET /rest/api/3/myself']],
    ['dynamic import with destructuring', "export async function f() {\n  const { default: api, route } = await import('@forge/api');\n  return api.asApp().requestJira(route`/rest/api/3/search/jql`, { method: 'POST' });\n}", ['asApp POST /rest/api/3/search/jql']],
    ['dynamic import as a namespace', "export async function f() {\n  const forge = await import('@forge/api');\n  return forge.default.asUser().requestJira(forge.route`/rest/api/3/myself`);\n}", ['asUser GET /rest/api/3/myself']],
    ['string concatenation', `${API}const k = 'X'; api.asApp().requestJira('/rest/api/3/issue/' + k + '/comment');`, ['asApp GET /rest/api/3/issue/X/comment']],
    ['switch-case assignments give every candidate', `${API}let p; switch (x) { case 1: p = route\`/rest/api/3/field\`; break; default: p = route\`/rest/api/3/status\`; }\napi.asApp().requestJira(p);`, ['asApp GET /rest/api/3/field', 'asApp GET /rest/api/3/status']],
    ['a const declared after the function that uses it (hoisting)', `${API}export function f() { return api.asApp().requestJira(PATH); }\nconst PATH = route\`/rest/api/3/myself\`;`, ['asApp GET /rest/api/3/myself']],
    ['a method from a const', `${API}const M = 'delete';\napi.asApp().requestJira(route\`/rest/api/3/issue/\${k}\`, { method: M });`, ['asApp DELETE /rest/api/3/issue/{}']],
    ['options spread from a resolvable object', `${API}const base = { method: 'POST' };\napi.asApp().requestJira(route\`/rest/api/3/issue\`, { ...base, body: '{}' });`, ['asApp POST /rest/api/3/issue']],
    ['options with a conditional spread keep their method', `${API}api.asApp().requestJira(route\`/rest/api/3/issue/\${k}\`, { method: 'PUT', ...(body ? { body } : {}) });`, ['asApp PUT /rest/api/3/issue/{}']],
    ['a conditional spread that may set the method gives both', `${API}api.asApp().requestJira(route\`/rest/api/3/issue/\${k}\`, { ...(del ? { method: 'DELETE' } : {}) });`, ['asApp DELETE /rest/api/3/issue/{}', 'asApp GET /rest/api/3/issue/{}']],
    ['a logical-and spread may add nothing', `${API}api.asApp().requestJira(route\`/rest/api/3/issue/\${k}\`, { ...(del && { method: 'DELETE' }) });`, ['asApp DELETE /rest/api/3/issue/{}', 'asApp GET /rest/api/3/issue/{}']],
    ['a default import that happens to be called type', "import type from '@forge/api';\nconst r = type.asApp().requestJira(type.route`/rest/api/3/myself`);", ['asApp GET /rest/api/3/myself']],
    ['the recorder wrapper instrument(api) keeps the surface it wraps', "import forgeApi, { route } from '@forge/api';\nconst api = instrument(forgeApi);\napi.asApp().requestJira(route`/rest/api/3/myself`);", ['asApp GET /rest/api/3/myself']],
    ['a client kept on `this` in a file that uses Forge (principal unknown)', `${API}class C { constructor(private jira = api.asApp()) {}\n  get(k: string) { return this.jira.requestJira(route\`/rest/api/3/issue/\${k}\`); } }`, ['default GET /rest/api/3/issue/{}']],
    ['a parameter that shadows the api import is not taken for it (principal unknown)', `${API}export function f(api: any) { return api.asApp().requestJira(route\`/rest/api/3/myself\`); }`, ['default GET /rest/api/3/myself']],
    ['a local path builder', `${API}function p(k: string) { return route\`/rest/api/3/issue/\${k}/comment\`; }\napi.asApp().requestJira(p('A-1'));`, ['asApp GET /rest/api/3/issue/A-1/comment']],
    ['a local path builder taking the whole path', `${API}const p = (x: any) => x;\napi.asApp().requestJira(p(route\`/rest/api/3/field\`));`, ['asApp GET /rest/api/3/field']],
  ])('%s', (_name, source, expected) => {
    expect(calls(source).sort()).toEqual(expected.sort());
  });
});

describe('scanSource is not fooled', () => {
  it.each([
    ['a local function named requestJira', 'function requestJira(p: string) { return p; }\nrequestJira("/rest/api/3/myself");'],
    ['requestJira imported from another package', "import { requestJira } from './my-client';\nrequestJira('/rest/api/3/myself');"],
    ['a type-only import', "import type { requestJira } from '@forge/bridge';\ndeclare const requestJira: any;\nrequestJira('/rest/api/3/myself');"],
    ['a type-only import specifier', "import { type requestJira } from '@forge/bridge';\nrequestJira('/rest/api/3/myself');"],
    ['a member named requestJira on an object in a file that does not use Forge', "import { route } from './route';\nclient.requestJira(route`/rest/api/3/myself`);"],
  ])('%s is not a product call', (_name, source) => {
    expect(calls(source)).toEqual([]);
  });
});

describe('scanSource reports what it cannot resolve', () => {
  it.each([
    ['a path from a function of another package', `${API}import { buildUrl } from 'url-lib';\napi.asApp().requestJira(buildUrl());`, 'path: the result of buildUrl(…) from url-lib cannot be resolved'],
    ['an untagged template starting with an unknown value', `${API}api.asApp().requestJira(\`\${base}/issue\` as any);`, 'path: path starts with ${base}, which cannot be resolved'],
    ['a method that is not a string', `${API}api.asApp().requestJira(route\`/rest/api/3/myself\`, { method: getMethod() });`, 'method: method: the result of getMethod(…) cannot be resolved'],
    ['a value defined through itself', `${API}let p = route\`/rest/api/3/field\`;\nwhile (x) p = p + '/x';\napi.asApp().requestJira(p);`, 'path: p is defined through itself'],
    ['a recursive path builder', `${API}function b(n: number): any { return n ? b(n - 1) : x; }\napi.asApp().requestJira(b(3));`, ['path: the result of b(…) cannot be resolved', 'path: x is not declared in this file']],
    ['a path argument that is missing', `${API}api.asApp().requestJira();`, 'path: no path argument'],
  ])('%s', (_name, source, expected) => {
    expect(unresolved(source).sort()).toEqual([expected].flat().sort());
  });
});

describe('path builders imported from another file', () => {
  const builders = { file: 'src/paths.ts', side: 'backend' as const, text: "import { route } from '@forge/api';\nexport function issue(k: string, sub = '') { return route`/rest/api/3/issue/${k}` + sub; }\nexport const opaque = () => compute();" };
  const use = (line: string) => scanFiles([builders, { file: 'src/a.ts', side: 'backend', text: `import api from '@forge/api';\nimport * as paths from './paths';\nimport { issue, opaque } from './paths';\n${line}` }]);
  it.each([
    ['with a default parameter', 'api.asApp().requestJira(issue("A"));', ['GET /rest/api/3/issue/A']],
    ['with every argument', "api.asApp().requestJira(issue('A', '/comment'), { method: 'POST' });", ['POST /rest/api/3/issue/A/comment']],
    ['through a namespace import', "api.asApp().requestJira(paths.issue('A', '/changelog'));", ['GET /rest/api/3/issue/A/changelog']],
    ['with a value', "api.asApp().requestJira(issue(key, '/changelog'));", ['GET /rest/api/3/issue/{}/changelog']],
  ])('resolves a builder called %s', (_name, line, expected) => {
    expect(use(line).calls.map((c) => `${c.method} ${c.pattern}`)).toEqual(expected);
  });
  it('reports a builder whose return value cannot be a path as unresolved', () => {
    expect(use('api.asApp().requestJira(opaque());').unresolved.map((u) => u.reason)).toEqual(['the result of opaque(…) from ./paths cannot be resolved']);
  });
});

describe('helpers taking an options object', () => {
  const helper = { file: 'src/jira.ts', side: 'backend' as const, text: "import api from '@forge/api';\nexport async function jira({ path, method = 'GET', body }: any) {\n  return api.asApp().requestJira(path, { method, body });\n}" };
  const use = (line: string) => scanFiles([helper, { file: 'src/a.ts', side: 'backend', text: `import { route } from '@forge/api';\nimport { jira } from './jira';\n${line}` }]);
  it.each([
    ['method given', "jira({ path: route`/rest/api/3/issue/${k}`, method: 'PUT', body: '{}' });", ['PUT /rest/api/3/issue/{}']],
    ['method left to its default', 'jira({ path: route`/rest/api/3/myself` });', ['GET /rest/api/3/myself']],
    ['a local helper too', 'const get = ({ p }: any) => jira({ path: p });\nget({ p: route`/rest/api/3/field` });', ['GET /rest/api/3/field']],
  ])('resolves destructured parameters per call site: %s', (_name, line, expected) => {
    expect(use(line).calls.map((c) => `${c.method} ${c.pattern}`)).toEqual(expected);
  });
  it('follows a recursive helper without looping', () => {
    const r = scanFiles([{ file: 'src/r.ts', side: 'backend', text: "import api, { route } from '@forge/api';\nfunction get(p: any, n: number): any { return n ? get(p, n - 1) : api.asApp().requestJira(p); }\nget(route`/rest/api/3/myself`, 3);" }]);
    expect(r.calls.map((c) => `${c.line} ${c.method} ${c.pattern}`)).toEqual(['3 GET /rest/api/3/myself']);
    expect(r.unresolved).toEqual([]);
  });
  it('reports an options object it cannot see into as unresolved', () => {
    expect(use('jira(opts);').unresolved.map((u) => u.reason)).toEqual(['path is taken from an argument that cannot be resolved']);
  });
});

describe('scanSource locations and errors', () => {
  it('points a chain split over lines at the line of requestJira, 1-based', () => {
    const r = scanFiles([{ file: 'src/a.ts', side: 'backend', text: `${API}await api\n  .asApp()\n  .requestJira(route\`/rest/api/3/myself\`);` }]);
    expect(r.calls.map((c) => [c.line, c.column])).toEqual([[4, 4]]);
  });
  it('reports a syntax error with file and line and keeps scanning other files', () => {
    const r = scanFiles([
      { file: 'src/bad.ts', side: 'backend', text: 'const = 1;' },
      { file: 'src/good.ts', side: 'backend', text: `${API}api.asApp().requestJira(route\`/rest/api/3/myself\`);` },
    ]);
    expect(r.parseErrors.map((e) => [e.file, e.line, e.col])).toEqual([['src/bad.ts', 1, 7]]);
    expect(r.calls.map((c) => c.file)).toEqual(['src/good.ts']);
  });
  it.each([
    ['brackets nested 60,000 deep (would crash the native parser)', `const p = ${'['.repeat(60000)}${']'.repeat(60000)};`, /^nested about 120,0\d\d levels deep: too deep to parse \(the parser overflowed its stack\)$/],
    ['an expression deeper than the JS stack', `const p = ${'1 + '.repeat(20000)}1;`, /^nested more than 1,000 levels deep: too deep to analyse$/],
  ])('reports %s as a skipped file blocking removal, and goes on', (_name, body, reason) => {
    const r = scanFiles([
      { file: 'src/deep.ts', side: 'backend', text: `${API}${body}\napi.asApp().requestJira(route\`/rest/api/3/myself\`);` },
      { file: 'src/fine.ts', side: 'backend', text: `${API}api.asApp().requestJira(route\`/rest/api/3/field\`);` },
    ]);
    expect(r.files.skipped).toEqual([{ file: 'src/deep.ts', reason: expect.stringMatching(reason), blocksRemoval: true }]);
    expect(r.files.scanned).toEqual(['src/fine.ts']);
    expect(r.parseErrors).toEqual([]);
    expect(r.calls.map((c) => c.file)).toEqual(['src/fine.ts']);
  });
  it('parses JSX in .js files and TSX', () => {
    const jsx = "import { requestJira } from '@forge/bridge';\nexport const A = () => <b onClick={() => requestJira('/rest/api/3/myself')} />;";
    expect(calls(jsx, 'static/a.jsx')).toEqual(['bridge GET /rest/api/3/myself']);
    expect(calls(jsx, 'static/a.tsx')).toEqual(['bridge GET /rest/api/3/myself']);
    expect(calls(jsx, 'static/a.js')).toEqual(['bridge GET /rest/api/3/myself']);
  });
});

describe('scanSource: a method literal is upper-cased by ASCII rules only', () => {
  it('reads post as POST, and a Unicode look-alike as no method the catalog knows (unresolved, never POST)', () => {
    expect(calls(`${API}api.asApp().requestJira(route\`/rest/api/3/issue\`, { method: 'post' });`)).toEqual(['asApp POST /rest/api/3/issue']);
    const source = `${API}api.asApp().requestJira(route\`/rest/api/3/issue\`, { method: 'poſt' });`;
    const found = scanFiles([{ file: 'src/a.ts', side: 'backend', text: source }]);
    expect(found.calls.filter((c) => c.operationKey)).toEqual([]);
    expect(found.calls.map((c) => c.method)).toEqual(['POſT']);
  });
});
