import { readFileSync } from 'node:fs';
import { makeApp, runCli } from './run-cli';

const MANIFEST = `modules:
  function:
    - key: main
      handler: index.run
permissions:
  scopes:
    - read:jira-work
app:
  id: ari:cloud:ecosystem::app/1
`;
// The resolver picks the endpoint by a name the page sends: every entry is a candidate.
const SOURCE = `import api, { route } from '@forge/api';
const ENDPOINTS = {
  issue: (k: string) => route\`/rest/api/3/issue/\${k}\`,
  watch: (k: string) => route\`/rest/api/3/issue/\${k}/watchers\`,
  me: () => route\`/rest/api/3/myself\`,
};
export async function run({ payload }: { payload: { name: keyof typeof ENDPOINTS; key: string } }) {
  return api.asUser().requestJira(ENDPOINTS[payload.name](payload.key));
}
`;
const app = () => makeApp({ 'manifest.yml': MANIFEST, 'src/index.ts': SOURCE });

describe('candidate calls in the CLI', () => {
  it('reports them as candidates: the undeclared scope is "missing if called", and the default --fail-on passes', async () => {
    const { code, out } = await runCli(['audit', app()]);
    expect(code).toBe(0);
    expect(out).toMatch(/missing 0 · missing-if-called 1 ·/);
    expect(out).toMatch(/Missing if called[^\n]*\n\s+read:jira-user ← GET \/rest\/api\/3\/myself\s+src\/index\.ts:8: one of 3 entries of ENDPOINTS\[…\] \(key unknown\)/);
    expect(out).toMatch(/Calls with candidates[^\n]*\n\s+src\/index\.ts:8 {2}one of 3 entries of ENDPOINTS\[…\] \(key unknown\): GET \/rest\/api\/3\/issue\/\{issueIdOrKey\}, GET \/rest\/api\/3\/issue\/\{issueIdOrKey\}\/watchers, GET \/rest\/api\/3\/myself/);
  });

  it('--fail-on missing-if-called fails on them; a baseline that lists them accepts them', async () => {
    const dir = app();
    expect((await runCli(['audit', dir, '--fail-on', 'missing-if-called'])).code).toBe(1);
    const baseline = `${dir}/baseline.json`;
    expect((await runCli(['audit', dir, '--fail-on', 'none', '--write-baseline', baseline])).code).toBe(0);
    expect((await runCli(['audit', dir, '--fail-on', 'missing-if-called', '--baseline', baseline])).code).toBe(0);
  });

  it('--fix does not add their scopes; --add-candidates does', async () => {
    const dir = app();
    const plain = await runCli(['audit', dir, '--dry-run']);
    expect(plain.err).toMatch(/nothing to change/);
    const added = await runCli(['audit', dir, '--dry-run', '--add-candidates']);
    expect(added.out).toMatch(/^\+ {4}- read:jira-user$/m);
  });

  it('renders them in Markdown and SARIF', async () => {
    const dir = app();
    const md = (await runCli(['audit', dir, '--format', 'markdown', '--fail-on', 'none'])).out;
    expect(md).toMatch(/## Needed only if a candidate call selects it \(not declared\)[\s\S]*\| GET \/rest\/api\/3\/myself \| `read:jira-user` \| src\/index\.ts:8: one of 3 entries of ENDPOINTS\[…\] \(key unknown\) \|/);
    expect(md).toMatch(/## Calls that select one of several operations[\s\S]*\| src\/index\.ts:8 \| one of 3 entries of ENDPOINTS\[…\] \(key unknown\) \|/);
    const sarif = JSON.parse((await runCli(['audit', dir, '--format', 'sarif', '--fail-on', 'none'])).out);
    const results = sarif.runs[0].results as { ruleId: string; level: string; locations: { physicalLocation: { region: { startLine: number } } }[]; properties?: Record<string, unknown> }[];
    expect(results.filter((r) => r.ruleId === 'missing-if-called-scope').map((r) => [r.level, r.locations[0].physicalLocation.region.startLine, r.properties?.scopes])).toEqual([['warning', 8, ['read:jira-user']]]);
    expect(results.filter((r) => r.ruleId === 'candidate-call').map((r) => r.properties?.operations)).toEqual([['GET /rest/api/3/issue/{issueIdOrKey}', 'GET /rest/api/3/issue/{issueIdOrKey}/watchers', 'GET /rest/api/3/myself']]);
    expect(results.some((r) => r.ruleId === 'missing-scope')).toBe(false);
  });

  it('--fix --remove-unused keeps a scope a candidate needs and never edits egress, even an unused host', async () => {
    const manifest = MANIFEST.replace('    - read:jira-work\n', '    - read:jira-work\n    - read:jira-user\n    - write:confluence-content\n  external:\n    fetch:\n      backend:\n        - https://retired.example.com\n');
    const dir = makeApp({ 'manifest.yml': manifest, 'src/index.ts': SOURCE });
    const json = JSON.parse((await runCli(['audit', dir, '--format', 'json', '--fail-on', 'none'])).out);
    // The premise: read:jira-user is needed by a candidate only, and the host is unused.
    expect(json.scopes.details.find((d: { scope: string }) => d.scope === 'read:jira-user').verdict).toBe('code-only');
    expect(json.egress.unused).toEqual([{ domain: 'retired.example.com', kind: 'fetch-backend' }]);
    const { code } = await runCli(['audit', dir, '--fix', '--remove-unused']);
    expect(code).toBe(0);
    const after = readFileSync(`${dir}/manifest.yml`, 'utf8');
    expect(after).toBe(manifest.replace('    - write:confluence-content\n', ''));
  });
});
