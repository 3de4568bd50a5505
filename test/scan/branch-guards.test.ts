import { scanFiles, type SourceFile } from '../../src/scan';

/** Scans backend files given as `path: text`. */
const scan = (files: Record<string, string>) => scanFiles(Object.entries(files).map(([file, text]): SourceFile => ({ file, side: 'backend', text })));
const calls = (r: ReturnType<typeof scan>) => r.calls.map((c) => `${c.file}:${c.line} ${c.operationKey ?? `${c.method} ${c.pattern}`}`).sort();

const API = "import api, { route } from '@forge/api';\n";
const SWITCH = `${API}export async function bb(method, path, body) {
  switch (method) {
    case 'get':
      return api.asApp().requestBitbucket(path);
    case 'post':
    case 'create':
      return api.asApp().requestBitbucket(path, { method: 'POST', body: JSON.stringify(body) });
    case 'delete':
      return api.asApp().requestBitbucket(path, { method: 'DELETE' });
    default:
      return api.asApp().requestBitbucket(path, { method: 'PUT', body: JSON.stringify(body) });
  }
}
export const json = async (method, path, body) => (await bb(method, path, body)).json();
`;
const PR = 'route`/2.0/repositories/${w}/${r}/pullrequests/${id}';

describe('branches of a helper selected by its arguments', () => {
  it('pairs each caller of a helper switching on its method with the branch its literal selects', () => {
    const r = scan({
      'src/bb.js': SWITCH,
      'src/use.js': `import { route } from '@forge/api';
import { bb, json } from './bb';
export const comments = (w, r, id) => bb('get', ${PR}/comments\`);
export const comment = (w, r, id, text) => bb('post', ${PR}/comments\`, { content: { raw: text } });
export const approve = (w, r, id) => bb('create', ${PR}/approve\`);
export const unapprove = (w, r, id) => json('delete', ${PR}/approve\`);
export const retitle = (w, r, id, title) => bb('update', ${PR}\`, { title });`,
    });
    expect(calls(r)).toEqual([
      'src/use.js:3 GET /2.0/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/comments',
      'src/use.js:4 POST /2.0/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/comments',
      'src/use.js:5 POST /2.0/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/approve',
      'src/use.js:6 DELETE /2.0/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/approve',
      'src/use.js:7 PUT /2.0/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}',
    ]);
  });

  it('keeps every branch when the caller passes a method it cannot know (none is dropped)', () => {
    const r = scan({ 'src/bb.js': SWITCH, 'src/use.js': `import { route } from '@forge/api';\nimport { bb } from './bb';\nexport const any = (verb, w, r, id) => bb(verb, ${PR}/approve\`);` });
    expect(calls(r)).toEqual([
      'src/use.js:3 DELETE /2.0/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/approve',
      'src/use.js:3 GET /2.0/repositories/{}/{}/pullrequests/{}/approve',
      'src/use.js:3 POST /2.0/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/approve',
      'src/use.js:3 PUT /2.0/repositories/{}/{}/pullrequests/{}/approve',
    ]);
  });

  it('compares case-folded: switch (method.toUpperCase()) with a lower-case literal at the call site', () => {
    const r = scan({ 'src/a.js': `${API}async function call(method, path) {
  switch (method.toUpperCase()) {
    case 'GET': return api.asApp().requestJira(path);
    case 'DELETE': return api.asApp().requestJira(path, { method: 'DELETE' });
    default: throw new Error(method);
  }
}
export const read = (k) => call('get', route\`/rest/api/3/issue/\${k}\`);
export const remove = (k) => call('Delete', route\`/rest/api/3/issue/\${k}\`);` });
    expect(calls(r)).toEqual(['src/a.js:10 DELETE /rest/api/3/issue/{issueIdOrKey}', 'src/a.js:9 GET /rest/api/3/issue/{issueIdOrKey}']);
  });

  it('selects if/else branches by whether a body is passed, and the rest of a block after a guard clause', () => {
    const r = scan({ 'src/a.js': `${API}async function collect(url, resultProp, bodyObj, startAt = 0) {
  let response;
  if (!bodyObj) {
    response = await api.asApp().requestJira(url);
  } else {
    response = await api.asApp().requestJira(url, { method: 'POST', body: JSON.stringify({ ...bodyObj, startAt }) });
  }
  const data = await response.json();
  return data[resultProp] ?? data;
}
async function send(path, body) {
  if (body === undefined) return api.asApp().requestJira(path);
  return api.asApp().requestJira(path, { method: 'PUT', body: JSON.stringify(body) });
}
export const projects = () => collect(route\`/rest/api/3/project/search\`, 'values');
export const bugs = (p) => collect(route\`/rest/api/3/search\`, 'issues', { jql: \`project = \${p}\` });
export const maybe = (body) => collect(route\`/rest/api/3/search\`, 'issues', body);
export const read = (k) => send(route\`/rest/api/3/issue/\${k}\`);
export const write = (k, fields) => send(route\`/rest/api/3/issue/\${k}\`, { fields });` });
    expect(calls(r)).toEqual([
      'src/a.js:16 GET /rest/api/3/project/search',
      'src/a.js:17 POST /rest/api/3/search',
      'src/a.js:18 GET /rest/api/3/search',
      'src/a.js:18 POST /rest/api/3/search',
      'src/a.js:19 GET /rest/api/3/issue/{issueIdOrKey}',
      'src/a.js:20 PUT /rest/api/3/issue/{issueIdOrKey}',
    ]);
  });

  it('does not guard on a parameter the helper reassigns before testing it', () => {
    const r = scan({ 'src/a.js': `${API}async function call(path, method) {
  method ??= 'get';
  if (method === 'get') return api.asApp().requestJira(path);
  return api.asApp().requestJira(path, { method: 'DELETE' });
}
async function call2(path, method) {
  method = String(method || 'get').toLowerCase();
  if (method === 'get') return api.asApp().requestJira(path);
  return api.asApp().requestJira(path, { method: 'DELETE' });
}
export const read = (k) => call(route\`/rest/api/3/issue/\${k}\`);
export const read2 = (k) => call2(route\`/rest/api/3/issue/\${k}\`);` });
    expect(calls(r)).toEqual([
      'src/a.js:12 DELETE /rest/api/3/issue/{issueIdOrKey}',
      'src/a.js:12 GET /rest/api/3/issue/{issueIdOrKey}',
      'src/a.js:13 DELETE /rest/api/3/issue/{issueIdOrKey}',
      'src/a.js:13 GET /rest/api/3/issue/{issueIdOrKey}',
    ]);
  });

  it('does not guard a case that code above falls into', () => {
    const r = scan({ 'src/a.js': `${API}async function call(kind, path) {
  switch (kind) {
    case 'audit':
      console.log(path);
    case 'read':
      return api.asApp().requestJira(path);
  }
}
export const audit = (k) => call('audit', route\`/rest/api/3/issue/\${k}\`);` });
    expect(calls(r)).toEqual(['src/a.js:10 GET /rest/api/3/issue/{issueIdOrKey}']);
  });
});

