import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findSourceFiles, looksMinified } from '../../src/scan';
import { forgeReference } from '../../src/scan/minified';

describe('looksMinified', () => {
  it.each([
    ['a .min.js name', 'vendor.min.js', 'var a = 1;\n', true],
    ['long lines of code', 'bundle.js', 'var a=function(b){return b&&c(b,1)};'.repeat(300), true],
    ['source that opens with a long base64 string', 'icon.ts', `export const ICON = "data:image/png;base64,${'iVBORw0KGgoAAAANSUhEUg'.repeat(1200)}";\n${'export const a = 1;\n'.repeat(20)}`, false],
    ['a long line of data only', 'key.js', 'x'.repeat(5000), false],
    ['ordinary source', 'index.ts', 'const a = 1;\n'.repeat(500), false],
    ['a short one-liner', 'tiny.js', 'export const a = 1;', false],
    ['a generated module holding its data in one string', 'catalog-index.ts', `// generated\nconst json = String.raw\`${'{"a":[1,2],"b":"x\\`y"},'.repeat(400)}\`;\nexport default JSON.parse(json);\n`, false],
    ['data in a JSON.parse string', 'data.js', `module.exports = JSON.parse("${'{\\"k\\":[1,2]},'.repeat(400)}");\n`, false],
    ['code whose long line only opens with a string', 'bundle.js', `"use strict";${'var a=function(b){return b&&c(b,1)};'.repeat(300)}`, true],
    ['a template literal interpolating code', 'bundle.js', `const t = \`${'${a(b,c)}-'.repeat(500)}\`;`, true],
  ])('%s → %s', (_name, file, text, expected) => {
    expect(looksMinified(file, text)).toBe(expected);
  });
});

describe('forgeReference', () => {
  it.each([
    ['an import of @forge/api', 'import t from"@forge/api";', '@forge/api'],
    ['a require of @forge/bridge', "var b=require('@forge/bridge');", '@forge/bridge'],
    ['a product request call on a renamed value', 'n.asApp().requestJira(o)', 'requestJira'],
    ['a request function defined by an inlined package', '{requestConfluence:function(e){}}', 'requestConfluence'],
    ['the runtime global @forge/api uses', 'global.__forge_fetch__(u)', '__forge_fetch__'],
    ['the bridge global', 'window.__bridge.callBridge(x)', '__bridge'],
  ])('finds %s', (_name, text, what) => {
    expect(forgeReference(`var a=1;${text}`)).toEqual({ index: 8 + text.indexOf(what) - (what.startsWith('@') ? 1 : 0), what });
  });

  it.each([
    ['a plain fetch', 'fetch(url).then(r=>r.json())'],
    ['a product function named in data', '{"family":"requestJira","n":1}'],
    ['a word that contains one', 'myrequestJiraHelper(1)'],
  ])('finds nothing in %s', (_name, text) => {
    expect(forgeReference(text)).toBeUndefined();
  });
});

describe('findSourceFiles', () => {
  let dir: string;
  const write = (rel: string, text = 'export {};\n') => { mkdirSync(dirname(join(dir, rel)), { recursive: true }); writeFileSync(join(dir, rel), text); };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'scan-files-'));
    write('src/index.ts');
    write('src/util.mjs');
    write('src/readme.md');
    write('src/dist/out.js');
    write('ui/app/src/App.jsx');
    write('ui/app/build/main.js');
    write('static/page/index.cjs');
    write('lib/outside.ts');
    write('src/index.test.ts');
    write('src/__tests__/a.ts');
    write('src/__mocks__/@forge/api.js');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('scans src and static, and the source folder of a resource that points at build output', () => {
    const r = findSourceFiles(dir, ['ui/app/build']);
    expect(r.files.map((f) => [f.file, f.side])).toEqual([
      ['src/index.ts', 'backend'],
      ['src/util.mjs', 'backend'],
      ['static/page/index.cjs', 'frontend'],
      ['ui/app/src/App.jsx', 'frontend'],
    ]);
    expect(r.skipped).toEqual([
      { file: 'src/__mocks__/', reason: 'test mocks (not deployed)', blocksRemoval: false },
      { file: 'src/__tests__/', reason: 'tests (not deployed)', blocksRemoval: false },
      { file: 'src/dist/', reason: 'build output', blocksRemoval: false },
      { file: 'src/index.test.ts', reason: 'test file (not deployed)', blocksRemoval: false },
      { file: 'ui/app/build/', reason: 'build output', blocksRemoval: false },
    ]);
  });

  it('ignores resource paths outside the app directory', () => {
    expect(findSourceFiles(dir, ['../elsewhere']).files.map((f) => f.file)).toEqual(['src/index.ts', 'src/util.mjs', 'static/page/index.cjs']);
  });
});

