import { parseManifest } from '../../src/manifest';
import { ScopeInspectorError } from '../../src/errors';

const MANIFEST = `app:
  id: ari:cloud:ecosystem::app/abc
  runtime:
    name: nodejs22.x
permissions:
  scopes:
    - read:jira-work
    - 'write:jira-work'
modules:
  jira:issuePanel:
    - key: panel
      resource: main
      resolver:
        function: resolver
  webtrigger:
    - key: hook
      function: hook-fn
  function:
    - key: resolver
      handler: index.handler
      timeoutSeconds: 30
  trigger:
    - key: t
      function: resolver
      events: [avi:jira:created:issue, avi:confluence:created:page]
resources:
  - key: main
    path: static/main/build
`;

describe('parseManifest', () => {
  const m = parseManifest(MANIFEST, 'apps/x/manifest.yml');

  it('reads app id and runtime', () => {
    expect(m.app).toEqual({ id: 'ari:cloud:ecosystem::app/abc', runtime: 'nodejs22.x' });
    expect(m.file).toBe('apps/x/manifest.yml');
  });

  it.each([
    ['read:jira-work', 7, 7],
    ['write:jira-work', 8, 7],
  ])('gives scope %s its line %i and column %i', (name, line, column) => {
    expect(m.scopes).toContainEqual({ name, line, column });
  });

  it('points scopesAt at the permissions.scopes key', () => {
    expect(m.scopesAt).toEqual({ line: 6, column: 3 });
  });

  it('lists every module with type, key, references and the line of its key', () => {
    expect(m.modules).toEqual([
      { type: 'jira:issuePanel', key: 'panel', line: 11, column: 12, resolver: 'resolver', resource: 'main' },
      { type: 'webtrigger', key: 'hook', line: 16, column: 12, function: 'hook-fn' },
      { type: 'function', key: 'resolver', line: 19, column: 12 },
      { type: 'trigger', key: 't', line: 23, column: 12, function: 'resolver' },
    ]);
  });

  it('reads functions, trigger events (flow style too) and resources', () => {
    expect(m.functions).toEqual([{ key: 'resolver', handler: 'index.handler', timeout: 30, line: 19, column: 12 }]);
    expect(m.triggerEvents.map((e) => [e.event, e.trigger, e.line])).toEqual([['avi:jira:created:issue', 't', 25], ['avi:confluence:created:page', 't', 25]]);
    expect(m.resources).toEqual([{ key: 'main', path: 'static/main/build', line: 27, column: 10 }]);
  });

  it('reads scopes written as a map (older manifests)', () => {
    const old = parseManifest('permissions:\n  scopes:\n    read:jira-work: {}\n    storage:app: {}\n');
    expect(old.scopes.map((s) => [s.name, s.line])).toEqual([['read:jira-work', 3], ['storage:app', 4]]);
  });

  it('returns empty lists for a manifest without permissions or modules', () => {
    const empty = parseManifest('app:\n  id: x\n');
    expect([empty.scopes, empty.modules, empty.triggerEvents, empty.resources]).toEqual([[], [], [], []]);
    expect(empty.external).toBeUndefined();
  });

  it.each([
    ['bad indentation', 'permissions:\n  scopes:\n    - a\n   - b\n', 4],
    ['unclosed flow map', 'app:\n  id: x\nmodules: {\n', 4],
    ['tab indentation', 'app:\n\tid: x\n', 2],
  ])('throws MANIFEST_PARSE with file:line:col for %s', (_name, text, line) => {
    let error: unknown;
    try { parseManifest(text, 'm.yml'); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(ScopeInspectorError);
    expect((error as ScopeInspectorError).code).toBe('MANIFEST_PARSE');
    expect((error as Error).message).toMatch(new RegExp(`^m\\.yml:${line}:\\d+: \\S`));
  });
});
