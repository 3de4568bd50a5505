import { execFileSync } from 'node:child_process';
import { chmodSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeApp, runCli } from './run-cli';
import { runCliAsAnotherUser } from './run-cli-as';

// Each app calls GET /rest/api/3/issue/{key} (read:jira-work), declares one scope only a platform
// feature or an unread file needs, and one scope nothing needs (manage:jira-configuration).
const manifest = (extraScope: string, extraYaml = '') => `modules:
  function:
    - key: main
      handler: index.run
${extraYaml}permissions:
  scopes:
    - read:jira-work
    - ${extraScope}
    - manage:jira-configuration
app:
  id: ari:cloud:ecosystem::app/1
`;
const ISSUE = `import api, { route } from '@forge/api';
export const run = (key: string) => api.asApp().requestJira(route\`/rest/api/3/issue/\${key}\`);
`;

const MYSELF_CALL = "import api, { route } from '@forge/api';\nexport const me = () => api.asUser().requestJira(route`/rest/api/3/myself`);\n";

/** Runs `audit --remove-unused --dry-run` and returns the exit code, the diff and the messages. */
const dryRun = (dir: string, ...more: string[]) => runCli(['audit', dir, '--remove-unused', '--dry-run', '--fail-on', 'none', ...more]);
const removed = (diff: string) => [...diff.matchAll(/^-\s+- (\S+)/gm)].map((m) => m[1]).sort();

