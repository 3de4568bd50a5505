/** `audit` given a manifest.yml path (a shell glob's or `git ls-files`' output) audits that app, once. */
import { join } from 'node:path';
import { makeApp, runCli } from './run-cli';

const app = () =>
  makeApp({
    'manifest.yml': 'modules:\n  function:\n    - key: main\n      handler: index.run\npermissions:\n  scopes:\n    - read:jira-work\napp:\n  id: ari:cloud:ecosystem::app/1\n',
    'src/index.ts': "import api, { route } from '@forge/api';\nexport const run = (k: string) => api.asApp().requestJira(route`/rest/api/3/issue/${k}`);\n",
  });

describe('audit of a manifest.yml path', () => {
  it('audits the folder that holds it, as the folder itself would be', async () => {
    const dir = app();
    const byFile = await runCli(['audit', join(dir, 'manifest.yml'), '--format', 'json']);
    const byDir = await runCli(['audit', dir, '--format', 'json']);
    expect(byFile.code).toBe(0);
    expect(JSON.parse(byFile.out)).toEqual(JSON.parse(byDir.out));
  });

  it('counts an app named by its folder and by its manifest once', async () => {
    const [a, b] = [app(), app()];
    const { out } = await runCli(['audit', a, join(a, 'manifest.yml'), b, '--format', 'json']);
    expect(JSON.parse(out).map((x: { manifest: string }) => x.manifest)).toHaveLength(2);
  });

  it('still names a folder without a manifest as such', async () => {
    const { code, err } = await runCli(['audit', join(app(), 'src')]);
    expect(code).toBe(2);
    expect(err).toMatch(/src\/manifest\.yml: not found \(is .*src a Forge app directory\?\)/);
  });
});
