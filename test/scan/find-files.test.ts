import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findSourceFiles, looksMinified } from '../../src/scan';

describe('looksMinified', () => {
  it.each([
    ['a .min.js name', 'vendor.min.js', 'var a = 1;\n', true],
    ['one very long line', 'bundle.js', 'x'.repeat(5000), true],
    ['ordinary source', 'index.ts', 'const a = 1;\n'.repeat(500), false],
    ['a short one-liner', 'tiny.js', 'export const a = 1;', false],
  ])('%s → %s', (_name, file, text, expected) => {
    expect(looksMinified(file, text)).toBe(expected);
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
