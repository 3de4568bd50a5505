import { scanFiles, type SourceFile } from '../../src/scan';

/** Scans one backend file and lists `line METHOD operation` of its product calls, sorted, and the unresolved reasons. */
const scan = (text: string) => {
  const r = scanFiles([{ file: 'src/a.js', side: 'backend', text } satisfies SourceFile]);
  return { calls: r.calls.map((c) => `${c.line} ${c.operationKey ?? c.pattern}`).sort(), unresolved: r.unresolved.map((u) => `${u.line} ${u.kind}`) };
};
const API = "import api, { route } from '@forge/api';\n";

describe('options objects changed after they are built', () => {
  it('takes a method assigned in the declaring block, replacing the literal one', () => {
    expect(scan(`${API}export async function del(key) {
  const options = { method: 'GET' };
  options.method = 'DELETE';
  return api.asApp().requestJira(route\`/rest/api/3/issue/\${key}\`, options);
}`)).toEqual({ calls: ['5 DELETE /rest/api/3/issue/{issueIdOrKey}'], unresolved: [] });
  });

  it('adds a method assigned in an if (it may not run), also without braces and with a literal key', () => {
    expect(scan(`${API}export async function save(key, body) {
  const init = { headers: { 'Content-Type': 'application/json' } };
  if (body) { init.method = 'PUT'; init.body = JSON.stringify(body); }
  return api.asApp().requestJira(route\`/rest/api/3/issue/\${key}/properties/x\`, init);
}
export async function comment(key, internal) {
  const init = {};
  if (internal) init['method'] = 'POST';
  return api.asApp().requestJira(route\`/rest/api/3/issue/\${key}/comment\`, init);
}`)).toEqual({
      calls: [
        '10 GET /rest/api/3/issue/{issueIdOrKey}/comment',
        '10 POST /rest/api/3/issue/{issueIdOrKey}/comment',
        '5 GET /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
        '5 PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
      ],
      unresolved: [],
    });
  });

  it('follows an assigned method to the call sites of a helper, and ignores assignments after the request', () => {
    expect(scan(`${API}async function call(path, method) {
  const init = { headers: {} };
  init.method = method.toUpperCase();
  const res = await api.asApp().requestJira(path, init);
  init.method = 'PATCH';
  return res;
}
call(route\`/rest/api/3/field\`, 'post');`)).toEqual({ calls: ['9 POST /rest/api/3/field'], unresolved: [] });
  });

  it('makes the method unknown when a key computed from a value is assigned', () => {
    const r = scan(`${API}export async function send(key, extra) {
  const init = {};
  for (const k of Object.keys(extra)) init[k] = extra[k];
  return api.asApp().requestJira(route\`/rest/api/3/issue/\${key}\`, init);
}`);
    expect(r.unresolved).toEqual(['5 method']);
  });
});

describe('Object.assign', () => {
  it('reads Object.assign({}, base, { method }) as the merged object, and Object.assign(init, { method }) as a change to init', () => {
    expect(scan(`${API}const base = { headers: { Accept: 'application/json' } };
export const del = (key) => api.asApp().requestJira(route\`/rest/api/3/issue/\${key}\`, Object.assign({}, base, { method: 'DELETE' }));
export async function create(body) {
  const init = { headers: {} };
  Object.assign(init, { method: 'POST', body: JSON.stringify(body) });
  Object.assign(init, base);
  return api.asApp().requestJira(route\`/rest/api/3/issue\`, init);
}`)).toEqual({ calls: ['3 DELETE /rest/api/3/issue/{issueIdOrKey}', '8 POST /rest/api/3/issue'], unresolved: [] });
  });
});
