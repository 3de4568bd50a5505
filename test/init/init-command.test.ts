/** `scope-inspector init` as a command: refusals change nothing, --update, --undo, --products. */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { editManifest } from '../../src/init/manifest-edit';
import { makeApp, runCli } from '../cli/run-cli';
import { ensureAdminPageBuild } from './helpers/sample-app-flow';
import { snapshotTree } from './helpers/sample-apps';

const MANIFEST = `# A trigger app
modules:
  trigger:
    - key: on-created
      function: main   # the handler
      events: ["avi:jira:created:issue"]
  function:
    - key: main
      handler: index.run
permissions:
  scopes:
    - 'read:jira-work'
app:
  id: ari:cloud:ecosystem::app/0a1b2c3d-0000-4000-8000-0000000000c1
  runtime:
    name: nodejs22.x
`;
const INDEX = "import api, { route } from '@forge/api';\nexport const run = async (e) => api.asApp().requestJira(route`/rest/api/3/issue/${e.issue.key}`);\n";
const app = (files: Record<string, string> = {}) => makeApp({ 'manifest.yml': MANIFEST, 'src/index.js': INDEX, 'package.json': '{\n  "name": "a",\n  "version": "1.0.0"\n}\n', ...files });

beforeAll(() => ensureAdminPageBuild(), 60_000);