describe('audit --remove-unused --dry-run keeps what a platform feature needs', () => {
  it.each([
    [
      'a remote with auth.appSystemToken',
      'read:app-system-token',
      { 'src/index.ts': ISSUE },
      'remotes:\n  - key: backend\n    baseUrl: https://backend.example.com\n    auth:\n      appSystemToken:\n        enabled: true\n',
    ],
    [
      'an endpoint with auth.appUserToken',
      'read:app-user-token',
      { 'src/index.ts': ISSUE },
      '  endpoint:\n    - key: remote-resolver\n      remote: backend\n      auth:\n        appUserToken:\n          enabled: true\nremotes:\n  - key: backend\n    baseUrl: https://backend.example.com\n',
    ],
    [
      'publishGlobal from @forge/realtime',
      'read:app-global-channel:realtime',
      { 'src/index.ts': ISSUE, 'src/live.ts': "import { publishGlobal } from '@forge/realtime';\nexport const tell = (n: string) => publishGlobal('updates', n);\n" },
    ],
    [
      "@forge/bridge's realtime.subscribeGlobal in Custom UI",
      'read:app-global-channel:realtime',
      { 'src/index.ts': ISSUE, 'static/app/src/live.js': "import { realtime } from '@forge/bridge';\nexport const listen = (cb) => realtime.subscribeGlobal('updates', cb);\n" },
    ],
    [
      'the privacy API, passed along rather than called in place',
      'report:personal-data',
      { 'src/index.ts': ISSUE, 'src/privacy.ts': "import { privacy } from '@forge/api';\nexport const check = (batches: { accountId: string; updatedAt: string }[][]) => Promise.all(batches.map(privacy.reportPersonalData));\n" },
    ],
    ['@forge/kvs', 'storage:app', { 'src/index.ts': ISSUE, 'src/store.ts': "import { kvs } from '@forge/kvs';\nexport const save = (v: string) => kvs.set('k', v);\n" }],
    ['@forge/storage', 'storage:app', { 'src/index.ts': ISSUE, 'src/store.ts': "import { storage } from '@forge/storage';\nexport const save = (v: string) => storage.set('k', v);\n" }],
    [
      "authorize().onConfluenceContent(), whose permission check needs the Confluence scope",
      'read:confluence-content.permission',
      { 'src/index.ts': ISSUE, 'src/can.ts': "import { authorize } from '@forge/api';\nexport const canRead = (id: string) => authorize().onConfluenceContent(id).canRead();\n" },
    ],
  ])('%s: keeps %s, removes only the unused scope', async (_name, scope, files, extraYaml = '') => {
    const { code, out, err } = await dryRun(makeApp({ 'manifest.yml': manifest(scope, extraYaml), ...files }));
    // The edit states its cost: removing a scope is a change of the scope set, so it needs approval.
    expect({ code, err }).toEqual({ code: 0, err: 'Deploying this: This change needs every site admin to approve a new major version because it removes manage:jira-configuration.\n' });
    expect(removed(out)).toEqual(['manage:jira-configuration']);
    const json = JSON.parse((await runCli(['audit', makeApp({ 'manifest.yml': manifest(scope, extraYaml), ...files }), '--format', 'json', '--fail-on', 'none'])).out);
    expect(json.scopes.details.find((d: { scope: string }) => d.scope === scope)).toMatchObject({ verdict: expect.stringMatching(/^(platform|code-only)$/) });
  });

  it('Forge SQL: storage:app may be needed (Atlassian names no scope for it), so removal is blocked, not advised', async () => {
    const dir = makeApp({ 'manifest.yml': manifest('storage:app', '  sql:\n    - key: main\n      engine: mysql\n'), 'src/index.ts': ISSUE, 'src/db.ts': "import { sql } from '@forge/sql';\nexport const rows = () => sql.executeRaw('SELECT 1');\n" });
    const { code, err } = await dryRun(dir);
    expect(code).toBe(2);
    expect(err).toMatch(/storage:app: .*Forge SQL \(@forge\/sql\).*src\/db\.ts:1/);
  });

  it('an unknown @forge/* package blocks removal: the tool cannot tell what it requests', async () => {
    const dir = makeApp({ 'manifest.yml': manifest('read:jira-user'), 'src/index.ts': ISSUE, 'src/ai.ts': "import { chat } from '@forge/llm';\nexport const ask = (q: string) => chat({ messages: [q] });\n" });
    const { code, err } = await dryRun(dir);
    expect(code).toBe(2);
    expect(err).toContain("@forge/llm: the tool does not know what this package requests on the app's behalf");
  });

  // A REST client published on npm that wraps requestJira: its calls live in node_modules, which the scanner does not read.
  const CLIENT_USER = "import { JiraClient } from 'forge-jira-client';\nimport dayjs from 'dayjs';\nexport const me = () => new JiraClient().myself(dayjs());\n";
  const installed = (name: string, deps: Record<string, Record<string, string>>) => ({ [`node_modules/${name}/package.json`]: JSON.stringify({ name, version: '1.0.0', ...deps }) });

  it.each([
    ['dependencies', { dependencies: { '@forge/api': '^6.0.0' } }, '@forge/api'],
    ['peerDependencies', { peerDependencies: { '@forge/bridge': '^5.0.0' } }, '@forge/bridge'],
  ])('an installed package that depends on a Forge request package (%s) blocks removal, named at its import', async (_kind, deps, via) => {
    const dir = makeApp({ 'manifest.yml': manifest('read:jira-user'), 'src/index.ts': ISSUE, 'src/me.ts': CLIENT_USER, ...installed('forge-jira-client', deps), ...installed('dayjs', {}) });
    const { code, err } = await dryRun(dir);
    expect(code).toBe(2);
    expect(err).toContain(`forge-jira-client depends on ${via}: it can call Atlassian APIs on the app's behalf`);
    expect(err).toContain('src/me.ts:1');
    expect(err).not.toContain('dayjs');
  });

  it.each([
    ['re-exported by a barrel', "export * from 'forge-jira-client';\n", true],
    ['required', "const { JiraClient } = require('forge-jira-client');\nmodule.exports = { JiraClient };\n", true],
    ['imported for its types only', "import type { JiraClient } from 'forge-jira-client';\nexport type Client = JiraClient;\n", false],
    ['named only in a comment', "// see require('forge-jira-client') for the old client\nexport const x = 1;\n", false],
  ])('a Forge-dependent package %s: blocks removal only when code can run it', async (_how, source, blocks) => {
    const dir = makeApp({ 'manifest.yml': manifest('read:jira-user'), 'src/index.ts': ISSUE, 'src/me.ts': MYSELF_CALL, 'src/client.ts': source, ...installed('forge-jira-client', { dependencies: { '@forge/api': '^6.0.0' } }) });
    const { code, err } = await dryRun(dir);
    expect(code).toBe(blocks ? 2 : 0);
    expect(err.includes('forge-jira-client depends on @forge/api')).toBe(blocks);
  });

  it('packages without a Forge dependency, and the kit itself, block nothing: manage:jira-configuration is removed', async () => {
    const kit = "import { instrument } from 'forge-scope-inspector';\nexport const wrap = instrument;\n";
    const dir = makeApp({ 'manifest.yml': manifest('read:jira-user'), 'src/index.ts': ISSUE + "import dayjs from 'dayjs';\nexport const now = () => dayjs();\n", 'src/me.ts': MYSELF_CALL, 'src/kit.ts': kit, ...installed('dayjs', {}), ...installed('forge-scope-inspector', { dependencies: { '@forge/api': '^6.0.0' } }) });
    const { code, out } = await dryRun(dir);
    expect(code).toBe(0);
    expect(removed(out)).toEqual(['manage:jira-configuration']);
  });
});

