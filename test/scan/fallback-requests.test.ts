import { scanFiles, type SourceFile } from '../../src/scan';

/** Scans backend files given as `path: text`. */
const scan = (files: Record<string, string>) => scanFiles(Object.entries(files).map(([file, text]): SourceFile => ({ file, side: 'backend', text })));
const calls = (r: ReturnType<typeof scan>) =>
  r.calls.map((c) => `${c.file}:${c.line} ${c.principal} ${c.operationKey ?? `${c.method} ${c.pattern}`} via ${(c.via ?? []).map((v) => v.line).join(',')}`);

describe('two requests of one operation reached through one call site', () => {
  it('are both reported when a user request falls back to the same request as the app', () => {
    const r = scan({
      'src/agile.js': `import api from '@forge/api';
export const sprints = async (boardId) => {
  let res = await api.asUser().requestJira(\`/rest/agile/1.0/board/\${boardId}/sprint\`);
  if (!res.ok) {
    res = await api.asApp().requestJira(\`/rest/agile/1.0/board/\${boardId}/sprint\`);
  }
  return res.json();
};
`,
      'src/index.js': `import { sprints } from './agile';
export const run = (board) => sprints(board.id);
`,
    });
    expect(calls(r)).toEqual([
      'src/index.js:2 asUser GET /rest/agile/1.0/board/{boardId}/sprint via 3',
      'src/index.js:2 asApp GET /rest/agile/1.0/board/{boardId}/sprint via 5',
    ]);
  });

  it('are both reported when one principal makes the same request twice in a helper (a retry written out)', () => {
    const r = scan({
      'src/c.js': `import api, { route } from '@forge/api';
async function get(path, retry) {
  const first = await api.asApp().requestJira(path);
  if (first.ok || !retry) return first;
  return api.asApp().requestJira(path);
}
export const run = () => get(route\`/rest/api/3/myself\`, true);
`,
    });
    expect(calls(r)).toEqual(['src/c.js:7 asApp GET /rest/api/3/myself via 3', 'src/c.js:7 asApp GET /rest/api/3/myself via 5']);
  });

  it('still reports one finding for one request reached twice through the same site', () => {
    const r = scan({
      'src/c.js': `import api, { route } from '@forge/api';
const get = (p) => api.asApp().requestJira(p);
const me = () => get(route\`/rest/api/3/myself\`);
export const run = async () => [await me(), await me()];
`,
    });
    expect(calls(r)).toEqual(['src/c.js:3 asApp GET /rest/api/3/myself via 2']);
  });
});
