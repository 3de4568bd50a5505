import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './run-cli';

/** Uid of `nobody`: root ignores file permissions, so a read refusal is tested as another user. */
const NOBODY = 65534;

/** Makes every folder of `dir` enterable and listable by others (files keep their modes). */
function openFolders(dir: string): void {
  chmodSync(dir, 0o755);
  for (const e of readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) openFolders(join(dir, e.name));
}

/**
 * Runs the CLI as a user the file permissions apply to: in-process when this is not root; as
 * `nobody` in a child process (through tsx, on the same sources) when it is, since root reads any file.
 */
export async function runCliAsAnotherUser(args: string[], appDir: string): Promise<{ code: number; out: string; err: string }> {
  if (process.getuid?.() !== 0) return runCli(args);
  openFolders(appDir);
  const main = join(__dirname, '../../src/cli/main');
  const script = `require(${JSON.stringify(main)}).main(['node', 'scope-inspector', ...${JSON.stringify(args)}]).then((code) => { process.exitCode = code; });`;
  const child = spawnSync(process.execPath, ['-r', require.resolve('tsx/cjs'), '-e', script], { uid: NOBODY, gid: NOBODY, encoding: 'utf8', env: { ...process.env, HOME: '/tmp', NO_COLOR: '1' } });
  if (child.error) throw child.error;
  if (statSync(appDir).uid !== 0) throw new Error('expected a root-owned app folder');
  return { code: child.status ?? -1, out: child.stdout, err: child.stderr.replace(/^scope-inspector: /gm, '') };
}
