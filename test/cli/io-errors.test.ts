import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeApp, runCli } from './run-cli';
import { runCliAsAnotherUser } from './run-cli-as';

const MANIFEST = 'app:\n  id: ari:cloud:ecosystem::app/1\npermissions:\n  scopes:\n    - read:jira-user\n';
const SOURCE = "import api, { route } from '@forge/api';\napi.asApp().requestJira(route`/rest/api/3/issue/A-1`);\n";
const app = (files: Record<string, string> = {}) => makeApp({ 'manifest.yml': MANIFEST, 'src/index.ts': SOURCE, ...files });
/** One line naming the path and the problem, nothing else (no stack). */
const oneLine = (err: string) => err.trim().split('\n');

describe('audit: unusable input and output paths give exit 2 and one line naming the path', () => {
  it.each<[string, (dir: string) => void, RegExp]>([
    ['a directory', (dir) => { rmSync(join(dir, 'manifest.yml')); mkdirSync(join(dir, 'manifest.yml')); }, /manifest\.yml: cannot read the manifest: is a directory, not a file$/],
    ['a FIFO (would block forever)', (dir) => { rmSync(join(dir, 'manifest.yml')); execFileSync('mkfifo', [join(dir, 'manifest.yml')]); }, /manifest\.yml: cannot read the manifest: is a named pipe \(FIFO\), not a regular file$/],
    ['larger than any manifest', (dir) => writeFileSync(join(dir, 'manifest.yml'), `${MANIFEST}#${'x'.repeat(1024 * 1024)}\n`), /manifest\.yml: cannot read the manifest: larger than 1 MiB \(1,048,6\d\d bytes\)$/],
    ['missing', (dir) => rmSync(join(dir, 'manifest.yml')), /manifest\.yml: not found \(is .* a Forge app directory\?\)$/],
  ])('manifest.yml as %s', async (_name, make, message) => {
    const dir = app();
    make(dir);
    const { code, out, err } = await runCli(['audit', dir]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(oneLine(err)).toEqual([expect.stringMatching(new RegExp(`^scope-inspector: ${dir}/${message.source}`))]);
  });

  it('manifest.yml without read permission', async () => {
    const dir = app();
    chmodSync(join(dir, 'manifest.yml'), 0o200);
    const { code, out, err } = await runCliAsAnotherUser(['audit', dir], dir);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(oneLine(err)).toEqual([`${dir}/manifest.yml: cannot read the manifest: permission denied`]);
  });

  it.each([
    ['-o', 'report', ['-o']],
    ['--write-baseline', 'baseline', ['--write-baseline']],
  ])('%s into a missing directory fails before any work', async (_flag, what, args) => {
    const dir = app();
    const target = join(dir, 'no', 'such', 'out.json');
    const { code, out, err } = await runCli(['audit', dir, ...args, target]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(oneLine(err)).toEqual([`scope-inspector: ${target}: cannot write the ${what}: the directory ${join(dir, 'no', 'such')} does not exist`]);
  });

  it('-o onto a directory', async () => {
    const dir = app();
    const { code, err } = await runCli(['audit', dir, '-o', join(dir, 'src')]);
    expect(code).toBe(2);
    expect(oneLine(err)).toEqual([`scope-inspector: ${join(dir, 'src')}: cannot write the report: it is a directory`]);
  });

  it.each([
    ['--baseline', 'baseline'],
    ['--usage', 'usage export'],
  ])('%s naming a FIFO or a directory', async (flag, what) => {
    const dir = app();
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    const fifo = await runCli(['audit', dir, flag, join(dir, 'pipe')]);
    expect([fifo.code, oneLine(fifo.err)]).toEqual([2, [`scope-inspector: ${join(dir, 'pipe')}: cannot read the ${what}: is a named pipe (FIFO), not a regular file`]]);
    const folder = await runCli(['audit', dir, flag, join(dir, 'src')]);
    expect([folder.code, oneLine(folder.err)]).toEqual([2, [`scope-inspector: ${join(dir, 'src')}: cannot read the ${what}: is a directory, not a file`]]);
  });

  it('--fix on a read-only manifest says so and prints nothing as fixed', async () => {
    const dir = app();
    chmodSync(join(dir, 'manifest.yml'), 0o444);
    const { code, out, err } = await runCliAsAnotherUser(['audit', dir, '--fix'], dir);
    expect(code).toBe(2);
    expect(out).not.toMatch(/fixed/);
    expect(oneLine(err)).toEqual([`${dir}/manifest.yml: cannot write the manifest (permission denied)`]);
    expect(readFileSync(join(dir, 'manifest.yml'), 'utf8')).toBe(MANIFEST);
  });

  it('--fix on a writable manifest writes it, then shows the diff', async () => {
    const dir = app();
    const { code, out } = await runCli(['audit', dir, '--fix']);
    expect(code).toBe(0);
    expect(out).toMatch(/\+\+\+ manifest\.yml\tfixed/);
    expect(readFileSync(join(dir, 'manifest.yml'), 'utf8')).toMatch(/- read:jira-work/);
  });
});