describe('audit --remove-unused --dry-run and calls to a remote backend', () => {
  const REMOTE_CALL = "import { invokeRemote } from '@forge/api';\nexport const sync = () => invokeRemote('backend', { path: '/sync', method: 'POST' });\n";
  const remotes = (auth: string) => `remotes:\n  - key: backend\n    baseUrl: https://backend.example.com\n    operations:\n      - compute\n${auth}`;

  it('a remote Forge passes no app token cannot use the app\'s scopes: the unused scope is removed', async () => {
    const dir = makeApp({ 'manifest.yml': manifest('read:jira-user', remotes('')), 'src/index.ts': ISSUE, 'src/me.ts': MYSELF_CALL, 'src/sync.ts': REMOTE_CALL });
    const { code, out } = await dryRun(dir);
    expect(code).toBe(0);
    expect(removed(out)).toEqual(['manage:jira-configuration']);
  });

  it.each([
    ['its own auth', remotes('    auth:\n      appSystemToken:\n        enabled: true\n'), ''],
    ['an endpoint module that calls it', remotes(''), '  endpoint:\n    - key: backend-endpoint\n      remote: backend\n      auth:\n        appUserToken:\n          enabled: true\n'],
  ])('a remote that gets an app token (through %s) may call anything: removal is blocked', async (_how, remotesYaml, endpointYaml) => {
    const extra = remotesYaml;
    const yaml = manifest('read:jira-user', extra).replace('modules:\n', `modules:\n${endpointYaml}`);
    const dir = makeApp({ 'manifest.yml': yaml, 'src/index.ts': ISSUE, 'src/me.ts': MYSELF_CALL, 'src/sync.ts': REMOTE_CALL });
    const { code, err } = await dryRun(dir);
    expect(code).toBe(2);
    expect(err).toMatch(/manage:jira-configuration: unrecognised request surface at src\/sync\.ts:2/);
  });
});

