/** The source edits of init, shape by shape: what each handler export becomes, and what is refused. */
import { AppSources } from '../../src/init/app-sources';
import { rewriteImports } from '../../src/init/rewrite-imports';
import { defineBridgeResolver, wrapHandler } from '../../src/init/wire-handler';
import { makeApp } from '../cli/run-cli';

/** Wires `index.run` of an app made of these files; returns the edited files. */
function wire(files: Record<string, string>, handler = 'index.run'): Record<string, string> {
  const sources = new AppSources(makeApp(files), []);
  wrapHandler(sources, { key: 'fn', handler });
  return Object.fromEntries(sources.changes().map((c) => [c.file, c.after]));
}

const IMPORT = "import { withUsageRecording } from 'forge-scope-inspector/recorder';";
const REQUIRE = "const { withUsageRecording } = require('forge-scope-inspector/recorder');";

describe('wrapHandler wraps every handler export shape with withUsageRecording', () => {
  it.each([
    ['export const (ESM)', "import api from '@forge/api';\nexport const run = async (event) => api;\n", `import api from '@forge/api';\n${IMPORT}\nexport const run = withUsageRecording(async (event) => api);\n`],
    [
      'export async function (the module keeps its own function)',
      "import x from './x';\nexport async function run(event) {\n  return run.name;\n}\n",
      `import x from './x';\n${IMPORT}\nasync function run(event) {\n  return run.name;\n}\nconst runRecorded = withUsageRecording(run);\nexport { runRecorded as run };\n`,
    ],
    ['export { local as name }', 'const handler = () => 1;\nexport { handler as run };\n', `${IMPORT}\nconst handler = () => 1;\nexport { runRecorded as run };\nconst runRecorded = withUsageRecording(handler);\n`],
    ['export { name } from (a re-export)', "export { run } from './handlers';\n", `${IMPORT}\nimport { run as runUnrecorded } from './handlers';\nexport const run = withUsageRecording(runUnrecorded);\n`],
    [
      'one of several re-exported names',
      "export { other, run } from './handlers';\n",
      `${IMPORT}\nexport { other } from './handlers';\nimport { run as runUnrecorded } from './handlers';\nexport const run = withUsageRecording(runUnrecorded);\n`,
    ],
    ['exports.name = (CommonJS)', "'use strict';\nconst api = require('@forge/api');\nexports.run = async () => api;\n", `'use strict';\nconst api = require('@forge/api');\n${REQUIRE}\nexports.run = withUsageRecording(async () => api);\n`],
    ['module.exports = { name } (shorthand)', 'async function run() {}\nmodule.exports = { run };\n', `${REQUIRE}\nasync function run() {}\nmodule.exports = { run: withUsageRecording(run) };\n`],
    ['module.exports = { name: value }', 'module.exports = { run: async () => 1, other: 2 };\n', `${REQUIRE}\nmodule.exports = { run: withUsageRecording(async () => 1), other: 2 };\n`],
  ])('%s', (_, source, expected) => {
    expect(wire({ 'src/index.js': source, 'src/handlers.js': 'export const run = () => 1;\nexport const other = 2;\n' })['src/index.js']).toBe(expected);
  });

  it('follows export * to the module that defines the handler and exports it wrapped', () => {
    const out = wire({ 'src/index.ts': "export * from './a';\nexport * from './b';\n", 'src/a.ts': 'export const x = 1;\n', 'src/b.ts': 'export const run = () => 1;\n' });
    expect(out['src/index.ts']).toBe(`${IMPORT}\nexport * from './a';\nexport * from './b';\nimport { run as runUnrecorded } from './b';\nexport const run = withUsageRecording(runUnrecorded);\n`);
  });

  it('keeps TypeScript types where they are', () => {
    expect(wire({ 'src/index.ts': 'export const run: (e: unknown) => Promise<void> = async (e) => {};\n' })['src/index.ts']).toBe(
      `${IMPORT}\nexport const run: (e: unknown) => Promise<void> = withUsageRecording(async (e) => {});\n`,
    );
  });

  it('keeps CRLF line endings', () => {
    expect(wire({ 'src/index.js': "import a from 'a';\r\nexport const run = a;\r\n" })['src/index.js']).toBe(`import a from 'a';\r\n${IMPORT}\r\nexport const run = withUsageRecording(a);\r\n`);
  });

  it('leaves a handler that is already wrapped alone', () => {
    expect(wire({ 'src/index.js': `${IMPORT}\nexport const run = withUsageRecording(() => 1);\n` })).toEqual({});
  });

  it('finds handlers in sub-folders (handler: dir/file.export)', () => {
    expect(Object.keys(wire({ 'src/handlers/jobs.ts': 'export const nightly = () => 1;\n' }, 'handlers/jobs.nightly'))).toEqual(['src/handlers/jobs.ts']);
  });
});

