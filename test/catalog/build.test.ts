import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const OPENAPI = join(ROOT, '../shared/openapi');
const GENERATED = join(ROOT, 'src/catalog/generated');
const haveDocuments = existsSync(join(OPENAPI, 'jira-platform.json'));

(haveDocuments ? describe : describe.skip)('scripts/build-catalog.ts', () => {
  const run = (...args: string[]) =>
    execFileSync(process.execPath, [require.resolve('tsx/cli'), join(ROOT, 'scripts/build-catalog.ts'), '--from', OPENAPI, ...args], { encoding: 'utf8' });
  const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
  const read = (sub: string) => new Map(readdirSync(join(dir, sub)).map((name) => [name, readFileSync(join(dir, sub, name), 'utf8')]));
  let first = '';

  beforeAll(() => {
    first = run('--out-dir', join(dir, 'a'));
    run('--out-dir', join(dir, 'b'));
  }, 120_000);

  it('writes an index and one module per catalog part', () => {
    expect([...read('a').keys()].sort()).toEqual(['catalog-bitbucket.ts', 'catalog-confluence.ts', 'catalog-index.ts', 'catalog-jira-platform.ts', 'catalog-jira.ts']);
  });

  it('is deterministic: two builds are byte-identical', () => {
    expect(read('b')).toEqual(read('a'));
  });

  it('matches the committed catalog (regenerate with npm run build:catalog)', () => {
    const committed = new Map(readdirSync(GENERATED).map((name) => [name, readFileSync(join(GENERATED, name), 'utf8')]));
    expect(committed).toEqual(read('a'));
  });

  it('says so in the first line of every module and reports every document', () => {
    for (const text of read('a').values()) expect(text.split('\n')[0]).toMatch(/^\/\/ DO NOT EDIT/);
    for (const name of ['jira-platform', 'jira-software', 'jira-service-management', 'assets', 'jsm-ops', 'confluence-v1', 'confluence-v2', 'bitbucket']) {
      expect(first).toMatch(new RegExp(`${name}\\.json \\([^)]*\\): \\d+ operations read, \\d+ with scopes, \\d+ without scopes`));
    }
    expect(first).toMatch(/hand-written\/jira-forms \(jira, hand-written\): \d+ operations read/);
    expect(first).toMatch(/hand-written\/confluence-app-properties \(confluence, hand-written\): \d+ operations read/);
  });

  it('reads all 64 Assets and 240 JSM Operations operations', () => {
    expect(first).toContain('assets.json (jira-service-management): 64 operations read, 61 with scopes, 3 without scopes');
    expect(first).toContain('jsm-ops.json (jira-service-management): 240 operations read, 236 with scopes, 4 without scopes');
  });

  it('flags the scopes @forge/manifest does not list, naming them', () => {
    expect(first).toMatch(/\? read:stakeholder-comms\.page:jira-service-management \(\d+ operations\)/);
    expect(first).not.toMatch(/\? read:cmdb-object:jira/);
    expect(first).not.toMatch(/\? read:ops-alert:jira-service-management/);
  });

  it('--check exits 0 when up to date, 1 when a module differs or an older layout\'s module remains', () => {
    const check = (sub: string) => {
      try {
        run('--out-dir', join(dir, sub), '--check');
        return 0;
      } catch (error) {
        return (error as { status: number }).status;
      }
    };
    expect(check('a')).toBe(0);
    cpSync(join(dir, 'a'), join(dir, 'c'), { recursive: true });
    writeFileSync(join(dir, 'c', 'catalog-jira.ts'), read('a').get('catalog-jira.ts')!.replace('"GET"', '"PUT"'));
    expect(check('c')).toBe(1);
    cpSync(join(dir, 'a'), join(dir, 'd'), { recursive: true });
    writeFileSync(join(dir, 'd', 'catalog-data.ts'), '// the single-module layout of format 1\n');
    expect(check('d')).toBe(1);
  });
});
