import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { scanFiles } from '../../src/scan';
import { IN_PROCESS_NESTING, MAX_SOURCE_BYTES, treeDepthOver } from '../../src/scan/file-guard';
import { nestingEstimate, type Dialect } from '../../src/scan/nesting-estimate';
import { dialectOf, parseSource } from '../../src/scan/oxc';
import { makeApp } from '../cli/run-cli';

const ROOT = join(__dirname, '../..');
// Deeper than any construct's crash depth on an 8 MB stack (brackets crash near 6,000, templates near 4,100).
const N = 7000;
const deep = `${'('.repeat(N)}a${')'.repeat(N)}`;
const lines = (prefix: string) => Array.from({ length: 80 }, () => prefix + '('.repeat(100)).join('\n') + `a${')'.repeat(8000)}`;

describe('nestingEstimate', () => {
  // Each hides deep nesting where a lexer that misreads one character would not count it.
  it.each<[string, string, Dialect]>([
    ['a regex holding a quote', `x = /'/; y = ${deep};`, 'jsx'],
    ['a regex after if (…)', `if (a) /'/.test(b); y = ${deep};`, 'jsx'],
    ['a regex class holding a slash', `x = /[/']/; y = ${deep};`, 'jsx'],
    ['a division, then a quote', `x = a / 2; y = '/'; z = ${deep};`, 'jsx'],
    ['strings holding comment marks', `x = '//'; y = "/*"; z = ${deep};`, 'jsx'],
    ['a string of closing brackets', `x = ')))]]]}}}'; y = ${deep};`, 'jsx'],
    ['closing brackets in strings on every line', Array.from({ length: 80 }, () => `f(')))))))))))))))))))', ${'('.repeat(100)}`).join('\n') + `a${')'.repeat(8000)}`, 'jsx'],
    ['a quote in a regex on every line', lines(`x = /'/, `), 'jsx'],
    ['nested template substitutions', `x = ${'`${'.repeat(N)}a${'}`'.repeat(N)};`, 'jsx'],
    ['a template holding a quote', `x = \`'\`; y = ${deep};`, 'jsx'],
    ['a comment holding a backtick', `/* \` */ y = ${deep};`, 'jsx'],
    ['a line comment ended by U+2028', `// c\u2028 y = ${deep};`, 'jsx'],
    ['JSX text holding a quote', `x = <a>Don't</a>; y = ${deep};`, 'jsx'],
    ['JSX text holding comment marks', `x = <a>/* http://x </a>; y = ${deep};`, 'jsx'],
    ['JSX attribute strings holding quotes', `x = <a b="'" c='"'>t</a>; y = ${deep};`, 'jsx'],
    ['nested JSX elements', `x = ${'<a>'.repeat(N)}${'</a>'.repeat(N)};`, 'jsx'],
    ['nested JSX expressions', `x = ${'<a>{'.repeat(N)}1${'}</a>'.repeat(N)};`, 'jsx'],
    ['a TSX generic arrow', `const f = <T,>() => ${deep};`, 'tsx'],
    ['TSX type parameters in a type', `let f: <T>(x: T) => T = ${deep};`, 'tsx'],
    ['a function expression divided', `x = function(){} /'/; y = ${deep};`, 'jsx'],
    ['an object literal divided', `x = {} / 2 /'/; y = ${deep};`, 'jsx'],
    ['a block, then a regex', `{} /'/.test(a); y = ${deep};`, 'jsx'],
    ['await, then a regex', `async function f() { await /'/; y = ${deep} }`, 'jsx'],
    ['a postfix ++, then a division', `x = a++ /'/; y = ${deep};`, 'jsx'],
    ['a prefix ++ after a line break', `x = a\n++ /'/.lastIndex; y = ${deep};`, 'jsx'],
    ['a prefix ++ after a comment holding a line break', `x = a /*\n*/ ++ /'/.lastIndex; y = ${deep};`, 'jsx'],
    ["TypeScript's non-null assertion, then a division", `x = a! /'/; y = ${deep};`, 'ts'],
    ['a string continued over lines', `x = 'a\\\n'; y = ${deep};`, 'jsx'],
    ['a string continued over a CRLF', `x = 'a\\\r\n'; y = ${deep};`, 'jsx'],
    ['a hashbang line', `#!/usr/bin/env node '\ny = ${deep};`, 'jsx'],
    ['an HTML-like comment opening a block comment (a script honours <!--)', `x = 1 <!-- /*\ny = ${deep};\n/* */`, 'jsx'],
    ['an HTML-like --> comment first on a line', `x = 1\n--> /*\ny = ${deep};\n/* */`, 'jsx'],
    ['an unterminated string', `x = 'abc\ny = ${deep};`, 'jsx'],
    ['an unterminated comment', `/* x\ny = ${deep};`, 'jsx'],
    ['an else-if chain', `${'if (a) x(); else '.repeat(N)};`, 'jsx'],
    ['an else-if chain with commas', `${'if (a) x(), y(); else '.repeat(N)};`, 'jsx'],
    ['a + chain over lines', `x = a\n${Array(100000).fill('a').join(' +\n')}`, 'jsx'],
    ['an instanceof chain over lines', `x = a${'\ninstanceof b'.repeat(100000)}`, 'jsx'],
    ['labels over lines', `${'a:\n'.repeat(N)};`, 'jsx'],
    ['if (…) over lines', `${'if (a)\n'.repeat(N)};`, 'jsx'],
    ['generics across commas', `let x: ${'A<B, '.repeat(N)}C${'>'.repeat(N)};`, 'ts'],
    ['await over lines', `async function f() { ${'await\n'.repeat(60000)} 1 }`, 'jsx'],
    ['keyof over lines', `type A = ${'keyof\n'.repeat(30000)} T;`, 'ts'],
    ['typeof separated by no-break spaces', `x = ${'typeof\u00a0'.repeat(40000)}a;`, 'jsx'],
    ['an arrow chain', `x = ${'a => '.repeat(N)}a;`, 'jsx'],
    ['a ternary chain', `x = ${'a ? b : '.repeat(N)}c;`, 'jsx'],
    ['a class extends chain', `x = ${'class extends '.repeat(N)}A {}${' {}'.repeat(N - 1)};`, 'jsx'],
    ['a call chain', `x = a${'()'.repeat(200000)};`, 'jsx'],
  ])('counts nesting behind %s', (_name, text, dialect) => {
    expect(nestingEstimate(text, dialect)).toBeGreaterThan(IN_PROCESS_NESTING);
  });

  // Real code: never sent to the isolated parser, and never deeper than estimated.
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|tsx|js|mjs|cjs)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : []));
  const realCode = [
    ...sources(join(ROOT, 'src')),
    ...sources(join(ROOT, 'static/admin-page/src')),
    ...sources(join(ROOT, 'test/e2e')),
    ...sources(join(ROOT, 'node_modules/yaml/dist')),
    ...sources(join(ROOT, 'node_modules/commander/lib')),
    join(ROOT, 'node_modules/react-dom/cjs/react-dom.development.js'),
    join(ROOT, 'node_modules/@babel/parser/lib/index.js'),
  ].filter((f) => statSync(f).size < MAX_SOURCE_BYTES);

  it(`keeps ${realCode.length} files of real code under the in-process limit, and never under their syntax tree's depth`, () => {
    const under: string[] = [];
    let highest = 0;
    for (const file of realCode) {
      const text = readFileSync(file, 'utf8');
      const levels = nestingEstimate(text, dialectOf(file));
      highest = Math.max(highest, levels);
      const parsed = parseSource(file, text);
      // The program and statement wrappers add a few levels that no token stands for.
      if (parsed.errors.length === 0 && treeDepthOver(parsed.program, levels + 8)) under.push(file);
    }
    expect(under).toEqual([]);
    expect(highest).toBeLessThanOrEqual(IN_PROCESS_NESTING);
  });
});

