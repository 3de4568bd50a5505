import { scanFiles, type SourceFile } from '../../src/scan';

/** Scans backend files given as `path: text`. */
const scan = (files: Record<string, string>) => scanFiles(Object.entries(files).map(([file, text]): SourceFile => ({ file, side: 'backend', text })));
const calls = (r: ReturnType<typeof scan>) => r.calls.map((c) => `${c.line} ${c.operationKey ?? c.pattern}${c.candidateOf ? ' (candidate)' : ''}`).sort();
const unresolved = (r: ReturnType<typeof scan>) => r.unresolved.map((u) => `${u.line} ${u.reason}`);

const API = "import api, { route, assumeTrustedRoute } from '@forge/api';\n";

describe('route(strings, ...values) called as a function', () => {
  it('reads route([path]) as the path, resolved at each call site of a helper', () => {
    const r = scan({ 'src/rest.js': `${API}export async function jiraPost(path, body) {
  return api.asUser().requestJira(route([path]), { method: 'POST', body: JSON.stringify(body) });
}
jiraPost('/rest/api/3/search/approximate-count', { jql: 'x' });
jiraPost('/rest/api/3/filter', { name: 'n' });` });
    expect({ calls: calls(r), unresolved: unresolved(r) }).toEqual({ calls: ['5 POST /rest/api/3/search/approximate-count', '6 POST /rest/api/3/filter'], unresolved: [] });
  });

  it('interleaves the strings with encoded values, as a tagged template would', () => {
    const r = scan({ 'src/a.js': `${API}const PARTS = ['/rest/api/3/issue/', '/comment'];
export const comment = (key) => api.asApp().requestJira(route(PARTS, key), { method: 'POST' });
export const watchers = (key) => api.asApp().requestJira(route(['/rest/api/3/issue/', '/watchers'], key));` });
    expect(calls(r)).toEqual(['3 POST /rest/api/3/issue/{issueIdOrKey}/comment', '4 GET /rest/api/3/issue/{issueIdOrKey}/watchers']);
  });

  it('says a plain string keeps only its first character, and leaves strings built at run time unresolved', () => {
    const r = scan({ 'src/a.js': `${API}export const me = () => api.asApp().requestJira(route('/rest/api/3/myself'));
export function get(path, params) {
  const strings = []; const values = [];
  strings.push(path + '?a='); values.push(params.a); strings.push('');
  return api.asApp().requestJira(route(strings, ...values));
}` });
    expect({ calls: calls(r), unresolved: unresolved(r) }).toEqual({
      calls: [],
      unresolved: [
        "2 route(…) is given a string, not a template: route keeps only its first character ('/')",
        '6 route(strings, …) is called as a function with strings that cannot be read',
      ],
    });
  });
});

describe('array destructuring of table entries', () => {
  const OPS = `${API}const OPS = {
  read: ['GET', '/rest/api/3/filter/{id}'],
  star: ['PUT', '/rest/api/3/filter/{id}/favourite'],
  unstar: ['DELETE', '/rest/api/3/filter/{id}/favourite'],
};
export async function filterOp(action, id) {
  const [method, template] = OPS[action];
  return api.asUser().requestJira(assumeTrustedRoute(template.replace('{id}', id)), { method });
}
`;
  it('keeps each tuple\'s method with its own path at every call site', () => {
    const r = scan({ 'src/f.js': `${OPS}filterOp('read', 1);\nfilterOp(on ? 'star' : 'unstar', 2);` });
    expect({ calls: calls(r), unresolved: unresolved(r) }).toEqual({
      calls: ['11 GET /rest/api/3/filter/{id}', '12 DELETE /rest/api/3/filter/{id}/favourite', '12 PUT /rest/api/3/filter/{id}/favourite'],
      unresolved: [],
    });
  });

  it('lists every tuple as a candidate when the key is unknown, never a crossed pair', () => {
    const r = scan({ 'src/f.js': `${OPS}export const run = (payload) => filterOp(payload.action, payload.id);` });
    expect(calls(r)).toEqual([
      '11 DELETE /rest/api/3/filter/{id}/favourite (candidate)',
      '11 GET /rest/api/3/filter/{id} (candidate)',
      '11 PUT /rest/api/3/filter/{id}/favourite (candidate)',
    ]);
  });
});

describe('elements destructured in loops and callbacks', () => {
  it('keeps the parts of each tuple together: never a method of one with the path of another', () => {
    const r = scan({ 'src/a.js': `${API}const PAIRS = [['GET', '/rest/api/3/field'], ['POST', '/rest/api/3/issue']];
export async function run() {
  for (const [method, path] of PAIRS) await api.asApp().requestJira(assumeTrustedRoute(path), { method });
  await Promise.all(PAIRS.map(([method, path]) => api.asApp().requestJira(assumeTrustedRoute(path), { method })));
  for (const { verb, url } of [{ verb: 'PUT', url: '/rest/api/3/issue/{k}' }]) await api.asApp().requestJira(assumeTrustedRoute(url.replace('{k}', 'A-1')), { method: verb });
}` });
    expect({ calls: calls(r), unresolved: unresolved(r) }).toEqual({
      calls: ['4 GET /rest/api/3/field', '4 POST /rest/api/3/issue', '5 GET /rest/api/3/field', '5 POST /rest/api/3/issue', '6 PUT /rest/api/3/issue/{issueIdOrKey}'],
      unresolved: [],
    });
  });

  it('reads the values of Object.entries(TABLE), in a for...of and in a .map callback', () => {
    const r = scan({ 'src/a.js': `${API}const ENDPOINTS = { fields: '/rest/api/3/field', statuses: '/rest/api/3/status' };
export async function warm() {
  for (const [, path] of Object.entries(ENDPOINTS)) await api.asApp().requestJira(assumeTrustedRoute(path));
  return Promise.all(Object.entries(ENDPOINTS).map(([name, p]) => api.asApp().requestJira(assumeTrustedRoute(p))));
}` });
    expect({ calls: calls(r), unresolved: unresolved(r) }).toEqual({ calls: ['4 GET /rest/api/3/field', '4 GET /rest/api/3/status', '5 GET /rest/api/3/field', '5 GET /rest/api/3/status'], unresolved: [] });
  });
});
