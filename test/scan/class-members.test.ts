import { scanFiles, type SourceFile } from '../../src/scan';

/** Scans backend files given as `path: text`. */
const scan = (files: Record<string, string>) => scanFiles(Object.entries(files).map(([file, text]): SourceFile => ({ file, side: 'backend', text })));
/** `file:line METHOD operation (principal)` of the product calls, sorted. */
const calls = (files: Record<string, string>) => scan(files).calls.map((c) => `${c.file}:${c.line} ${c.operationKey ?? c.pattern} (${c.principal})`).sort();

const API = "import api, { route, assumeTrustedRoute } from '@forge/api';\n";

describe('ES private members (#name) and getters', () => {
  it('follows this.#request(...) to each call site, a getter included', () => {
    const client = `${API}export class Jira {
  async #request<T>(path: any, init: { method?: string } = {}): Promise<T> {
    const res = await api.asApp().requestJira(path, init);
    return res.json();
  }
  get myself() { return this.#request(route\`/rest/api/3/myself\`); }
  issue(k: string) { return this.#request<unknown>(route\`/rest/api/3/issue/\${k}\`, { method: 'DELETE' }); }
}`;
    expect(calls({ 'src/client.ts': client })).toEqual([
      'src/client.ts:7 GET /rest/api/3/myself (asApp)',
      'src/client.ts:8 DELETE /rest/api/3/issue/{issueIdOrKey} (asApp)',
    ]);
  });

  it('keeps #name and a public member of the same name apart', () => {
    // `this.request` posts to an external API; only `this.#request` reaches Jira.
    const client = `${API}export class Sync {
  #request(path: any) { return api.asApp().requestJira(path); }
  request(path: string) { return fetch('https://api.example.com' + path); }
  run() {
    this.request('/rest/api/3/project');
    return this.#request(route\`/rest/api/3/field\`);
  }
}`;
    expect(calls({ 'src/sync.ts': client })).toEqual(['src/sync.ts:7 GET /rest/api/3/field (asApp)']);
  });

  it('reads this.x through a getter (a private one too) as the values it returns', () => {
    const client = `${API}export class Agile {
  get #base() { return '/rest/agile/1.0'; }
  boards() { return api.asApp().requestJira(assumeTrustedRoute(\`\${this.#base}/board\`)); }
}`;
    expect(calls({ 'src/agile.ts': client })).toEqual(['src/agile.ts:4 GET /rest/agile/1.0/board (asApp)']);
  });
});

describe('the principal a class keeps in this.x', () => {
  it.each([
    ['assigned in the constructor', 'constructor() { this.api = api.asUser(); }', 'asUser'],
    ['a class field', 'api = api.asApp();', 'asApp'],
    ['a getter', 'get api() { return api.asApp(); }', 'asApp'],
    ['chosen at run time (unknown)', 'constructor(user: boolean) { this.api = user ? api.asUser() : api.asApp(); }', 'default'],
    ['two different assignments (unknown)', 'constructor() { this.api = api.asApp(); }\n  sudo() { this.api = api.asUser(); }', 'default'],
  ])('%s', (_name, member, principal) => {
    const src = `${API}export class Client {\n  api: any;\n  ${member}\n  fields() { return this.api.requestJira(route\`/rest/api/3/field\`); }\n}`;
    expect(scan({ 'src/c.ts': src }).calls.map((c) => c.principal)).toEqual([principal]);
  });
});

describe('functions passed through .bind', () => {
  it('keeps a request function bound to its principal (requestJira.bind(api.asApp()))', () => {
    const src = `${API}const request = api.asApp().requestJira.bind(api.asApp());
export const fields = () => request(route\`/rest/api/3/field\`);`;
    expect(calls({ 'src/fields.ts': src })).toEqual(['src/fields.ts:3 GET /rest/api/3/field (asApp)']);
  });

  it('follows a helper bound to a this value to its call sites', () => {
    const src = `${API}function get(this: unknown, path: any) { return api.asUser().requestConfluence(path); }
const bound = get.bind(null);
bound(route\`/wiki/api/v2/spaces\`);`;
    expect(calls({ 'src/h.ts': src })).toEqual(['src/h.ts:4 GET /wiki/api/v2/spaces (asUser)']);
  });

  it('reports a helper with arguments bound ahead as unresolved, not as a wrong operation', () => {
    // `bind(null, 'POST')` shifts the parameters: the call site's first argument is `path`, not `method`.
    const src = `${API}function send(method: string, path: any) { return api.asApp().requestJira(path, { method }); }
const post = send.bind(null, 'POST');
post(route\`/rest/api/3/issue\`);`;
    const r = scan({ 'src/h.ts': src });
    expect(r.calls).toEqual([]);
    expect(r.unresolved.map((u) => `${u.file}:${u.line} ${u.kind}`)).toEqual(['src/h.ts:2 path']);
  });
});