describe('scanSource file bounds', () => {
  it('skips a file larger than the size bound, naming the bound, and scans the others', () => {
    const big = `export const data = [\n${'  "abcdefghijklmnopqrstuvwxyz",\n'.repeat(Math.ceil(MAX_SOURCE_BYTES / 31))}];\n`;
    const r = scanFiles([
      { file: 'src/data.js', side: 'backend', text: big },
      { file: 'src/a.ts', side: 'backend', text: "import api, { route } from '@forge/api';\napi.asApp().requestJira(route`/rest/api/3/myself`);" },
    ]);
    expect(r.files.skipped).toEqual([{ file: 'src/data.js', reason: expect.stringMatching(/^larger than 2\.0 MiB \(2\.\d MiB\): not parsed, to bound the scanner's memory$/), blocksRemoval: true }]);
    expect(r.files.scanned).toEqual(['src/a.ts']);
    expect(r.calls.map((c) => c.operationKey)).toEqual(['GET /rest/api/3/myself']);
  });

  it('gives a file parsed in isolation exactly the findings it gets in-process', () => {
    // A long flat union: a high estimate, a shallow tree.
    const text = `import api, { route } from '@forge/api';\ntype T = ${Array.from({ length: 600 }, (_, i) => `'v${i}'`).join(' | ')};\nexport const f = (k: string) => api.asUser().requestJira(route\`/rest/api/3/issue/\${k}\`, { method: 'DELETE' });`;
    expect(nestingEstimate(text, 'ts')).toBeGreaterThan(IN_PROCESS_NESTING);
    const r = scanFiles([{ file: 'src/a.ts', side: 'backend', text }]);
    expect(r.files).toEqual({ scanned: ['src/a.ts'], skipped: [] });
    expect(r.calls.map((c) => `${c.principal} ${c.operationKey} ${c.line}`)).toEqual(['asUser DELETE /rest/api/3/issue/{issueIdOrKey} 3']);
  });
});

describe('files that crash the native parser (in a process of their own)', () => {
  const FINE = "import api, { route } from '@forge/api';\napi.asApp().requestJira(route`/rest/api/3/myself`);\n";
  const dir = makeApp({
    'manifest.yml': 'app:\n  id: ari:cloud:ecosystem::app/1\npermissions:\n  scopes:\n    - read:jira-user\n',
    'src/fine.ts': FINE,
    // Over many lines, as generated code is: the minified-bundle rule does not catch these.
    'src/ternary.js': `export const x = ${'a ? b :\n'.repeat(10000)}c;\n`,
    'src/sum.js': `export const s = ${Array(100000).fill('a').join(' +\n')};\n`,
    'src/template.js': `export const t = ${'`${\n'.repeat(5000)}a${'}`\n'.repeat(5000)};\n`,
    'src/arrays.ts': `export const a = ${'[\n'.repeat(2000)}${']\n'.repeat(2000)};\n`,
  });
  let run: ReturnType<typeof spawnSync>;
  let out: any;
  beforeAll(() => {
    run = spawnSync(process.execPath, ['-r', require.resolve('tsx/cjs'), join(__dirname, 'crash-runner.ts'), dir], { encoding: 'utf8', timeout: 120_000 });
    out = run.status === 0 ? JSON.parse(String(run.stdout)) : undefined;
  });

  it('ends normally, with no signal', () => {
    expect({ status: run.status, signal: run.signal, stderr: String(run.stderr).slice(0, 500) }).toEqual({ status: 0, signal: null, stderr: '' });
  });

  const stackOverflow = /^nested about [\d,]+ levels deep: too deep to parse \(the parser overflowed its stack\)$/;
  const expected = {
    scanned: ['src/fine.ts'],
    skipped: [
      { file: 'src/arrays.ts', reason: 'nested more than 1,000 levels deep: too deep to analyse', blocksRemoval: true },
      { file: 'src/sum.js', reason: expect.stringMatching(stackOverflow), blocksRemoval: true },
      { file: 'src/template.js', reason: expect.stringMatching(stackOverflow), blocksRemoval: true },
      { file: 'src/ternary.js', reason: expect.stringMatching(stackOverflow), blocksRemoval: true },
    ],
    calls: ['src/fine.ts GET /rest/api/3/myself'],
  };
  it('reports each such file skipped with the reason, on this thread', () => {
    expect(out.sync).toEqual(expected);
  });
  it('and on worker threads', () => {
    expect(out.parallel).toEqual(expected);
  });
  it('and the audit CLI completes with an ordinary exit code', () => {
    expect([0, 1]).toContain(out.cli.code);
  });
});
