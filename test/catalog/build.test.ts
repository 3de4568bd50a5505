import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const OPENAPI = join(ROOT, '../shared/openapi');
const haveDocuments = existsSync(join(OPENAPI, 'jira-platform.json'));

(haveDocuments ? describe : describe.skip)('scripts/build-catalog.ts', () => {
  const run = (out: string) =>
    execFileSync(process.execPath, [require.resolve('tsx/cli'), join(ROOT, 'scripts/build-catalog.ts'), '--from', OPENAPI, '--out', out], { encoding: 'utf8' });
  const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
  let first = '';

  beforeAll(() => {
    first = run(join(dir, 'a.ts'));
    run(join(dir, 'b.ts'));
  }, 120_000);

  it('is deterministic: two builds are byte-identical', () => {
    expect(readFileSync(join(dir, 'a.ts'), 'utf8')).toBe(readFileSync(join(dir, 'b.ts'), 'utf8'));
  });

  it('matches the committed catalog (regenerate with npm run build:catalog)', () => {
    expect(readFileSync(join(dir, 'a.ts'), 'utf8')).toBe(readFileSync(join(ROOT, 'src/catalog/generated/catalog-data.ts'), 'utf8'));
  });

  it('says so in the first line and reports every document', () => {
    expect(readFileSync(join(dir, 'a.ts'), 'utf8').split('\n')[0]).toMatch(/^\/\/ DO NOT EDIT/);
    for (const name of ['jira-platform', 'jira-software', 'jira-service-management', 'confluence-v1', 'confluence-v2', 'bitbucket']) {
      expect(first).toMatch(new RegExp(`${name}\\.json \\([^)]*\\): \\d+ operations read, \\d+ with scopes, \\d+ without scopes`));
    }
  });
});
