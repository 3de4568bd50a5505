import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { invalidScopes, loadForgeKnowledge, parseManifest, scopeNeedsFromManifest } from '../../src/manifest';
import { ScopeInspectorError } from '../../src/errors';

/** Fixture apps whose expected.json has a `manifest` (or `manifestError`) section written by hand. */
const root = join(__dirname, '..', 'fixtures');
const withManifest = readdirSync(root).filter((d) => {
  const f = join(root, d, 'expected.json');
  if (!existsSync(f)) return false;
  const e = JSON.parse(readFileSync(f, 'utf8'));
  return e.manifest || e.manifestError;
});

describe.each(withManifest)('manifest of fixture %s', (name) => {
  const expected = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8'));
  const text = readFileSync(join(root, name, 'manifest.yml'), 'utf8');

  if (expected.manifestError) {
    it('throws ScopeInspectorError MANIFEST_PARSE naming file, line and column', () => {
      let error: unknown;
      try { parseManifest(text, 'manifest.yml'); } catch (e) { error = e; }
      expect(error).toBeInstanceOf(ScopeInspectorError);
      expect((error as ScopeInspectorError).code).toBe(expected.manifestError.code);
      expect((error as ScopeInspectorError).message).toMatch(new RegExp(`^manifest\\.yml:${expected.manifestError.line}:\\d+: `));
    });
    return;
  }

  const m = expected.manifest;
  const knowledge = loadForgeKnowledge();
  it('reads the declared scopes with their lines', () => {
    expect(parseManifest(text).scopes.map((s) => ({ name: s.name, line: s.line }))).toEqual(m.scopes);
  });
  it('reports exactly the invalid scopes, each with its suggestion', () => {
    expect(invalidScopes(parseManifest(text), knowledge.validScopes)).toEqual(m.invalid);
  });
  it('derives exactly the expected trigger and module scope needs', () => {
    const needs = scopeNeedsFromManifest(parseManifest(text), knowledge).map((n) => ({ line: n.line, source: n.source, reason: n.reason, alternatives: n.alternatives }));
    expect(needs).toEqual(m.needs);
  });
  if (m.scheduledTriggers) it('reads scheduled triggers', () => {
    expect(parseManifest(text).scheduledTriggers.map(({ key, function: fn, interval }) => ({ key, function: fn, interval }))).toEqual(m.scheduledTriggers);
  });
  if (m.functions) it('reads functions with handler and timeout', () => {
    expect(parseManifest(text).functions.map(({ key, handler, timeout }) => ({ key, handler, ...(timeout !== undefined ? { timeout } : {}) }))).toEqual(m.functions);
  });
  if (m.external) it('reads permissions.external as written', () => {
    expect(parseManifest(text).external).toEqual(m.external);
  });
  if (m.runtime) it('reads app.runtime.name', () => {
    expect(parseManifest(text).app.runtime).toBe(m.runtime);
  });
});
