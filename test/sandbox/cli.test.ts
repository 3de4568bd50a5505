import { join } from 'node:path';
import { startFromCli } from '../../local/cli';

const manifest = join(__dirname, 'fixtures', 'app', 'manifest.yml');

describe('sandbox CLI', () => {
  it('starts on the given port and prints the URL of each Custom UI module', async () => {
    const lines: string[] = [];
    const running = await startFromCli(['--port', '0', '--manifest', manifest, '--kvs', ':memory:'], {}, (l) => lines.push(l));
    try {
      const moduleLine = lines.find((l) => l.includes('admin-page'));
      expect(moduleLine).toBe(`  jira:adminPage admin-page: ${running.host.url}/modules/admin-page/`);
      expect((await fetch(running.host.modules[0].url)).status).toBe(200);
    } finally {
      await running.stop();
    }
  });

  it('honours PORT when --port is absent', async () => {
    const running = await startFromCli(['--manifest', manifest, '--kvs', ':memory:'], { PORT: '0' }, () => {});
    expect(running.host.port).toBeGreaterThan(0);
    await running.stop();
  });

  it('applies --scopes and --no-admin to the simulated installation and user', async () => {
    const running = await startFromCli(['--port', '0', '--manifest', manifest, '--kvs', ':memory:', '--scopes', 'read:jira-user', '--no-admin'], {}, () => {});
    try {
      expect(running.sandbox.grantedScopes).toEqual(['read:jira-user']);
      expect(running.sandbox.user.admin).toBe(false);
    } finally {
      await running.stop();
    }
  });

  it('rejects an invalid port with a clear message', async () => {
    await expect(startFromCli(['--port', 'abc', '--manifest', manifest], {}, () => {})).rejects.toThrow("Invalid port 'abc'");
  });
});
