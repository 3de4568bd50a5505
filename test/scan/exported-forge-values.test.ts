import { scanFiles, type SourceFile } from '../../src/scan';

/** Scans backend files given as `path: text`. */
const scan = (files: Record<string, string>) => scanFiles(Object.entries(files).map(([file, text]): SourceFile => ({ file, side: file.includes('frontend') ? 'frontend' : 'backend', text })));
const calls = (r: ReturnType<typeof scan>) => r.calls.map((c) => `${c.file}:${c.line} ${c.principal} ${c.operationKey ?? c.pattern}`).sort();

describe('principals and request functions exported by another app module', () => {
  it('finds calls of a request function destructured from a principal and exported (export const { requestConfluence } = api.asUser())', () => {
    const r = scan({
      'src/confluence.js': "import api from '@forge/api';\nexport const { requestConfluence } = api.asUser();",
      'src/pages.js': `import { route } from '@forge/api';
import { requestConfluence } from './confluence';
export const page = (id) => requestConfluence(route\`/wiki/api/v2/pages/\${id}\`);
export const label = (id) => requestConfluence(route\`/wiki/rest/api/content/\${id}/label\`, { method: 'POST', body: '[]' });`,
    });
    expect(calls(r)).toEqual(['src/pages.js:3 asUser GET /wiki/api/v2/pages/{id}', 'src/pages.js:4 asUser POST /wiki/rest/api/content/{id}/label']);
  });

  it('follows an imported request function through a helper of the importing file to its call sites', () => {
    const r = scan({
      'src/jira.js': "import { asApp } from '@forge/api';\nconst { requestJira } = asApp();\nexport { requestJira };",
      'src/use.js': `import { route } from '@forge/api';
import { requestJira } from './jira';
const json = (path, init) => requestJira(path, init).then((r) => r.json());
export const issue = (k) => json(route\`/rest/api/3/issue/\${k}\`);
export const remove = (k) => json(route\`/rest/api/3/issue/\${k}\`, { method: 'DELETE' });`,
    });
    expect(calls(r)).toEqual(['src/use.js:4 asApp GET /rest/api/3/issue/{issueIdOrKey}', 'src/use.js:5 asApp DELETE /rest/api/3/issue/{issueIdOrKey}']);
  });

  it('takes the principal of an imported principal object, named or default, also in a file that imports no Forge package', () => {
    const r = scan({
      'src/principal.ts': "import api from '@forge/api';\nexport const jira = api.asApp();\nexport default api.asUser();",
      'src/a.ts': "import { route } from '@forge/api';\nimport viewer, { jira } from './principal';\nexport const me = () => viewer.requestJira(route`/rest/api/3/myself`);\nexport const fields = () => jira.requestJira(route`/rest/api/3/field`);",
      'src/b.ts': "import { jira } from './principal';\nimport { paths } from './paths';\nexport const f = () => jira.requestJira(paths.filters);",
      'src/paths.ts': "import { route } from '@forge/api';\nexport const paths = { filters: route`/rest/api/3/filter/my` };",
    });
    expect(calls(r)).toEqual(['src/a.ts:3 asUser GET /rest/api/3/myself', 'src/a.ts:4 asApp GET /rest/api/3/field', 'src/b.ts:3 asApp GET /rest/api/3/filter/my']);
  });

  it('keeps the principal unknown when the object may be either of two exported principals', () => {
    const r = scan({
      'src/principal.ts': "import api from '@forge/api';\nexport const app = api.asApp();\nexport const user = api.asUser();",
      'src/a.ts': "import { route } from '@forge/api';\nimport { app, user } from './principal';\nexport const me = (asUser) => (asUser ? user : app).requestJira(route`/rest/api/3/myself`);",
    });
    expect(calls(r)).toEqual(['src/a.ts:3 default GET /rest/api/3/myself']);
  });

  it('reports no call for a requestJira member of an imported object that is not a Forge principal, in a file without Forge', () => {
    const r = scan({
      'src/dc.ts': "export const dc = { requestJira: (p: string) => fetch(`https://jira.example.com${p}`) };",
      'src/a.ts': "import { dc } from './dc';\nimport { client } from 'some-jira-client';\nexport const x = () => dc.requestJira('/rest/api/2/myself');\nexport const y = () => client.requestJira('/rest/api/2/field');",
    });
    expect(r.calls).toEqual([]);
  });
});
