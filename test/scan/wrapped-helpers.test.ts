import { scanFiles, type SourceFile } from '../../src/scan';

const scan = (text: string) => scanFiles([{ file: 'src/a.js', side: 'backend', text: `import api, { route } from '@forge/api';\n${text}` } satisfies SourceFile]);
const calls = (r: ReturnType<typeof scan>) => r.calls.map((c) => `${c.line} ${c.operationKey ?? `${c.method} ${c.pattern}`}`).sort();
const unresolved = (r: ReturnType<typeof scan>) => r.unresolved.map((u) => `${u.line} ${u.kind}`);

describe('helpers wrapped by higher-order functions and called through .call', () => {
  it('follows a local wrapper returning (...args) => fn(...args) to the wrapped helper, options included', () => {
    const r = scan(`const withLog = (fn) => async (...args) => { console.log('jira'); return fn(...args); };
function withRetry(fn, tries = 3) {
  return async function (...a) {
    for (let i = 0; ; i++) { try { return await fn(...a); } catch (e) { if (i >= tries) throw e; } }
  };
}
const get = withLog((path) => api.asApp().requestJira(path));
const jira = withRetry(async (path, init) => api.asApp().requestJira(path, init));
export const me = () => get(route\`/rest/api/3/myself\`);
export const remove = (k) => jira(route\`/rest/api/3/issue/\${k}\`, { method: 'DELETE' });
export const read = (k) => jira(route\`/rest/api/3/issue/\${k}\`);`);
    expect({ calls: calls(r), unresolved: unresolved(r) }).toEqual({
      calls: ['10 GET /rest/api/3/myself', '11 DELETE /rest/api/3/issue/{issueIdOrKey}', '12 GET /rest/api/3/issue/{issueIdOrKey}'],
      unresolved: [],
    });
  });

  it('passes the options on through (...a) => helper(...a): was read as GET (a wrong operation)', () => {
    const r = scan(`async function raw(path, init) { return api.asApp().requestJira(path, init); }
const jira = (...a) => raw(...a);
export const del = (k) => jira(route\`/rest/api/3/issue/\${k}\`, { method: 'DELETE' });
export const get = (k) => jira(route\`/rest/api/3/issue/\${k}\`);`);
    expect(calls(r)).toEqual(['4 DELETE /rest/api/3/issue/{issueIdOrKey}', '5 GET /rest/api/3/issue/{issueIdOrKey}']);
  });

  it('reads lodash memoize / throttle (named, lodash/memoize, _.memoize) as calling the helper with the same arguments', () => {
    const r = scan(`import _ from 'lodash';
import memoize from 'lodash/memoize';
import { throttle } from 'lodash-es';
const user = memoize((id) => api.asApp().requestJira(route\`/rest/api/3/user?accountId=\${id}\`));
const field = _.memoize((path) => api.asApp().requestJira(path));
const search = throttle((body) => api.asApp().requestJira(route\`/rest/api/3/search/jql\`, { method: 'POST', body }), 500);
export const a = (id) => user(id);
export const b = () => field(route\`/rest/api/3/field\`);
export const c = (jql) => search(JSON.stringify({ jql }));`);
    expect({ calls: calls(r), unresolved: unresolved(r) }).toEqual({
      calls: ['5 GET /rest/api/3/user', '7 POST /rest/api/3/search/jql', '9 GET /rest/api/3/field'],
      unresolved: [],
    });
  });

  it('keeps a helper wrapped by an unknown function or one binding arguments ahead unresolved (never a guessed operation)', () => {
    const r = scan(`import wrap from 'some-wrapper';
import { partial } from 'lodash';
const get = wrap((path) => api.asApp().requestJira(path));
const issue = partial((base, key) => api.asApp().requestJira(route\`\${base}/\${key}\`), route\`/rest/api/3/issue\`);
export const me = () => get(route\`/rest/api/3/myself\`);
export const one = (k) => issue(k);`);
    expect(calls(r)).toEqual([]);
    expect(unresolved(r)).toEqual(['4 path', '5 path']);
  });

  it('reads requestJira.call(thisArg, path, init) as requestJira(path, init)', () => {
    const r = scan(`const app = api.asApp();
export const del = (k) => app.requestJira.call(app, route\`/rest/api/3/issue/\${k}\`, { method: 'DELETE' });`);
    expect(calls(r)).toEqual(['3 DELETE /rest/api/3/issue/{issueIdOrKey}']);
  });
});
