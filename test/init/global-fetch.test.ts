/** `scope-inspector init` records the global fetch where backend code calls it, and only there. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditApp } from '../../src/audit/audit-app';
import { makeApp, runCli } from '../cli/run-cli';
import { ensureAdminPageBuild } from './helpers/sample-app-flow';
import { snapshotTree } from './helpers/sample-apps';

const MANIFEST = `modules:
  trigger:
    - key: on-created
      function: main
      events: ["avi:jira:created:issue"]
  function:
    - key: main
      handler: index.run
permissions:
  scopes:
    - read:jira-work
  external:
    fetch:
      backend:
        - https://hooks.example.com
app:
  id: ari:cloud:ecosystem::app/0a1b2c3d-0000-4000-8000-0000000000f1
  runtime:
    name: nodejs22.x
`;
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const egressOf = async (dir: string) => (await auditApp(dir)).scan.egress.map((e) => `${e.file}:${e.line} ${e.kind} ${e.domain ?? e.unresolved}`);

beforeAll(() => ensureAdminPageBuild(), 60_000);

describe('the global fetch in backend code', () => {
  const ESM = {
    'src/index.js': "import { notify } from './notify';\n/** The trigger. */\nexport const run = async (e) => notify(e.issue.key);\n",
    'src/notify.js': "/** Posts to the team's hook. */\nexport async function notify(key) {\n  return fetch(`https://hooks.example.com/t/${key}`, { method: 'POST' });\n}\n",
    // Its own fetch: a parameter, and a local function; neither file may get an import it does not use.
    'src/client.js': "export const get = (fetch, url) => fetch(url);\n",
    'src/local.js': "function fetch(u) { return u; }\nexport const x = () => fetch('https://hooks.example.com/x');\n",
  };

  it('is imported, recorded, from one generated module by the files that call it; the global is never replaced', async () => {
    const dir = makeApp({ 'manifest.yml': MANIFEST, ...ESM });
    const before = await egressOf(dir);
    expect((await runCli(['init', dir])).code).toBe(0);
    expect(read(dir, 'src/notify.js')).toBe("import { fetch } from './scope-inspector/instrumented-fetch';\n" + ESM['src/notify.js']);
    expect(read(dir, 'src/client.js')).toBe(ESM['src/client.js']);
    expect(read(dir, 'src/local.js')).toBe(ESM['src/local.js']);
    const generated = read(dir, 'src/scope-inspector/instrumented-fetch.js');
    expect(generated).toContain('export const fetch = instrumentFetch((...args) => globalThis.fetch(...args));');
    expect(generated).not.toMatch(/globalThis\.fetch\s*=/);
    // The audit still sees the same egress, at the same lines (the import line shifts them by one).
    expect(await egressOf(dir)).toEqual(before.map((e) => e.replace(/^src\/notify\.js:3 /, 'src/notify.js:4 ')));
  });

  it('a second init changes nothing, and --undo restores every file byte for byte', async () => {
    const dir = makeApp({ 'manifest.yml': MANIFEST, ...ESM });
    const original = snapshotTree(dir);
    await runCli(['init', dir]);
    const wired = snapshotTree(dir);
    const again = await runCli(['init', dir]);
    expect(again.out + again.err).toContain('nothing to change');
    expect(snapshotTree(dir)).toEqual(wired);
    expect((await runCli(['init', '--undo', dir])).code).toBe(0);
    expect(snapshotTree(dir)).toEqual(original);
  });

  it('CommonJS files require it, after their own requires', async () => {
    const dir = makeApp({
      'manifest.yml': MANIFEST,
      'src/index.js': "'use strict';\nconst api = require('@forge/api');\n\nexports.run = async (e) => {\n  await fetch('https://hooks.example.com/t', { method: 'POST' });\n};\n",
    });
    expect((await runCli(['init', dir])).code).toBe(0);
    expect(read(dir, 'src/index.js')).toMatch(/^'use strict';\nconst api = require\('\.\/scope-inspector\/instrumented-api'\);\n(const .*\n)*const \{ fetch \} = require\('\.\/scope-inspector\/instrumented-fetch'\);\n\nexports\.run = /);
    expect(read(dir, 'src/scope-inspector/instrumented-fetch.js')).toContain("exports.fetch = instrumentFetch((...args) => globalThis.fetch(...args));");
  });

  it('an app that never calls the global fetch gets no such module', async () => {
    const dir = makeApp({ 'manifest.yml': MANIFEST, 'src/index.js': 'export const run = async () => 1;\n' });
    expect((await runCli(['init', dir])).code).toBe(0);
    expect(snapshotTree(dir).has('src/scope-inspector/instrumented-fetch.js')).toBe(false);
  });
});
