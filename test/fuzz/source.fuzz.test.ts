/**
 * Fuzzing the scanner with hostile source files: binary, UTF-16, lone surrogates, broken syntax,
 * huge literals, and nesting hidden behind strings, regexes, comments, templates and JSX. Small
 * files run in this process; files deep enough to crash the native parser run in a spawned one.
 * Fixed seeds: a failure reproduces.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { scanFiles, type SourceFile } from '../../src/scan';
import { treeDepthOver } from '../../src/scan/file-guard';
import { nestingEstimate } from '../../src/scan/nesting-estimate';
import { dialectOf, parseSource } from '../../src/scan/oxc';
import { makeApp } from '../cli/run-cli';

const FORGE = "import api, { route } from '@forge/api';\napi.asApp().requestJira(route`/rest/api/3/issue/${key}`, { method: 'PUT' });\n";
const TOKENS = ['(', ')', '[', ']', '{', '}', '`', '${', "'", '"', '/', '//', '/*', '*/', '<a>', '</a>', '<>', '=>', '?', ':', ';', ',', '\n', '\r\n', ' ', 'if', 'else', 'await', 'yield', 'return', 'x', '1', '+', '!', '.', 'requestJira', 'route', '\\', '#', '\u2028', '\uD800', '\uDC00', '\u0000', 'ſ'];
const file = fc.tuple(fc.constantFrom('src/a.ts', 'src/b.tsx', 'static/c.js', 'src/d.mjs'), fc.oneof(
  fc.uint8Array({ maxLength: 3000 }).map((bytes) => Buffer.from(bytes).toString('utf8')),
  fc.string({ maxLength: 400 }).map((text) => Buffer.from(`\uFEFF${FORGE}${text}`, 'utf16le').toString('utf8')),
  fc.string({ maxLength: 400, unit: 'binary' }).map((text) => `\uFEFF${FORGE}${text}`),
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 200 }).map((tokens) => tokens.join('')),
  fc.tuple(fc.nat(), fc.constantFrom(...TOKENS)).map(([at, token]) => FORGE.slice(0, at % FORGE.length) + token + FORGE.slice(at % FORGE.length)),
  fc.integer({ min: 1000, max: 300_000 }).map((n) => `${FORGE}export const big = "${'x'.repeat(n)}";\n`),
)).map(([name, text]): SourceFile => ({ file: name, side: name.startsWith('static') ? 'frontend' : 'backend', text }));

