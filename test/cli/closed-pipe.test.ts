import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** Runs the CLI in a child process (through tsx, on the sources) whose reader closes standard output after the first chunk, as `| head -1` does. */
function runClosingEarly(args: string[], stdin = ''): Promise<{ code: number | null; err: string; got: string }> {
  const main = join(__dirname, '../../src/cli/main');
  const script = `require(${JSON.stringify(main)}).main(process.argv).then((code) => { process.exitCode = code; });`;
  const child = spawn(process.execPath, ['-r', require.resolve('tsx/cjs'), '-e', script, 'scope-inspector', ...args], { env: { ...process.env, NO_COLOR: '1' } });
  child.stdin.end(stdin);
  let err = '';
  let got = '';
  child.stderr.on('data', (d) => (err += d));
  child.stdout.once('data', (d) => {
    got = String(d);
    child.stdout.destroy();
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, err, got })));
}

describe('a reader that closes standard output early (| head)', () => {
  it('ends the CLI quietly: no EPIPE stack trace, the exit code of the command', async () => {
    // Far more than a pipe holds (~1 MB of JSON lines): the CLI is still writing when the reader goes.
    const r = await runClosingEarly(['lookup', '--stdin'], 'GET /rest/api/3/issue/ABC-1\n'.repeat(3000));
    expect(r.got).toMatch(/^\{"method":"GET"/);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  }, 30_000);
});
