import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { buildStaticAnalysis } from '../../src/audit/static-analysis-bundle';
import { tempApp } from '../helpers/temp-app';

const MANIFEST = 'modules:\n  function:\n    - key: main\n      handler: index.run\napp:\n  id: ari:cloud:ecosystem::app/1\npermissions:\n  scopes:\n    - read:jira-user\n';

describe("the admin page's static analysis bundle", () => {
  it('keeps every file fact the audit has: the files it skipped but the generated ones, and the links it followed', async () => {
    const dir = tempApp({
      'manifest.yml': MANIFEST,
      'src/index.ts': "import { me } from './me';\nexport const run = () => me();\n",
      'lib/me.ts': "import api, { route } from '@forge/api';\nexport const me = () => api.asUser().requestJira(route`/rest/api/3/myself`);\n",
      'src/generated/data.test.ts': 'export {};\n',
      'src/x.test.ts': 'export {};\n',
    });
    symlinkSync('../lib/me.ts', join(dir, 'src/me.ts'));
    const bundle = await buildStaticAnalysis(dir, 'test', 'src/generated/');
    expect(bundle.scan.files.symlinks).toEqual([{ file: 'src/me.ts', target: 'lib/me.ts' }]);
    expect(bundle.scan.files.skipped.map((f) => f.file)).toEqual(['src/x.test.ts']);
    expect(bundle.scan.calls.map((c) => `${c.file}:${c.line}`)).toEqual(['src/me.ts:2']);
  });
});