describe('audit --remove-unused --dry-run exits 2 naming the file it could not read', () => {
  // read:jira-user's only caller (GET /rest/api/3/myself) sits in the file the scanner cannot read.
  const MYSELF = "import api, { route } from '@forge/api';\nexport const me = () => api.asUser().requestJira(route`/rest/api/3/myself`);\n";
  const app = (files: Record<string, string>) => makeApp({ 'manifest.yml': manifest('read:jira-user'), 'src/index.ts': ISSUE, ...files });

  it('a symlinked source file is followed and scanned: nothing wrongly removed', async () => {
    const dir = app({ 'lib/me.ts': MYSELF });
    symlinkSync('../lib/me.ts', join(dir, 'src/me.ts'));
    const { code, out } = await dryRun(dir);
    expect(code).toBe(0);
    expect(removed(out)).toEqual(['manage:jira-configuration']);
    const text = (await runCli(['audit', dir, '--fail-on', 'none'])).out;
    expect(text).toContain('src/me.ts: symbolic link to lib/me.ts, followed');
  });

  it('a broken symlink blocks removal', async () => {
    const dir = app({});
    symlinkSync('../lib/gone.ts', join(dir, 'src/me.ts'));
    const { code, err } = await dryRun(dir);
    expect(code).toBe(2);
    expect(err).toMatch(/read:jira-user: src\/me\.ts was not read: broken symbolic link/);
  });

  it('a source file that opens with a long base64 string is scanned, not skipped as minified', async () => {
    const icon = `export const ICON = 'data:image/png;base64,${'iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB'.repeat(850)}';\n`;
    const dir = app({ 'src/me.ts': icon + MYSELF });
    const { code, out } = await dryRun(dir);
    expect(code).toBe(0);
    expect(removed(out)).toEqual(['manage:jira-configuration']);
  });

  it('a minified bundle that calls Forge is scanned (its call found) and blocks removal, named at the reference', async () => {
    // What esbuild --minify makes of MYSELF, padded the way a bundle's vendored code pads it.
    const bundle = `var d=Object.defineProperty;${'var q=function(a,b){return a&&b(a,1)};'.repeat(60)}import t,{route as o}from"@forge/api";export const me=()=>t.asUser().requestJira(o\`/rest/api/3/myself\`);\n`;
    const dir = app({ 'src/me.js': bundle });
    const { code, err } = await dryRun(dir);
    expect(code).toBe(2);
    expect(err).toMatch(/manage:jira-configuration: unrecognised request surface at src\/me\.js:1: minified bundle referencing @forge\/api: scanned, but a bundle's calls cannot all be told/);
    const report = JSON.parse((await runCli(['audit', dir, '--format', 'json', '--fail-on', 'none'])).out);
    expect(report.scopes.details.find((d: { scope: string }) => d.scope === 'read:jira-user').verdict).toBe('code-only');
    expect(report.endpoints.map((e: { key: string }) => e.key)).toContain('GET /rest/api/3/myself');
  });

  it('a minified library without a Forge reference is skipped without blocking removal', async () => {
    const dir = app({ 'static/page/src/vendor/chart.min.js': `!function(){${'var q=function(a,b){return fetch(a).then(b)};'.repeat(60)}}();\n` });
    const { code, out } = await dryRun(dir);
    expect(code).toBe(0);
    expect(removed(out)).toEqual(['manage:jira-configuration', 'read:jira-user']);
    const text = (await runCli(['audit', dir, '--fail-on', 'none'])).out;
    expect(text).toContain('static/page/src/vendor/chart.min.js: minified bundle without a Forge reference (a vendored library)');
  });

  it('a file with a syntax error blocks removal, named with its line', async () => {
    const dir = app({ 'src/me.ts': MYSELF + 'export const broken = (;\n' });
    const { code, err, out } = await dryRun(dir);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/read:jira-user: src\/me\.ts was not read: could not be parsed \(3:\d+: /);
    expect(err).toContain('--force');
    const forced = await dryRun(dir, '--force');
    expect(forced.code).toBe(0);
    expect(removed(forced.out)).toEqual(['manage:jira-configuration', 'read:jira-user']);
  });

  it('a file the operating system refuses to read blocks removal', async () => {
    const dir = app({ 'src/me.ts': MYSELF });
    chmodSync(join(dir, 'src/me.ts'), 0o000);
    const { code, err } = await runCliAsAnotherUser(['audit', dir, '--remove-unused', '--dry-run', '--fail-on', 'none'], dir);
    expect(code).toBe(2);
    expect(err).toMatch(/read:jira-user: src\/me\.ts was not read: unreadable \(EACCES\)/);
  });

  it('a named pipe where a source file should be blocks removal (never read: it would hang)', async () => {
    const dir = app({});
    execFileSync('mkfifo', [join(dir, 'src/me.ts')]);
    const { code, err } = await dryRun(dir);
    expect(code).toBe(2);
    expect(err).toMatch(/read:jira-user: src\/me\.ts was not read: not a regular file \(a named pipe\)/);
  });

  it('lists files not read in every format', async () => {
    const dir = app({ 'src/me.ts': MYSELF + 'export const broken = (;\n', 'src/x.test.ts': 'export {};\n' });
    const text = (await runCli(['audit', dir, '--fail-on', 'none'])).out;
    expect(text).toMatch(/Files not scanned as such \(2\)\n\s+src\/me\.ts: could not be parsed .*\(blocks removal\)\n\s+src\/x\.test\.ts: test file/);
    const json = JSON.parse((await runCli(['audit', dir, '--format', 'json', '--fail-on', 'none'])).out);
    expect(json.files.skipped).toEqual([
      { file: 'src/me.ts', reason: expect.stringMatching(/^could not be parsed/), blocksRemoval: true },
      { file: 'src/x.test.ts', reason: 'test file (not deployed)', blocksRemoval: false },
    ]);
    const md = (await runCli(['audit', dir, '--format', 'markdown', '--fail-on', 'none'])).out;
    expect(md).toMatch(/## Files not scanned as such \(2\)\n\n- src\/me\.ts: could not be parsed/);
    const sarif = JSON.parse((await runCli(['audit', dir, '--format', 'sarif', '--fail-on', 'none'])).out);
    expect(sarif.runs[0].results).toContainEqual(expect.objectContaining({ ruleId: 'unread-file', locations: [expect.objectContaining({ physicalLocation: expect.objectContaining({ artifactLocation: { uri: 'src/me.ts' } }) })] }));
    expect(sarif.runs[0].properties.filesNotScanned).toHaveLength(2);
  });
});

describe('audit --fix --remove-unused', () => {
  it('writes nothing when removal is blocked', async () => {
    const dir = makeApp({ 'manifest.yml': manifest('read:jira-user'), 'src/index.ts': ISSUE, 'src/me.ts': 'export const broken = (;\n' });
    const before = manifest('read:jira-user');
    const { code } = await runCli(['audit', dir, '--fix', '--remove-unused']);
    expect(code).toBe(2);
    expect(require('node:fs').readFileSync(join(dir, 'manifest.yml'), 'utf8')).toBe(before);
    writeFileSync(join(dir, 'src/me.ts'), 'export const fixed = 1;\n');
    expect((await runCli(['audit', dir, '--fix', '--remove-unused'])).code).toBe(0);
  });
});
