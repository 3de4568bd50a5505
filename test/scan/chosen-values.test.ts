import { scanFiles, type SourceFile } from '../../src/scan';

/** Scans backend files given as `path: text`. */
const scan = (files: Record<string, string>) => scanFiles(Object.entries(files).map(([file, text]): SourceFile => ({ file, side: 'backend', text })));
const calls = (r: ReturnType<typeof scan>) => r.calls.map((c) => `${c.file}:${c.line} ${c.principal} ${c.operationKey ?? `${c.method} ${c.pattern} (no operation)`}${c.candidateOf ? ' (candidate)' : ''}`);
const unresolved = (r: ReturnType<typeof scan>) => r.unresolved.map((u) => `${u.file}:${u.line} ${u.reason}`);

describe('a request function chosen by a conditional', () => {
  const HELPER = `import { asApp, asUser, assumeTrustedRoute } from '@forge/api';
export async function readJson(path, options = {}) {
  const attempt = async (actor = 'app') => {
    const client = actor === 'user' ? asUser().requestConfluence : asApp().requestConfluence;
    return client(assumeTrustedRoute(path), { method: 'GET', ...options });
  };
  return attempt('app');
}
`;

  it('is a request of its product at each call site, with the principal unknown when the branches differ', () => {
    const r = scan({ 'src/c.js': `${HELPER}export const page = (id) => readJson(\`/wiki/api/v2/pages/\${id}\`);\nexport const drop = (id) => readJson(\`/wiki/api/v2/pages/\${id}\`, { method: 'DELETE' });\n` });
    expect(calls(r)).toEqual(['src/c.js:9 default GET /wiki/api/v2/pages/{id}', 'src/c.js:10 default DELETE /wiki/api/v2/pages/{id}']);
    expect(unresolved(r)).toEqual([]);
  });

  it('keeps the principal when both branches are the same function', () => {
    const r = scan({
      'src/c.js': `import api, { route } from '@forge/api';
const pick = (fast) => (fast ? api.asApp().requestJira : api.asApp().requestJira);
export const me = () => pick(true)(route\`/rest/api/3/myself\`);
`,
    });
    expect(calls(r)).toEqual(['src/c.js:3 asApp GET /rest/api/3/myself']);
  });

  it('is no request when one branch is something else (a local fetch)', () => {
    const r = scan({
      'src/c.js': `import api, { route } from '@forge/api';
const local = async (p) => ({ ok: true, p });
export function read(dry) {
  const send = dry ? local : api.asApp().requestJira;
  return send(route\`/rest/api/3/myself\`);
}
`,
    });
    expect(calls(r)).toEqual([]);
  });
});

describe('an array literal indexed by a value', () => {
  const BASES = `import { asApp, assumeTrustedRoute } from '@forge/api';
const V1 = ['/wiki/rest/api', '/rest/api'];
let first = 0;
const order = () => [first, ...V1.map((_, i) => i).filter((i) => i !== first)];
`;

  it('makes every element a candidate when the index is not known, dropping elements that match no operation', () => {
    const r = scan({
      'src/c.js': `${BASES}export async function labels(id) {
  for (const idx of order()) {
    const res = await asApp().requestConfluence(assumeTrustedRoute(\`\${V1[idx]}/content/\${id}/label\`));
    if (res.ok) { first = idx; return res.json(); }
  }
}
export const props = (id) => asApp().requestConfluence(assumeTrustedRoute(\`\${V1[first]}/content/\${id}/property\`));
`,
    });
    expect(calls(r)).toEqual(['src/c.js:7 asApp GET /wiki/rest/api/content/{id}/label (candidate)', 'src/c.js:11 asApp GET /wiki/rest/api/content/{id}/property (candidate)']);
    expect(unresolved(r)).toEqual([]);
  });

  it('picks the element an index passed by each caller selects', () => {
    const r = scan({
      'src/c.js': `import api, { route } from '@forge/api';
const KINDS = ['project', 'issuetype', 'priority'];
const list = (i) => api.asApp().requestJira(route\`/rest/api/3/\${KINDS[i]}\`);
export const projects = () => list(0);
export const priorities = () => list(2);
`,
    });
    expect(calls(r)).toEqual(['src/c.js:4 asApp GET /rest/api/3/project', 'src/c.js:5 asApp GET /rest/api/3/priority']);
  });

  it('stays unresolved when the array is filled at run time', () => {
    const r = scan({
      'src/c.js': `import api, { route } from '@forge/api';
const bases = [];
export function add(b) { bases.push(b); }
export const get = (i, id) => api.asApp().requestJira(route\`\${bases[i]}/issue/\${id}\`);
`,
    });
    expect(r.calls).toEqual([]);
    expect(r.unresolved.length).toBe(1);
  });
});

describe('a response read from either of two calls', () => {
  it('attributes a followed link to the operation of the call that is not itself the link', () => {
    const r = scan({
      'src/c.js': `import { asUser, assumeTrustedRoute, route } from '@forge/api';
export async function spaces() {
  let next = null;
  for (let guard = 1; guard <= 20; guard += 1) {
    const res = guard === 1
      ? await asUser().requestConfluence(route\`/wiki/api/v2/spaces?limit=250\`)
      : await asUser().requestConfluence(assumeTrustedRoute(next));
    const body = await res.json();
    next = body?._links?.next;
    if (!next) break;
  }
}
`,
    });
    expect(r.unresolved.map((u) => [u.line, u.link?.returnedBy])).toEqual([[7, ['GET /wiki/api/v2/spaces']]]);
  });

  it('follows both sides of `??` (a cached response or a fresh call)', () => {
    const r = scan({
      'src/c.js': `import api, { assumeTrustedRoute, route } from '@forge/api';
export async function more(cached) {
  const res = cached ?? await api.asApp().requestConfluence(route\`/wiki/api/v2/pages\`);
  const page = await res.json();
  return api.asApp().requestConfluence(assumeTrustedRoute(page._links.next));
}
`,
    });
    expect(r.unresolved.map((u) => [u.line, u.link?.returnedBy])).toEqual([[5, ['GET /wiki/api/v2/pages']]]);
  });
});