describe('wrapHandler refuses what it cannot wire safely, naming the file, line and construct', () => {
  it.each([
    ['exports under computed names', "const h = {};\nfor (const k of ['run']) exports[k] = h[k];\n", /src\/index\.js:2: the handler `run` is not exported by name: exports are assigned under computed names \(`exports\[k\] = \.\.\.`\)/],
    ['Object.assign(module.exports, ...)', "const handlers = require('./h');\nObject.assign(module.exports, handlers);\n", /src\/index\.js:2: .*exports are added at run time \(`Object\.assign\(module\.exports, \.\.\.\)`\)/],
    ['module.exports built by a call', 'module.exports = makeHandlers();\n', /src\/index\.js:1: .*`module\.exports` is built at run time/],
    ['a destructured export', 'export const { run } = makeHandlers();\n', /src\/index\.js:1: `run` is exported by destructuring/],
    ['a method of module.exports', 'module.exports = { run() {} };\n', /src\/index\.js:1: `run` is a method of `module\.exports`/],
    ['no such export', 'export const other = 1;\n', /src\/index\.js:1: does not export `run` \(the handler of function fn\)/],
    ['a file that does not parse', 'export const run = (;\n', /src\/index\.js:1: cannot be parsed/],
  ])('%s', (_, source, message) => {
    expect(() => wire({ 'src/index.js': source })).toThrow(message);
  });

  it('refuses a handler whose file does not exist', () => {
    expect(() => wire({ 'src/other.js': '' })).toThrow('manifest.yml: function fn: no file src/index.{ts,tsx,js,jsx,cjs} for handler index.run');
  });
});

describe('rewriteImports sends only imports that can call a product through the facade', () => {
  const facade = { pkg: '@forge/api', module: 'src/scope-inspector/instrumented-api', surface: new Set(['asApp', 'asUser', 'requestJira', 'requestConfluence', 'requestBitbucket']) };
  it.each([
    ["import api, { route } from '@forge/api';", "import api, { route } from '../scope-inspector/instrumented-api';"],
    ['import * as forge from "@forge/api";', 'import * as forge from "../scope-inspector/instrumented-api";'],
    ["import { asUser, route } from '@forge/api';", "import { asUser, route } from '../scope-inspector/instrumented-api';"],
    ["import { route, storage } from '@forge/api';", "import { route, storage } from '@forge/api';"],
    ["import type { Route } from '@forge/api';", "import type { Route } from '@forge/api';"],
    ["const api = require('@forge/api');", "const api = require('../scope-inspector/instrumented-api');"],
    ["const { route } = require('@forge/api');", "const { route } = require('@forge/api');"],
    ["const { asApp } = require('@forge/api');", "const { asApp } = require('../scope-inspector/instrumented-api');"],
    ["export const load = () => import('@forge/api');", "export const load = () => import('../scope-inspector/instrumented-api');"],
    ["import api from '@forge/api';\nimport { x } from './x.js';", "import api from '../scope-inspector/instrumented-api.js';\nimport { x } from './x.js';"],
  ])('%s', (source, expected) => {
    const sources = new AppSources(makeApp({ 'src/lib/jira.ts': source }), []);
    rewriteImports(sources.get('src/lib/jira.ts'), facade);
    expect(sources.changes()[0]?.after ?? source).toBe(expected);
  });
});

it('rewriteImports spells a .cjs facade with its extension (no resolver finds it otherwise)', () => {
  const sources = new AppSources(makeApp({ 'src/index.cjs': "const api = require('@forge/api');\n" }), []);
  rewriteImports(sources.get('src/index.cjs'), { pkg: '@forge/api', module: 'src/scope-inspector/instrumented-api', surface: new Set(['asApp']), extension: '.cjs' });
  expect(sources.changes()[0].after).toBe("const api = require('./scope-inspector/instrumented-api.cjs');\n");
});