describe('TypeScript namespaces', () => {
  const NS = `${API}export namespace Jira {
  const BASE = '/rest/api/3';
  export const Paths = { myself: \`\${BASE}/myself\` };
  export function get(path: any) { return api.asApp().requestJira(path); }
  export const issue = (k: string) => api.asApp().requestJira(route\`/rest/api/3/issue/\${k}\`, { method: 'DELETE' });
}
declare namespace Ambient { function requestJira(p: string): void; }
`;
  it('finds the calls in a namespace, its helpers at their call sites, here and in an importing file', () => {
    expect(calls({
      'src/jira.ts': `${NS}Jira.get(assumeTrustedRoute(Jira.Paths.myself));\nJira.issue('A-1');`,
      'src/use.ts': "import { route } from '@forge/api';\nimport { Jira } from './jira';\nJira.get(route`/rest/api/3/field`);",
    })).toEqual([
      'src/jira.ts:6 DELETE /rest/api/3/issue/{issueIdOrKey} (asApp)',
      'src/jira.ts:9 GET /rest/api/3/myself (asApp)',
      'src/use.ts:3 GET /rest/api/3/field (asApp)',
    ]);
  });
});

describe('class-field arrows and super', () => {
  it('reads this in a class-field arrow as the instance: its helpers and the principal it keeps', () => {
    const client = `${API}export class Repo {
  private readonly http = api.asApp();
  private json = async (path: any, init?: { method?: string }) => (await this.http.requestBitbucket(path, init)).json();
  details = () => this.json(route\`/2.0/repositories/\${this.ws}/\${this.slug}\`);
  comment = (pr: number) => this.json(route\`/2.0/repositories/\${this.ws}/\${this.slug}/pullrequests/\${pr}/comments\`, { method: 'POST' });
  constructor(private ws: string, private slug: string) {}
}`;
    expect(calls({ 'src/repo.ts': client })).toEqual([
      'src/repo.ts:5 GET /2.0/repositories/{workspace}/{repo_slug} (asApp)',
      'src/repo.ts:6 POST /2.0/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/comments (asApp)',
    ]);
  });

  it('keeps this lexical in an object literal arrow: it is not the object', () => {
    // `this` in `get` is the module's, not `jira`: `this.request` reaches nothing, so the request stays unresolved at the method.
    const src = `${API}export const jira = {
  request(path: any) { return api.asApp().requestJira(path); },
  get: (k: string) => this.request(route\`/rest/api/3/issue/\${k}\`),
};`;
    const r = scan({ 'src/jira.ts': src });
    expect({ calls: r.calls.length, unresolved: r.unresolved.map((u) => `${u.line} ${u.kind}`) }).toEqual({ calls: 0, unresolved: ['3 path'] });
  });

  it('follows super.method(...) to the base class, here and imported', () => {
    const base = `${API}export class Http {
  protected async send(method: string, path: any) { return api.asUser().requestJira(path, { method }); }
}`;
    const sub = `import { route } from '@forge/api';
import { Http } from './http';
export class Sprints extends Http {
  rank(keys: string[]) { return super.send('PUT', route\`/rest/agile/1.0/issue/rank\`); }
}
class Local extends Sprints {
  async send(method: string, path: any) { return super.send(method, path); }
  flag(k: string) { return super.send('POST', route\`/rest/api/3/issue/\${k}/comment\`); }
}
new Local().flag('A-1');`;
    expect(calls({ 'src/http.ts': base, 'src/sprints.ts': sub })).toEqual([
      'src/sprints.ts:4 PUT /rest/agile/1.0/issue/rank (asUser)',
      'src/sprints.ts:8 POST /rest/api/3/issue/{issueIdOrKey}/comment (asUser)',
    ]);
  });
});

describe('static class-field arrows', () => {
  it('reads this in a static arrow as the class', () => {
    const src = `${API}export class Svc {
  static call = (path: any) => api.asApp().requestJira(path);
  static me = () => this.call(route\`/rest/api/3/myself\`);
}
Svc.me();`;
    expect(calls({ 'src/svc.ts': src })).toEqual(['src/svc.ts:4 GET /rest/api/3/myself (asApp)']);
  });
});
