/**
 * The recorder must not change whether Node reports an unhandled rejection (which decides
 * whether the process crashes): real un-awaited failing @forge/api calls, in a child process,
 * unwrapped and recorded, must give the same `unhandledRejection` events with the same values
 * and the very error objects the platform threw.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const CHILD = join(__dirname, 'fixtures', 'unhandled-child.ts');

async function child(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--require', 'tsx/cjs', CHILD, ...args], { cwd: join(__dirname, '../..'), timeout: 20_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('unhandled rejections with and without the recorder', () => {
  it('reports the same events, values and error objects for un-awaited failing calls', async () => {
    const [plain, recorded, inHandler] = await Promise.all([child('plain'), child('recorded'), child('recorded-in-handler')]);
    const p = JSON.parse(plain.stdout);
    // Seven un-awaited failures (four product calls, GraphQL, a remote, egress) plus one handled
    // only later (Node reports it, then its handling).
    expect(p.events).toHaveLength(8);
    expect(p.platformObjects).toBe(5);
    expect(p.handledLater).toBe(1);
    expect(JSON.parse(recorded.stdout)).toEqual(p);
    expect(JSON.parse(inHandler.stdout)).toEqual(p);
  }, 60_000);

  it('crashes the process with the same error when nothing listens, as Node does unwrapped', async () => {
    const [plain, recorded] = await Promise.all([child('plain', 'crash'), child('recorded', 'crash')]);
    expect(plain.code).toBe(1);
    expect(recorded.code).toBe(plain.code);
    const errorLine = (stderr: string) => stderr.split('\n').find((l) => /^\w*Error: /.test(l));
    expect(errorLine(recorded.stderr)).toBe(errorLine(plain.stderr));
    expect(errorLine(plain.stderr)).toBe('TypeError: fetch failed');
  }, 60_000);
});
