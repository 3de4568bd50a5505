import { chmodSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheDir, requireWithCodeCache } from '../../src/cli/compile-cache';

/** A module that requires a sibling by relative path and reports its own file name. */
function writeModule(dir: string, answer: number): string {
  writeFileSync(join(dir, 'sibling.js'), 'module.exports = { word: "sibling" };\n');
  const file = join(dir, 'mod.js');
  writeFileSync(file, `const { word } = require('./sibling');\nmodule.exports = { answer: ${answer}, word, file: __filename, dir: __dirname, square: (x) => x * x };\n`);
  return file;
}

describe('requireWithCodeCache', () => {
  let work: string;
  let caches: string;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'si-cc-'));
    caches = join(work, 'cache');
  });

  it('runs the module as require would, then from the cache it wrote', () => {
    const file = writeModule(work, 41);
    const first = requireWithCodeCache<{ answer: number; word: string; file: string; dir: string; square(x: number): number }>(file, 'audit', caches);
    expect(first.exports).toMatchObject({ answer: 41, word: 'sibling', file, dir: work });
    expect(first.exports.square(7)).toBe(49);
    expect(first.cacheUsed).toBe(false);
    first.save();
    expect(readdirSync(caches)).toEqual([expect.stringMatching(new RegExp(`^cli-[0-9a-f]{16}-${process.version}-${process.arch}-audit\\.bin$`))]);

    const second = requireWithCodeCache<{ answer: number }>(file, 'audit', caches);
    expect(second.cacheUsed).toBe(true);
    expect(second.exports.answer).toBe(41);
  });

  it('never runs the cache of another build, even one of the same length, and drops it on saving', () => {
    const file = writeModule(work, 41);
    requireWithCodeCache(file, 'audit', caches).save();
    writeModule(work, 42); // same length: V8's own check would accept the old data
    const rebuilt = requireWithCodeCache<{ answer: number }>(file, 'audit', caches);
    expect(rebuilt.cacheUsed).toBe(false);
    expect(rebuilt.exports.answer).toBe(42);
    rebuilt.save();
    expect(readdirSync(caches)).toHaveLength(1);
    expect(requireWithCodeCache(file, 'audit', caches).cacheUsed).toBe(true);
  });

  it('keys the cache by the build id a bundle starts with (scripts/build-cli.ts)', () => {
    const file = join(work, 'bundle.js');
    const bundle = (id: string, answer: number) => writeFileSync(file, `// build ${id}\nmodule.exports = ${answer};\n`);
    bundle('a'.repeat(40), 1);
    requireWithCodeCache(file, 'audit', caches).save();
    expect(readdirSync(caches)).toEqual([expect.stringMatching(/^cli-a{16}-/)]);
    bundle('b'.repeat(40), 2);
    const next = requireWithCodeCache<number>(file, 'audit', caches);
    expect({ cacheUsed: next.cacheUsed, exports: next.exports }).toEqual({ cacheUsed: false, exports: 2 });
  });

  it('keeps one cache per command', () => {
    const file = writeModule(work, 1);
    requireWithCodeCache(file, 'audit', caches).save();
    expect(requireWithCodeCache(file, 'lookup', caches).cacheUsed).toBe(false);
  });

  it('writes nothing to a folder others can write to, nor for an odd command name, and still runs', () => {
    const file = writeModule(work, 3);
    mkdirSync(caches);
    chmodSync(caches, 0o777);
    const open = requireWithCodeCache<{ answer: number }>(file, 'audit', caches);
    open.save();
    expect(open.exports.answer).toBe(3);
    expect(readdirSync(caches)).toEqual([]);
    chmodSync(caches, 0o700);
    requireWithCodeCache(file, '../x', caches).save();
    expect(readdirSync(caches)).toEqual([]);
  });

  it('runs without a cache when the folder cannot be made', () => {
    const file = writeModule(work, 5);
    writeFileSync(join(work, 'a-file'), '');
    const run = requireWithCodeCache<{ answer: number }>(file, 'audit', join(work, 'a-file', 'cache'));
    run.save();
    expect(run.exports.answer).toBe(5);
  });

  it('lets a thrown error through, as require would', () => {
    const file = join(work, 'bad.js');
    writeFileSync(file, 'throw new Error("boom at load");\n');
    expect(() => requireWithCodeCache(file, 'audit', caches)).toThrow('boom at load');
  });
});

describe('cacheDir', () => {
  it('is off with NODE_DISABLE_COMPILE_CACHE, under XDG_CACHE_HOME when set, else under ~/.cache', () => {
    expect(cacheDir({ NODE_DISABLE_COMPILE_CACHE: '1', XDG_CACHE_HOME: '/x' })).toBeUndefined();
    expect(cacheDir({ XDG_CACHE_HOME: '/x' })).toBe(join('/x', 'scope-inspector'));
    expect(cacheDir({})).toMatch(/[\\/]\.cache[\\/]scope-inspector$/);
  });
});