describe('findSourceFiles: links and files it cannot read', () => {
  let dir: string;
  const write = (rel: string, text = 'export {};\n') => { mkdirSync(dirname(join(dir, rel)), { recursive: true }); writeFileSync(join(dir, rel), text); };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'scan-links-'));
    write('src/index.ts');
    write('lib/shared.ts', 'export const shared = 1;\n');
    write('lib/deep/helper.ts');
    symlinkSync('../lib/shared.ts', join(dir, 'src/shared.ts'));
    symlinkSync('../lib/deep', join(dir, 'src/deep'));
    // A second name for a file the app already has, a loop back up the tree, and a dangling link.
    symlinkSync('index.ts', join(dir, 'src/alias.ts'));
    symlinkSync('..', join(dir, 'src/up'));
    symlinkSync('../nowhere.ts', join(dir, 'src/gone.ts'));
    write('src/locked.ts');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('follows links once: linked files under the link, each real file once, no loops', () => {
    const r = findSourceFiles(dir);
    expect(r.files.map((f) => f.file)).toEqual(['src/deep/helper.ts', 'src/index.ts', 'src/locked.ts', 'src/shared.ts']);
    expect(r.symlinks).toEqual([
      { file: 'src/alias.ts', target: 'src/index.ts' },
      { file: 'src/deep/', target: 'lib/deep/' },
      { file: 'src/shared.ts', target: 'lib/shared.ts' },
    ]);
    expect(r.skipped).toEqual([
      { file: 'src/alias.ts', reason: 'same file as src/index.ts (a symbolic link), scanned once', blocksRemoval: false },
      { file: 'src/gone.ts', reason: expect.stringMatching(/^broken symbolic link \(ENOENT\)/), blocksRemoval: true },
      { file: 'src/up/', reason: 'symbolic link to an enclosing folder (./): a loop, not followed', blocksRemoval: false },
    ]);
  });

  it('lists a file the operating system refuses to read as blocking removal', () => {
    const refuse = (path: string) => {
      if (path.endsWith('locked.ts')) throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
      return readFileSync(path, 'utf8');
    };
    const r = findSourceFiles(dir, [], { readFile: refuse });
    expect(r.files.map((f) => f.file)).not.toContain('src/locked.ts');
    expect(r.skipped).toContainEqual({ file: 'src/locked.ts', reason: 'unreadable (EACCES)', blocksRemoval: true });
  });
});

describe('findSourceFiles: a source name that is not a regular file', () => {
  it('lists a named pipe as blocking removal, never reads it (a read would hang), and a link to one too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-fifo-'));
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src/index.ts'), 'export {};\n');
    execFileSync('mkfifo', [join(dir, 'src/pipe.ts')]);
    symlinkSync('pipe.ts', join(dir, 'src/pipe-link.ts'));
    const r = findSourceFiles(dir);
    expect(r.files.map((f) => f.file)).toEqual(['src/index.ts']);
    expect(r.skipped).toEqual([
      { file: 'src/pipe-link.ts', reason: 'not a regular file (a named pipe): not read', blocksRemoval: true },
      { file: 'src/pipe.ts', reason: 'not a regular file (a named pipe): not read', blocksRemoval: true },
    ]);
    rmSync(dir, { recursive: true, force: true });
  });
});
