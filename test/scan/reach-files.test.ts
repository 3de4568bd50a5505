import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { scanApp, scanAppParallel } from '../../src/scan';
import { tempApp } from '../helpers/temp-app';

const app = (files: Record<string, string>) => tempApp(files, 'si-reach-');

const MANIFEST = (extra = '') => `modules:\n  function:\n    - key: main\n      handler: handlers/main.run\n${extra}app:\n  id: ari:cloud:ecosystem::app/x\n`;

describe('files outside src/ and static/ that the app runs', () => {
  it('scans a handler under app.package.path and the shared code it requires, transitively', () => {
    const dir = app({
      'manifest.yml': `${MANIFEST()}  package:\n    bundler: manual@2026\n    path: functions\n`,
      'functions/handlers/main.js': "const { projects } = require('../../shared/jira');\nexports.run = () => projects();",
      'shared/jira/index.js': "module.exports = require('./projects');",
      'shared/jira/projects.js': "const api = require('@forge/api').default;\nconst { route } = require('@forge/api');\nexports.projects = () => api.asApp().requestJira(route`/rest/api/3/project/search`);",
      'shared/jira/unused.js': "const api = require('@forge/api').default;\napi.asApp().requestJira('/rest/api/3/myself');",
    });
    const r = scanApp(dir);
    expect(r.files.scanned).toEqual(['functions/handlers/main.js', 'shared/jira/index.js', 'shared/jira/projects.js']);
    expect(r.calls.map((c) => `${c.file}:${c.line} ${c.operationKey}`)).toEqual(['shared/jira/projects.js:3 GET /rest/api/3/project/search']);
  });

  it('follows imports from src/ to sibling folders, with the importer\'s side, and a UI Kit resource file', async () => {
    const dir = app({
      'manifest.yml': 'modules:\n  function:\n    - key: main\n      handler: index.run\nresources:\n  - key: ui\n    path: ui/index.jsx\napp:\n  id: ari:cloud:ecosystem::app/x\n',
      'src/index.ts': "import { me } from '../common/me';\nexport const run = () => me();",
      'common/me.ts': "import api, { route } from '@forge/api';\nexport const me = () => api.asApp().requestJira(route`/rest/api/3/myself`);",
      'ui/index.jsx': "import { requestJira } from '@forge/bridge';\nimport { PATH } from './paths';\nrequestJira(PATH);",
      'ui/paths.js': "export const PATH = '/rest/api/3/serverInfo';",
      'ui/node_modules/x/index.js': 'module.exports = 1;',
    });
    const expected = ['common/me.ts:2 backend GET /rest/api/3/myself', 'ui/index.jsx:3 frontend GET /rest/api/3/serverInfo'];
    const r = scanApp(dir);
    expect(r.calls.map((c) => `${c.file}:${c.line} ${c.side} ${c.operationKey}`)).toEqual(expected);
    expect(r.files.scanned).toEqual(['common/me.ts', 'src/index.ts', 'ui/index.jsx', 'ui/paths.js']);
    const p = await scanAppParallel(dir, { workers: 0 });
    expect(p.calls.map((c) => `${c.file}:${c.line} ${c.side} ${c.operationKey}`)).toEqual(expected);
  });

  it('lists a reached file it skips, with the reason', () => {
    const dir = app({
      'manifest.yml': MANIFEST(),
      'src/handlers/main.js': "const lib = require('../../vendor/lib');\nexports.run = () => lib();",
      'vendor/lib.js': `module.exports=function(){${'var a=1;'.repeat(600)}};`,
    });
    expect(scanApp(dir).files.skipped).toEqual([{ file: 'vendor/lib.js', reason: 'minified bundle without a Forge reference (a vendored library)', blocksRemoval: false }]);
  });

  it('scans a reached minified bundle that references Forge, and flags it', () => {
    const dir = app({
      'manifest.yml': MANIFEST(),
      'src/handlers/main.js': "const lib = require('../../vendor/lib');\nexports.run = () => lib();",
      'vendor/lib.js': `const t=require("@forge/api");module.exports=function(){${'var a=1;'.repeat(600)}return t.asApp().requestJira(t.route\`/rest/api/3/myself\`)};`,
    });
    const r = scanApp(dir);
    expect(r.files.skipped).toEqual([]);
    expect(r.calls.map((c) => `${c.file} ${c.operationKey}`)).toEqual(['vendor/lib.js GET /rest/api/3/myself']);
    expect(r.unresolved).toMatchObject([{ file: 'vendor/lib.js', line: 1, column: 17, kind: 'api', reason: expect.stringContaining('minified bundle referencing @forge/api') }]);
  });

  it('lists a file the folder walk skipped once, however many scanned files import it', async () => {
    // Generated or vendored code under src/ that two modules import: the walk skips it, and the
    // imports must not reach it again (it was listed twice, once per reach).
    const big = `export const other = () => 1;\n// ${'x'.repeat(2.5 * 1024 * 1024)}\n`;
    const dir = app({
      'manifest.yml': MANIFEST(),
      'src/handlers/main.ts': "import { lib } from '../vendor';\nimport { other } from '../other';\nimport { b } from '../b';\nexport const run = () => [lib(), other(), b()];",
      'src/b.ts': "import { lib } from './vendor';\nimport { other } from './other';\nexport const b = () => [lib(), other()];",
      'src/vendor.js': `export const lib=function(){${'var a=(1,2);'.repeat(400)}};`,
      'src/other.ts': big,
    });
    for (const r of [scanApp(dir), await scanAppParallel(dir, { workers: 0 })]) {
      expect(r.files.skipped.map((s) => [s.file, s.blocksRemoval])).toEqual([['src/other.ts', true], ['src/vendor.js', false]]);
    }
  });

  it('scans a file reached both through a symbolic link and directly once, under its own path', () => {
    const dir = app({
      'manifest.yml': MANIFEST(),
      'src/handlers/main.ts': "import { me } from '../me';\nimport { me as again } from '../me-link';\nexport const run = () => [me(), again()];",
      'src/me.ts': "import api, { route } from '@forge/api';\nexport const me = () => api.asApp().requestJira(route`/rest/api/3/myself`);",
    });
    symlinkSync('me.ts', join(dir, 'src/me-link.ts'));
    const r = scanApp(dir);
    expect(r.calls.map((c) => `${c.file}:${c.line} ${c.operationKey}`)).toEqual(['src/me.ts:2 GET /rest/api/3/myself']);
    expect(r.files.skipped).toEqual([{ file: 'src/me-link.ts', reason: 'same file as src/me.ts (a symbolic link), scanned once', blocksRemoval: false }]);
  });
});