describe('fuzz: source files (in this process)', () => {
  it('are each scanned or skipped with a reason; errors and findings name their file', () => {
    fc.assert(
      fc.property(fc.uniqueArray(file, { maxLength: 4, selector: (f) => f.file }), (files) => {
        const r = scanFiles(files);
        const names = files.map((f) => f.file).sort();
        expect([...r.files.scanned, ...r.files.skipped.map((s) => s.file)].sort()).toEqual(names);
        for (const s of r.files.skipped) expect(s).toEqual({ file: s.file, reason: expect.stringMatching(/\S/), blocksRemoval: true });
        for (const e of r.parseErrors) expect([names.includes(e.file), e.line >= 1, e.col >= 1]).toEqual([true, true, true]);
        for (const c of [...r.calls, ...r.unresolved]) expect(r.files.scanned).toContain(c.file);
      }),
      { seed: 3011, numRuns: 150 },
    );
  });

  // Nesting built from every kind of construct, behind every kind of text a lexer could misread.
  const WRAPPERS: [string, string][] = [['(', ')'], ['[', ']'], ['{ a: ', ' }'], ['a ? b : ', ''], ['x => ', ''], ['!', ''], ['1 +\n', ''], ['f(', ')'], ['`${', '}`'], ['void ', ''], ['typeof ', ''], ['(function () { return ', ' })'], ['(() => { if (a) return ', ' })'], ['<a b="\'">{', '}</a>'], ['c\n? ', ' : d'], ['new ', '()'], ['class extends ', ' {}']];
  const NOISE = ["/'/.test(a), ", "'/*', ", '/* ` */ ', '"//", ', "/[/']/, ", '`\'${1}`, ', "(<p>Don't</p>), ", "')))', "];
  const nested = fc.tuple(fc.array(fc.tuple(fc.constantFrom(...WRAPPERS), fc.constantFrom('', ...NOISE)), { minLength: 1, maxLength: 400 }), fc.constantFrom('jsx', 'tsx') as fc.Arbitrary<'jsx' | 'tsx'>).map(([layers, dialect]) => {
    const open = layers.map(([[before], noise]) => `${before}${noise ? `(${noise}` : ''}`).join('');
    const close = [...layers].reverse().map(([[, after], noise]) => `${noise ? ')' : ''}${after}`).join('');
    return { text: `async function f() { return ${open}x${close}; }\n`, dialect };
  });

  it('estimate never below the depth of the tree the parser builds', () => {
    let parsedCount = 0;
    fc.assert(
      fc.property(nested, ({ text, dialect }) => {
        const levels = nestingEstimate(text, dialect);
        const parsed = parseSource(dialect === 'tsx' ? 'a.tsx' : 'a.js', text);
        if (parsed.errors.length) return;
        parsedCount++;
        expect(treeDepthOver(parsed.program, levels + 8)).toBe(false);
      }),
      { seed: 4021, numRuns: 120 },
    );
    // The generator writes valid code: the property must have been checked, not skipped.
    expect(parsedCount).toBeGreaterThan(100);
  });
});

describe('fuzz: files deep enough to crash the native parser (in a process of their own)', () => {
  const CONSTRUCTS: [string, string, number][] = [['a ? b :\n', 'c', 20000], ['x =>\n', 'x', 20000], ['(\n', 'a', 14000], ['`${\n', 'a', 10000], ['<a>\n', '', 40000], ['if (a)\n', ';', 16000], ['!\n', 'a', 70000], ['a +\n', 'a', 140000], ['l:\n', ';', 16000]];
  const closers: Record<string, string> = { '(\n': ')\n', '`${\n': '}`\n', '<a>\n': '</a>\n' };
  const deep = fc.tuple(fc.constantFrom(...CONSTRUCTS), fc.constantFrom('', "const r = /'/;\n", "const j = <p>Don't</p>;\n", '/* ` */\n', "const s = ')))';\n")).map(([[open, leaf, n], prefix]) => {
    const statement = open === 'if (a)\n' || open === 'l:\n';
    const body = open.repeat(n) + leaf + (closers[open] ?? '').repeat(n);
    return `${prefix}${statement ? body : `export const v = ${body};`}\n`;
  });

  it('end with every such file skipped or scanned, exit 0, and the audit exits 0 or 1', () => {
    const texts = fc.sample(deep, { seed: 5031, numRuns: 5 });
    const files = Object.fromEntries(texts.map((t, i) => [`src/deep${i}.js`, t]));
    const dir = makeApp({ 'manifest.yml': 'app:\n  id: ari:cloud:ecosystem::app/1\npermissions:\n  scopes:\n    - write:jira-work\n', 'src/index.ts': FORGE.replace('${key}', 'A-1'), ...files });
    const run = spawnSync(process.execPath, ['-r', require.resolve('tsx/cjs'), join(__dirname, '../scan/crash-runner.ts'), dir, '--quick'], { encoding: 'utf8', timeout: 120_000 });
    expect({ status: run.status, signal: run.signal }).toEqual({ status: 0, signal: null });
    const out = JSON.parse(run.stdout);
    const seen = [...out.sync.scanned, ...out.sync.skipped.map((s: { file: string }) => s.file)].sort();
    expect(seen).toEqual(['src/index.ts', ...Object.keys(files)].sort());
    expect(out.sync.calls).toEqual(['src/index.ts PUT /rest/api/3/issue/{issueIdOrKey}']);
    for (const s of out.sync.skipped) expect(s.reason).toMatch(/^nested (about|more than) [\d,]+ levels deep/);
    expect([0, 1]).toContain(out.cli.code);
  });
});