describe('defineBridgeResolver', () => {
  const ANALYSIS = { module: 'src/scope-inspector/static-analysis', esModule: true };
  const RESOLVER = "import Resolver from '@forge/resolver';\nconst resolver = new Resolver();\nresolver.define('a', () => 1);\nexport const handler = resolver.getDefinitions();\n";

  it('defines the bridge usage resolver on the Resolver behind the function, verifying against the generated static analysis, once', () => {
    const sources = new AppSources(makeApp({ 'src/index.js': RESOLVER }), []);
    expect(defineBridgeResolver(sources, { key: 'r', handler: 'index.handler' }, ANALYSIS)).toBe(true);
    expect(sources.changes()[0].after).toBe(
      "import Resolver from '@forge/resolver';\nimport { defineBridgeUsageResolver } from 'forge-scope-inspector/recorder';\nimport scopeInspectorAnalysis from './scope-inspector/static-analysis';\n" +
        "const resolver = new Resolver();\nresolver.define('a', () => 1);\ndefineBridgeUsageResolver(resolver, { staticAnalysis: scopeInspectorAnalysis });\nexport const handler = resolver.getDefinitions();\n",
    );
    const again = new AppSources(makeApp({ 'src/index.js': sources.changes()[0].after }), []);
    expect(defineBridgeResolver(again, { key: 'r', handler: 'index.handler' }, ANALYSIS)).toBe(false);
  });

  it('gives an earlier wiring without options the static analysis, and leaves a call with the app\'s own options alone', () => {
    const earlier = RESOLVER.replace('export const', "import { defineBridgeUsageResolver } from 'forge-scope-inspector/recorder';\ndefineBridgeUsageResolver(resolver);\nexport const");
    const sources = new AppSources(makeApp({ 'src/resolvers/index.js': earlier }), []);
    expect(defineBridgeResolver(sources, { key: 'r', handler: 'resolvers/index.handler' }, ANALYSIS)).toBe(true);
    const after = sources.changes()[0].after;
    expect(after).toContain("import scopeInspectorAnalysis from '../scope-inspector/static-analysis';\n");
    expect(after).toContain('defineBridgeUsageResolver(resolver, { staticAnalysis: scopeInspectorAnalysis });\nexport const');
    expect(after.match(/defineBridgeUsageResolver\(/g)).toHaveLength(1);
    const own = RESOLVER.replace('export const', 'defineBridgeUsageResolver(resolver, { frontendOperations: ops });\nexport const');
    expect(defineBridgeResolver(new AppSources(makeApp({ 'src/index.js': own }), []), { key: 'r', handler: 'index.handler' }, ANALYSIS)).toBe(false);
  });

  it('follows the file: CommonJS reads an ESM module\'s default, a taken name gets a fresh one, a .cjs module is named with its extension', () => {
    const cjs = "const Resolver = require('@forge/resolver').default;\nconst scopeInspectorAnalysis = 1;\nconst resolver = new Resolver();\nexports.handler = resolver.getDefinitions();\n";
    const sources = new AppSources(makeApp({ 'src/index.js': cjs }), []);
    defineBridgeResolver(sources, { key: 'r', handler: 'index.handler' }, ANALYSIS);
    expect(sources.changes()[0].after).toContain("const scopeInspectorAnalysis2 = require('./scope-inspector/static-analysis').default;\n");
    expect(sources.changes()[0].after).toContain('defineBridgeUsageResolver(resolver, { staticAnalysis: scopeInspectorAnalysis2 });');
    const plain = new AppSources(makeApp({ 'src/index.cjs': cjs.replace('const scopeInspectorAnalysis = 1;\n', '') }), []);
    defineBridgeResolver(plain, { key: 'r', handler: 'index.handler' }, { ...ANALYSIS, esModule: false, extension: '.cjs' });
    expect(plain.changes()[0].after).toContain("const scopeInspectorAnalysis = require('./scope-inspector/static-analysis.cjs');\n");
  });

  it('refuses a Custom UI resolver function that is not a @forge/resolver', () => {
    const sources = new AppSources(makeApp({ 'src/index.js': 'export const handler = async (event) => route(event);\n' }), []);
    expect(() => defineBridgeResolver(sources, { key: 'r', handler: 'index.handler' }, ANALYSIS)).toThrow(/src\/index\.js:1: function r is a Custom UI resolver, but its handler `handler` is not `resolver\.getDefinitions\(\)`/);
  });
});

describe('wrapHandler and files the native parser could not survive', () => {
  it('refuses a handler file nested deeper than is safe to parse in-process, naming it', () => {
    // 1,500 brackets: the parser would survive these, so without the check this would be wired, not refused.
    const deep = `export const run = () => ${'('.repeat(1500)}1${')'.repeat(1500)};\n`;
    expect(() => wire({ 'src/index.js': deep })).toThrow(/^src\/index\.js:1: nested about 3,00\d levels deep: too deep to edit safely$/);
  });
});