describe('refusals change nothing', () => {
  it.each([
    ['a handler built dynamically', { 'src/index.js': "const h = require('./h');\nfor (const k of Object.keys(h)) exports[k] = h[k];\n" }, /src\/index\.js:2: the handler `run` is not exported by name: exports are assigned under computed names/],
    ['a manifest that is not YAML', { 'manifest.yml': 'modules:\n  function: [\n' }, /manifest\.yml:\d+: /],
    ['a manifest @forge/manifest rejects', { 'manifest.yml': MANIFEST.replace('      handler: index.run\n', '') }, /manifest\.yml does not pass @forge\/manifest validation; fix it first \(nothing was changed\):\n  manifest\.yml:\d+: /],
    ['a key init would add, taken by the app', { 'manifest.yml': MANIFEST.replace('    - key: main\n', '    - key: scope-inspector-admin\n      handler: index.run\n    - key: main\n') }, /already has an entry with key scope-inspector-admin that init did not write; rename it/],
  ])('%s: exit 2, the reason, and the tree untouched', async (_, files, message) => {
    const dir = app(files as Record<string, string>);
    const before = snapshotTree(dir);
    const r = await runCli(['init', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it.each([
    ['manifest.yml', /manifest\.yml: cannot read the file: is a named pipe \(FIFO\), not a regular file/],
    ['src/index.js', /src\/index\.js: cannot read the file: is a named pipe \(FIFO\), not a regular file/],
    ['package.json', /package\.json: cannot read the file: is a named pipe \(FIFO\), not a regular file/],
  ])('a named pipe as %s: refused naming it (a plain read would hang), nothing written', async (file, message) => {
    const dir = app();
    rmSync(join(dir, file));
    execFileSync('mkfifo', [join(dir, file)]);
    const r = await runCli(['init', dir]);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(message)]);
    expect(existsSync(join(dir, 'static/scope-inspector'))).toBe(false);
    expect(existsSync(join(dir, 'src/scope-inspector'))).toBe(false);
    if (file !== 'manifest.yml') expect(readFileSync(join(dir, 'manifest.yml'), 'utf8')).toBe(MANIFEST);
  });

  it('refuses a directory without manifest.yml', async () => {
    const r = await runCli(['init', makeApp({ 'x.txt': '' })]);
    expect([r.code, r.err]).toEqual([2, expect.stringContaining('manifest.yml: not found')]);
  });
});

describe('init, --update and --undo', () => {
  it('wires the trigger app, keeping the manifest comments and quotes, and --undo restores it byte for byte', async () => {
    const dir = app();
    const before = snapshotTree(dir);
    const r = await runCli(['init', dir]);
    expect(r.code).toBe(0);
    const manifest = readFileSync(join(dir, 'manifest.yml'), 'utf8');
    expect(manifest).toContain('      function: main   # the handler\n      events: ["avi:jira:created:issue"]');
    expect(manifest).toContain("    - 'read:jira-work'\n    - 'storage:app'\n");
    expect(manifest).toContain('  jira:adminPage:\n    - key: scope-inspector-admin-page\n');
    expect(readFileSync(join(dir, 'src/index.js'), 'utf8')).toContain("import api, { route } from './scope-inspector/instrumented-api';");
    expect(readFileSync(join(dir, 'package.json'), 'utf8')).toBe(`{\n  "name": "a",\n  "version": "1.0.0",\n  "dependencies": {\n    "forge-scope-inspector": "^${require('../../package.json').version}",\n    "@forge/api": "${require('../../package.json').dependencies['@forge/api']}"\n  }\n}\n`);
    expect((await runCli(['init', '--undo', dir])).code).toBe(0);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('--update refreshes only what init generated (the static analysis after a code change), not the source', async () => {
    const dir = app();
    expect((await runCli(['init', dir])).code).toBe(0);
    const analysis = join(dir, 'src/scope-inspector/static-analysis.js');
    const old = readFileSync(analysis, 'utf8');
    appendFileSync(join(dir, 'src/index.js'), "export const extra = () => api.asApp().requestJira(route`/rest/api/3/myself`);\n");
    const source = readFileSync(join(dir, 'src/index.js'), 'utf8');
    const r = await runCli(['init', '--update', dir]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('changed src/scope-inspector/static-analysis.js: static analysis of this app for the admin page (3 product calls found in source)');
    expect(readFileSync(analysis, 'utf8')).not.toBe(old);
    expect(readFileSync(join(dir, 'src/index.js'), 'utf8')).toBe(source);
  });

  it('an app wired by an earlier init (bridge usage resolver without the static analysis): --update names the file, init wires it, --undo restores the original', async () => {
    const manifest = MANIFEST.replace('  function:\n', '  jira:issuePanel:\n    - key: panel\n      title: Panel\n      icon: https://example.com/icon.png\n      resource: panel\n      resolver:\n        function: ui\n  function:\n    - key: ui\n      handler: ui.handler\n').replace('permissions:', 'resources:\n  - key: panel\n    path: static/panel/build\npermissions:');
    const dir = app({
      'manifest.yml': manifest,
      'src/ui.js': "import Resolver from '@forge/resolver';\nconst resolver = new Resolver();\nresolver.define('hello', () => 'hi');\nexport const handler = resolver.getDefinitions();\n",
      'static/panel/src/index.js': "import { requestJira } from '@forge/bridge';\nrequestJira('/rest/api/3/myself');\n",
      'static/panel/build/index.html': '<html></html>\n',
    });
    const before = snapshotTree(dir);
    expect((await runCli(['init', dir])).code).toBe(0);
    const ui = join(dir, 'src/ui.js');
    const wired = readFileSync(ui, 'utf8');
    expect(wired).toContain("import scopeInspectorAnalysis from './scope-inspector/static-analysis';\n");
    expect(wired).toContain('defineBridgeUsageResolver(resolver, { staticAnalysis: scopeInspectorAnalysis });\n');
    // What init wrote before browser rows were verified.
    writeFileSync(ui, wired.replace("import scopeInspectorAnalysis from './scope-inspector/static-analysis';\n", '').replace('{ staticAnalysis: scopeInspectorAnalysis }', '').replace('(resolver, )', '(resolver)'));
    const update = await runCli(['init', '--update', dir]);
    expect(update.out).toContain('not applied by --update (run init to wire them): changes to src/ui.js');
    expect((await runCli(['init', dir])).code).toBe(0);
    expect(readFileSync(ui, 'utf8')).toBe(wired);
    expect((await runCli(['init', dir])).out).toContain('nothing to change');
    expect((await runCli(['init', '--undo', dir])).code).toBe(0);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('--update puts back an admin page build a fresh checkout lacks', async () => {
    const dir = app();
    expect((await runCli(['init', dir])).code).toBe(0);
    const wired = snapshotTree(dir);
    rmSync(join(dir, 'static/scope-inspector/build'), { recursive: true });
    const r = await runCli(['init', '--update', dir]);
    expect(r.out).toContain('new static/scope-inspector/build/index.html: admin page build from forge-scope-inspector');
    expect(snapshotTree(dir)).toEqual(wired);
  });

  it('--update before init, and --undo without init, are refused', async () => {
    const dir = app();
    expect(await runCli(['init', '--update', dir])).toMatchObject({ code: 2, err: expect.stringContaining('init has not run here yet') });
    expect(await runCli(['init', '--undo', dir])).toMatchObject({ code: 2, err: expect.stringContaining('init has not run in') });
  });

  it('--undo refuses when a file changed since init wrote it (nothing restored), and --force restores it', async () => {
    const dir = app();
    const before = snapshotTree(dir);
    await runCli(['init', dir]);
    writeFileSync(join(dir, 'src/index.js'), readFileSync(join(dir, 'src/index.js'), 'utf8') + '// edited\n');
    const wired = snapshotTree(dir);
    const refused = await runCli(['init', '--undo', dir]);
    expect([refused.code, refused.err]).toEqual([2, expect.stringContaining('these files changed since init wrote them, and undo would lose those changes: src/index.js')]);
    expect(snapshotTree(dir)).toEqual(wired);
    expect((await runCli(['init', '--undo', '--force', dir])).code).toBe(0);
    expect(snapshotTree(dir)).toEqual(before);
    expect(existsSync(join(dir, '.scope-inspector'))).toBe(false);
  });

  it('--products chooses the admin pages; a wrong name is a usage error', async () => {
    const dir = app();
    const r = await runCli(['init', '--dry-run', '--products', 'jira,confluence', dir]);
    expect(r.out).toContain('+  confluence:globalSettings:');
    expect(r.out).toContain("+    confluence: () => api.asUser().requestConfluence(route`/wiki/rest/api/user/current?expand=operations`),");
    expect(await runCli(['init', '--products', 'jira,trello', dir])).toMatchObject({ code: 2, err: expect.stringContaining("--products: expected a comma-separated list of jira, confluence, bitbucket, got 'jira,trello'") });
  });
});

describe('editManifest', () => {
  it('adds list items where they belong and leaves every other byte as it was', () => {
    const text = '# c\nmodules:\n  function:\n  - key: a   # keep\n    handler: index.a\nresources: []\npermissions:\n  scopes: [read:jira-work]\n';
    const out = editManifest(text, [{ path: ['modules', 'function'], items: [{ key: 'b', handler: 'x.b' }] }, { path: ['resources'], items: [{ key: 'r', path: 'p' }] }], ['storage:app'], 'manifest.yml');
    expect(out).toContain('  - key: a   # keep\n    handler: index.a\n  - key: b\n    handler: x.b\n');
    expect(out).toContain('# c\n');
    expect(out).toContain('resources: [ { key: r, path: p } ]\npermissions:\n  scopes: [ read:jira-work, storage:app ]\n');
    expect(require('yaml').parse(out)).toEqual({ modules: { function: [{ key: 'a', handler: 'index.a' }, { key: 'b', handler: 'x.b' }] }, resources: [{ key: 'r', path: 'p' }], permissions: { scopes: ['read:jira-work', 'storage:app'] } });
  });
});