describe('branches chosen by one property of an options argument', () => {
  it('links `if (opts.body)` only to the call sites whose object literal selects that branch', () => {
    const r = scan({
      'src/a.js': `${API}async function jira(opts) {
  if (opts.body) {
    return api.asApp().requestJira(opts.path, { method: 'POST', body: JSON.stringify(opts.body) });
  }
  return api.asApp().requestJira(opts.path);
}
export const me = () => jira({ path: route\`/rest/api/3/myself\` });
const FIELDS = { path: route\`/rest/api/3/field\` };
export const fields = () => jira(FIELDS);
`,
    });
    expect(calls(r)).toEqual(['src/a.js:10 GET /rest/api/3/field', 'src/a.js:8 GET /rest/api/3/myself']);
  });

  it('links `switch (verb.toLowerCase())` on a property destructured in the parameter list', () => {
    const r = scan({
      'src/b.js': `${API}async function send({ verb, path, data }) {
  switch (verb.toLowerCase()) {
    case 'put':
      return api.asUser().requestJira(path, { method: 'PUT', body: JSON.stringify(data) });
    default:
      return api.asUser().requestJira(path);
  }
}
export const put = (k, d) => send({ verb: 'PUT', path: route\`/rest/api/3/issue/\${k}\`, data: d });
export const get = (k) => send({ verb: 'get', path: route\`/rest/api/3/issue/\${k}\` });
`,
    });
    expect(calls(r)).toEqual(['src/b.js:10 PUT /rest/api/3/issue/{issueIdOrKey}', 'src/b.js:11 GET /rest/api/3/issue/{issueIdOrKey}']);
  });

  it('moves the test to a caller that passes its own parameter on, property included', () => {
    const r = scan({
      'src/c.js': `${API}async function call(opts) {
  if (opts.kind === 'remove') return api.asApp().requestJira(opts.path, { method: 'DELETE' });
  return api.asApp().requestJira(opts.path);
}
const wrap = (kind, path) => call({ kind, path });
export const drop = (k) => wrap('remove', route\`/rest/api/3/issue/\${k}\`);
export const read = (k) => wrap('read', route\`/rest/api/3/issue/\${k}\`);
`,
    });
    expect(calls(r)).toEqual(['src/c.js:7 DELETE /rest/api/3/issue/{issueIdOrKey}', 'src/c.js:8 GET /rest/api/3/issue/{issueIdOrKey}']);
  });

  it('keeps every branch when the helper sets the property itself, or the object is built elsewhere or changed after it is built', () => {
    const r = scan({
      'src/d.js': `${API}async function f(opts) {
  opts.method = opts.method || 'GET';
  if (opts.method === 'GET') return api.asApp().requestJira(opts.path);
  return api.asApp().requestJira(opts.path, { method: 'DELETE' });
}
export const get = (k) => f({ path: route\`/rest/api/3/issue/\${k}\` });
async function g(opts) {
  if (opts.body) return api.asApp().requestJira(route\`/rest/api/3/issue\`, { method: 'POST', body: opts.body });
  return api.asApp().requestJira(route\`/rest/api/3/myself\`);
}
export const either = (o) => g(o);
async function k(opts) {
  if (opts.body) return api.asApp().requestJira(opts.path, { method: 'POST', body: opts.body });
  return api.asApp().requestJira(opts.path);
}
export const later = (b) => {
  const o = { path: route\`/rest/api/3/issue\` };
  if (b) o.body = JSON.stringify(b);
  return k(o);
};
export const merged = (b) => {
  const o = { path: route\`/rest/api/3/issue\` };
  Object.assign(o, { body: b });
  return k(o);
};
`,
    });
    expect(calls(r)).toEqual([
      'src/d.js:10 GET /rest/api/3/myself',
      'src/d.js:20 GET /rest/api/3/issue',
      'src/d.js:20 POST /rest/api/3/issue',
      'src/d.js:25 GET /rest/api/3/issue',
      'src/d.js:25 POST /rest/api/3/issue',
      'src/d.js:7 DELETE /rest/api/3/issue/{issueIdOrKey}',
      'src/d.js:7 GET /rest/api/3/issue/{issueIdOrKey}',
      'src/d.js:9 POST /rest/api/3/issue',
    ]);
  });
});
