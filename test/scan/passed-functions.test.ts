import { scanFiles, type SourceFile } from '../../src/scan';

/** Scans backend files given as `path: text`. */
const scan = (files: Record<string, string>) => scanFiles(Object.entries(files).map(([file, text]): SourceFile => ({ file, side: 'backend', text })));
const calls = (r: ReturnType<typeof scan>) => r.calls.map((c) => `${c.file}:${c.line} ${c.operationKey ?? c.pattern}`).sort();
const unresolved = (r: ReturnType<typeof scan>) => r.unresolved.map((u) => `${u.file}:${u.line} ${u.kind}`);

const API = "import api, { route } from '@forge/api';\n";

describe('functions passed to helpers', () => {
  it('reads a path-building callback as what it returns, at each call site of the pagination helper', () => {
    const r = scan({ 'src/page.js': `${API}async function paginate(build) {
  const all = [];
  for (let startAt = 0; ; startAt += 50) {
    const data = await (await api.asApp().requestJira(build(startAt))).json();
    all.push(...data.values);
    if (data.isLast) return all;
  }
}
export const projects = () => paginate((s) => route\`/rest/api/3/project/search?startAt=\${s}\`);
export const boards = () => paginate(function (s) { return route\`/rest/agile/1.0/board?startAt=\${s}\`; });
const filtersPage = (s) => route\`/rest/api/3/filter/search?startAt=\${s}\`;
export const filters = () => paginate(filtersPage);` });
    expect({ calls: calls(r), unresolved: unresolved(r) }).toEqual({ calls: ['src/page.js:10 GET /rest/api/3/project/search', 'src/page.js:11 GET /rest/agile/1.0/board', 'src/page.js:13 GET /rest/api/3/filter/search'], unresolved: [] });
  });

  it('follows a request helper passed as an argument, across files, back to the call site that passed it only', () => {
    const http = `${API}export const read = (path) => api.asApp().requestJira(path);
export const remove = (path) => api.asApp().requestJira(path, { method: 'DELETE' });`;
    const each = `export async function each(send, keys, page) { for (const k of keys) await send(page(k)); }`;
    const use = `${API}import { read, remove } from './http';
import { each } from './each';
export const show = (keys) => each(read, keys, (k) => route\`/rest/api/3/issue/\${k}\`);
export const purge = (keys) => each(remove, keys, (k) => route\`/rest/api/3/issue/\${k}\`);`;
    // Without linking back to the passing call site, both lines would get GET and DELETE.
    expect(calls(scan({ 'src/http.js': http, 'src/each.js': each, 'src/use.js': use }))).toEqual([
      'src/use.js:4 GET /rest/api/3/issue/{issueIdOrKey}',
      'src/use.js:5 DELETE /rest/api/3/issue/{issueIdOrKey}',
    ]);
  });

  it('follows a method passed from a class field (collect(this.get, …))', () => {
    const src = `${API}async function collect(get, page) { return get(page(0)); }
export class Boards {
  get = (path) => api.asUser().requestJira(path);
  list = (project) => collect(this.get, (startAt) => route\`/rest/agile/1.0/board?projectKeyOrId=\${project}&startAt=\${startAt}\`);
  sprints = (id) => collect(this.get, (startAt) => route\`/rest/agile/1.0/board/\${id}/sprint?startAt=\${startAt}\`);
}`;
    expect(calls(scan({ 'src/boards.js': src }))).toEqual(['src/boards.js:5 GET /rest/agile/1.0/board', 'src/boards.js:6 GET /rest/agile/1.0/board/{boardId}/sprint']);
  });

  it('keeps a request whose helper gets no function from anyone unresolved, not dropped', () => {
    const r = scan({ 'src/a.js': `${API}export async function run(send, build) { return api.asApp().requestJira(build(1)); }\nrun(null, 'x');` });
    expect({ calls: r.calls.length, unresolved: unresolved(r) }).toEqual({ calls: 0, unresolved: ['src/a.js:3 path'] });
  });
});
