/**
 * The scope knowledge read file by file from @forge/manifest agrees with what the package itself
 * answers through its public API, and a changed package layout is a clear error, never a crash or
 * an empty list.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FORGE_MANIFEST_FILES, loadForgeKnowledge, readForgeKnowledge } from '../../src/manifest/forge-knowledge';

// The whole package, as @forge/manifest's own users load it: the ground truth (slow to load, fine in a test).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const forgeManifest = require('@forge/manifest') as typeof import('@forge/manifest');
const OUT = dirname(require.resolve('@forge/manifest'));
const knowledge = loadForgeKnowledge();

describe('forge knowledge from the installed @forge/manifest', () => {
  it.each(Object.values(FORGE_MANIFEST_FILES))('%s exists in the installed version', (file) => {
    expect(existsSync(join(OUT, file))).toBe(true);
  });

  it('reads the remote token scopes the package exports as REMOTE_AUTH_SCOPES', () => {
    const { appSystemToken, appUserToken } = knowledge.remoteAuthScopes;
    expect([appSystemToken, appUserToken].sort()).toEqual([...forgeManifest.REMOTE_AUTH_SCOPES].sort());
    expect(appSystemToken).toBe('read:app-system-token');
  });

  it('reads, for every product event, the scopes the package\'s own trigger validation requires', async () => {
    expect(knowledge.eventScopes.size).toBeGreaterThan(50);
    for (const [event, scopes] of knowledge.eventScopes) {
      const { requiredScopes } = await forgeManifest.validateTriggerScopes(event, []);
      expect({ event, current: [...scopes.current].sort(), beta: [...(scopes.beta ?? [])].sort() }).toEqual({
        event,
        current: [...(requiredScopes?.current ?? [])].sort(),
        beta: [...(requiredScopes?.beta ?? [])].sort(),
      });
    }
  });

  it('reads as valid exactly the scopes the package\'s manifest validation accepts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'si-knowledge-'));
    try {
      const fake = ['read:not-a-scope:jira', 'write:jira-workk'];
      expect(fake.some((s) => knowledge.validScopes.has(s))).toBe(false);
      const scopes = [...knowledge.validScopes, ...fake].map((s) => `    - '${s}'`).join('\n');
      writeFileSync(join(dir, 'manifest.yml'), `modules:\n  function:\n    - key: main\n      handler: index.run\npermissions:\n  scopes:\n${scopes}\napp:\n  id: ari:cloud:ecosystem::app/0a1b2c3d-0000-4000-8000-0000000000c1\n  runtime:\n    name: nodejs22.x\n`);
      const result = await forgeManifest.validate(false, join(dir, 'manifest.yml'));
      const rejected = (result.errors ?? []).map((e) => /Invalid 'scopes' permission in the manifest\.yml file - '([^']+)'/.exec(e.message)?.[1]).filter(Boolean);
      expect(rejected.sort()).toEqual([...fake].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('reads the module and agent mappings', () => {
    expect(knowledge.moduleScopes.get('bitbucket:mergeCheck')).toEqual(['read:pullrequest:bitbucket']);
    expect(knowledge.agentContextScopes.get('jira')?.current).toEqual(['read:jira-work']);
  });
});

describe('a changed @forge/manifest layout', () => {
  let out: string;
  beforeEach(() => {
    out = join(mkdtempSync(join(tmpdir(), 'si-layout-')), 'out');
    // The files read, and what the module mapping requires (its ../types), as the package lays them out.
    for (const file of [...Object.values(FORGE_MANIFEST_FILES), 'types']) cpSync(join(OUT, file), join(out, file), { recursive: true });
    cpSync(join(OUT, '..', 'package.json'), join(out, '..', 'package.json'));
    // Its own dependencies (tslib) resolve as they do from the installed package.
    symlinkSync(join(OUT, '..', '..', '..'), join(out, '..', 'node_modules'));
  });
  afterEach(() => rmSync(dirname(out), { recursive: true, force: true }));

  it('reads a copy of the same files exactly as the installed package', () => {
    const copy = readForgeKnowledge(out);
    expect([...copy.validScopes]).toEqual([...knowledge.validScopes]);
    expect([...copy.eventScopes]).toEqual([...knowledge.eventScopes]);
    expect(copy.remoteAuthScopes).toEqual(knowledge.remoteAuthScopes);
  });

  const version = (JSON.parse(readFileSync(join(OUT, '..', 'package.json'), 'utf8')) as { version: string }).version;
  it.each<[string, string, string | undefined, RegExp]>([
    ['a missing scope list', FORGE_MANIFEST_FILES.validScopes, undefined, /scopes\/shipyard-scopes\.json does not exist/],
    ['a missing constants file', FORGE_MANIFEST_FILES.constants, undefined, /types\/constants\.js does not exist/],
    ['an empty scope list', FORGE_MANIFEST_FILES.validScopes, '[]', /scopes\/shipyard-scopes\.json does not hold a non-empty list of scope names/],
    ['a scope list that is not JSON', FORGE_MANIFEST_FILES.deprecatedScopes, '[oops', /deprecated-shipyard-scopes\.json cannot be loaded \(/],
    ['an event mapping of another shape', FORGE_MANIFEST_FILES.eventMapping, '{"events":{}}', /product-event-to-scope-mapping\.json does not hold \{ mapping: \[\{ productEvent/],
    ['constants without REMOTE_AUTH_SCOPES', FORGE_MANIFEST_FILES.constants, 'exports.MANIFEST_FILE = "manifest.yml";\n', /types\/constants\.js does not hold REMOTE_AUTH_SCOPES/],
    ['a module mapping that throws', FORGE_MANIFEST_FILES.moduleMapping, 'throw new Error("moved");\n', /module-to-scope-mapping\.js cannot be loaded \(moved\)/],
    ['a module mapping whose own import moved', FORGE_MANIFEST_FILES.moduleMapping, 'require("../gone");\n', /module-to-scope-mapping\.js cannot be loaded \(Cannot find module '\.\.\/gone'/],
  ])('%s: FORGE_MANIFEST_LAYOUT naming the version and the file', (_name, file, content, message) => {
    if (content === undefined) rmSync(join(out, file));
    else writeFileSync(join(out, file), content);
    let error: unknown;
    try {
      readForgeKnowledge(out);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ name: 'ScopeInspectorError', code: 'FORGE_MANIFEST_LAYOUT' });
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain(`@forge/manifest ${version} (${out})`);
  });
});
