/**
 * Fuzzing the manifest path: random and hostile manifest.yml files (values of every type in every
 * field the audit reads, aliases, CRLF, BOMs, cut-off and corrupted text). Fixed seeds: a failure
 * reproduces; a few seconds in all.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { ScopeInspectorError } from '../../src/errors';
import { rewriteScopes } from '../../src/fix/rewrite-scopes';
import { duplicateScopes, invalidScopes, loadForgeKnowledge, parseManifest } from '../../src/manifest';
import { makeApp, runCli } from '../cli/run-cli';

const valid = loadForgeKnowledge().validScopes;
const anyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ maxLength: 12 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 3 }),
  ),
})).value;
const scopeName = fc.oneof(fc.constantFrom(...valid), fc.constantFrom('', ' ', ' read:jira-work', 'read:jira-wrok', 'READ:JIRA-WORK', 'jira:read:issue', 'x'.repeat(300), 'read:jira-work\u0000', 'ſtorage:app'), fc.string({ maxLength: 20 }));
const scopes = fc.oneof(fc.array(scopeName, { maxLength: 8 }), fc.array(fc.oneof(scopeName, anyValue), { maxLength: 4 }), anyValue, fc.dictionary(scopeName, fc.constantFrom(null, {}, { allowImpersonation: true }, 5)));
const forgeModule = fc.record({ key: fc.oneof(fc.string({ maxLength: 8 }), anyValue), function: fc.string({ maxLength: 8 }), handler: fc.oneof(fc.constant('index.run'), anyValue), events: fc.oneof(fc.array(fc.constantFrom('avi:jira:created:issue', 'avi:confluence:created:page', 'nope'), { maxLength: 3 }), anyValue), resolver: fc.oneof(fc.record({ function: fc.string({ maxLength: 6 }) }), anyValue), timeoutSeconds: fc.oneof(fc.integer(), anyValue) }, { requiredKeys: [] });
const manifestObject = fc.record(
  {
    app: fc.oneof(fc.record({ id: fc.oneof(fc.constant('ari:cloud:ecosystem::app/1'), anyValue), runtime: fc.oneof(fc.record({ name: fc.constant('nodejs22.x') }), anyValue) }, { requiredKeys: [] }), anyValue),
    permissions: fc.oneof(fc.record({ scopes, external: fc.oneof(fc.record({ fetch: fc.record({ backend: fc.array(fc.oneof(fc.webUrl(), anyValue), { maxLength: 2 }) }) }), anyValue) }, { requiredKeys: [] }), anyValue),
    modules: fc.oneof(fc.dictionary(fc.constantFrom('function', 'trigger', 'jira:issuePanel', 'scheduledTrigger', 'endpoint'), fc.oneof(fc.array(fc.oneof(forgeModule, anyValue), { maxLength: 3 }), anyValue)), anyValue),
    resources: fc.oneof(fc.array(fc.oneof(fc.record({ key: fc.string({ maxLength: 6 }), path: fc.constantFrom('static/build', '../x', '') }), anyValue), { maxLength: 2 }), anyValue),
    remotes: fc.oneof(fc.array(fc.oneof(fc.record({ key: fc.string({ maxLength: 6 }), auth: anyValue }), anyValue), { maxLength: 2 }), anyValue),
  },
  { requiredKeys: [] },
);
/** A manifest's text, then damaged the way real files get damaged. */
const manifestText = fc.tuple(manifestObject, fc.nat(), fc.constantFrom('none', 'crlf', 'bom', 'cut', 'char', 'alias', 'tab'), fc.string({ minLength: 1, maxLength: 3 })).map(([object, at, damage, chars]) => {
  const text = stringify(object);
  const i = text.length ? at % text.length : 0;
  switch (damage) {
    case 'crlf': return text.replace(/\n/g, '\r\n');
    case 'bom': return `\uFEFF${text}`;
    case 'cut': return text.slice(0, i);
    case 'char': return text.slice(0, i) + chars + text.slice(i);
    case 'alias': return `base: &base\n  - read:jira-work\n${text.replace(/^permissions:.*$/m, 'permissions:\n  scopes: *base')}`;
    case 'tab': return text.replace(/\n {2}/g, '\n\t');
    default: return text;
  }
});

describe('fuzz: manifests', () => {
  it('parse to a manifest or to ScopeInspectorError naming manifest.yml, a line and a column; never anything else', () => {
    fc.assert(
      fc.property(manifestText, (text) => {
        let manifest;
        try {
          manifest = parseManifest(text, 'manifest.yml');
        } catch (error) {
          expect(error).toBeInstanceOf(ScopeInspectorError);
          expect((error as Error).message).toMatch(/^manifest\.yml:\d+:\d+: \S/);
          expect((error as Error).message).not.toMatch(/\n/);
          return;
        }
        for (const i of invalidScopes(manifest, valid)) expect(i.reason).toMatch(/\S/);
        expect(duplicateScopes(manifest).every((d) => d.first.line < d.line)).toBe(true);
        // --fix's edit reads back exactly as intended, whatever the file looked like.
        const present = manifest.scopes.map((s) => s.name);
        const remove = present.slice(0, 1);
        const expected = [...present.filter((s) => !remove.includes(s)), ...(present.includes('write:jira-work') ? [] : ['write:jira-work'])];
        const fixed = parseManifest(rewriteScopes(text, { add: ['write:jira-work'], remove }), 'manifest.yml');
        expect(fixed.scopes.map((s) => s.name)).toEqual(expected);
      }),
      { seed: 1130, numRuns: 400 },
    );
  });

  it('give the audit CLI exit 0, 1 or 2, and exit 2 says one line naming manifest.yml', async () => {
    await fc.assert(
      fc.asyncProperty(manifestText, async (text) => {
        const dir = makeApp({ 'manifest.yml': text, 'src/index.ts': "import api, { route } from '@forge/api';\napi.asApp().requestJira(route`/rest/api/3/myself`);\n" });
        const { code, err } = await runCli(['audit', dir, '--format', 'json']);
        expect([0, 1, 2]).toContain(code);
        if (code === 2) expect(err).toMatch(/^scope-inspector: manifest\.yml:\d+:\d+: [^\n]+\n$/);
      }),
      { seed: 2611, numRuns: 40 },
    );
  });
});
