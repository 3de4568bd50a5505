/** `audit` reports egress in every format and fails on it when asked, a baseline accepting what was reviewed. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeApp, runCli } from './run-cli';

const MANIFEST = `modules:
  function:
    - key: main
      handler: index.run
permissions:
  scopes:
    - read:jira-work
  external:
    fetch:
      backend:
        - https://hooks.example.com
        - https://retired.example.com
app:
  id: ari:cloud:ecosystem::app/1
`;
const SOURCE = `import api, { route } from '@forge/api';
export async function run(key: string) {
  await api.asApp().requestJira(route\`/rest/api/3/issue/\${key}\`);
  await api.fetch('https://hooks.example.com/services/T1/B2');
  await api.fetch('https://telemetry.example.org/v1/events', { method: 'POST' });
}
`;

describe('scope-inspector audit: egress', () => {
  it('lists egress verdicts in the text report and the JSON model', async () => {
    const dir = makeApp({ 'manifest.yml': MANIFEST, 'src/index.ts': SOURCE });
    const { out } = await runCli(['audit', dir, '--fail-on', 'none']);
    expect(out).toMatch(/Egress \(permissions\.external, remotes\): declared 2 · missing 1 · unverifiable 0 · unused 1 · used 1/);
    expect(out).toMatch(/missing\s+fetch-backend telemetry\.example\.org\s+api\.fetch telemetry\.example\.org \(src\/index\.ts:5\)/);
    const json = JSON.parse((await runCli(['audit', dir, '--format', 'json', '--fail-on', 'none'])).out);
    expect(json.egress.unused).toEqual([{ domain: 'retired.example.com', kind: 'fetch-backend' }]);
  });

  it('fails on missing or unused egress when asked, and not once a baseline accepts it', async () => {
    const dir = makeApp({ 'manifest.yml': MANIFEST, 'src/index.ts': SOURCE });
    const missing = await runCli(['audit', dir, '--fail-on', 'missing-egress']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/1 finding\(s\) fail the audit \(--fail-on missing-egress\)/);
    expect((await runCli(['audit', dir, '--fail-on', 'unused-egress'])).code).toBe(1);
    // Egress is not among the defaults: an existing CI keeps its exit code.
    expect((await runCli(['audit', dir])).code).toBe(0);
    const baseline = join(dir, 'baseline.json');
    expect((await runCli(['audit', dir, '--write-baseline', baseline, '--fail-on', 'none'])).code).toBe(0);
    expect(JSON.parse(readFileSync(baseline, 'utf8'))).toMatchObject({ missingEgress: ['fetch-backend telemetry.example.org'], unusedEgress: ['fetch-backend retired.example.com'] });
    expect((await runCli(['audit', dir, '--baseline', baseline, '--fail-on', 'missing-egress,unused-egress'])).code).toBe(0);
  });
});
