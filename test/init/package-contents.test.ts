/**
 * The npm package ships what other apps need (issue 15): the compiled kit entry points, the CLI
 * and the built admin page that `init` copies, and not the sources, tests or sandbox.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const REPO = join(__dirname, '..', '..');
const pkg = require('../../package.json') as { exports: Record<string, string | { types: string; default: string }>; bin: Record<string, string>; typesVersions: Record<string, Record<string, string[]>> };

it('npm pack takes the export targets, the CLI and the admin page build, and leaves sources, tests and the sandbox out', async () => {
  // A tree with one file wherever something could be, packed with the real package.json.
  const dir = mkdtempSync(join(tmpdir(), 'pack-'));
  try {
    copyFileSync(join(REPO, 'package.json'), join(dir, 'package.json'));
    const targets = Object.values(pkg.exports).flatMap((e) => (typeof e === 'string' ? [e] : [e.types, e.default])).map((p) => p.replace(/^\.\//, '')).filter((p) => p !== 'package.json');
    const wanted = [...targets, ...Object.values(pkg.bin), 'static/admin-page/build/index.html', 'static/admin-page/build/main.js', 'dist/src/init/init-command.js', 'dist/cli/main.js', 'dist/cli/scan-worker.js', 'dist/src/cli/compile-cache.js', 'docs/storage.md', 'README.md'];
    const unwanted = ['src/kit.ts', 'test/init/a.test.ts', 'local/sandbox.js', 'dist/local/sandbox.js', 'static/admin-page/src/app.tsx', 'docs/screenshots/admin-page.png', 'bench/run.ts', 'dist/src/kit.js.map'];
    for (const file of [...wanted, ...unwanted]) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), 'x');
    }
    const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: dir });
    const packed = new Set((JSON.parse(stdout) as { files: { path: string }[] }[])[0].files.map((f) => f.path));
    expect(wanted.filter((f) => !packed.has(f))).toEqual([]);
    expect(unwanted.filter((f) => packed.has(f))).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

it('every export target is compiled from a source file, and typesVersions names the same declarations', () => {
  for (const [entry, target] of Object.entries(pkg.exports)) {
    if (typeof target === 'string') continue;
    expect(existsSync(join(REPO, target.default.replace('./dist/', '').replace(/\.js$/, '.ts')))).toBe(true);
    if (entry !== '.') expect(pkg.typesVersions['*'][entry.slice(2)]).toEqual([target.types.slice(2)]);
  }
});
