import { parseManifest } from '../../src/manifest';
import { makeApp, runCli } from '../cli/run-cli';

const shapeError = (text: string): string => {
  try {
    parseManifest(text, 'manifest.yml');
  } catch (error) {
    return `${(error as { code: string }).code} ${(error as Error).message}`;
  }
  return 'no error';
};

describe('manifest fields of the wrong type are named with their line', () => {
  it.each([
    ['permissions as a string', 'app:\n  id: x\npermissions: read:jira-work\n', 'manifest.yml:3:14: permissions must be a map, not a string ("read:jira-work")'],
    ['permissions as a number', 'permissions: 5\n', 'manifest.yml:1:14: permissions must be a map, not a number (5)'],
    ['permissions as a list', 'permissions:\n  - read:jira-work\n', 'manifest.yml:2:3: permissions must be a map, not a list'],
    ['permissions as an alias', 'x: &p\n  scopes: [read:jira-work]\npermissions: *p\n', 'manifest.yml:3:14: permissions must be a map, not an alias (*p)'],
    ['scopes as a string', 'permissions:\n  scopes: read:jira-work\n', 'manifest.yml:2:11: permissions.scopes must be a list of scope names, not a string ("read:jira-work")'],
    ['scopes as a number', 'permissions:\n  scopes: 42\n', 'manifest.yml:2:11: permissions.scopes must be a list of scope names, not a number (42)'],
    ['scopes as an alias', 'x: &s [read:jira-work]\npermissions:\n  scopes: *s\n', 'manifest.yml:3:11: permissions.scopes must be a list of scope names, not an alias (*s)'],
    ['a scope that is a number', 'permissions:\n  scopes:\n    - read:jira-work\n    - 7\n', 'manifest.yml:4:7: permissions.scopes[1] must be a scope name (a string), not a number (7)'],
    ['a scope that is a map', 'permissions:\n  scopes:\n    - read: jira-work\n', 'manifest.yml:3:7: permissions.scopes[0] must be a scope name (a string), not a map'],
    ['a scope that is a list', 'permissions:\n  scopes:\n    - [read:jira-work]\n', 'manifest.yml:3:7: permissions.scopes[0] must be a scope name (a string), not a list'],
    ['a scope that is a boolean', 'permissions:\n  scopes: [true]\n', 'manifest.yml:2:12: permissions.scopes[0] must be a scope name (a string), not true (a boolean)'],
    ['an empty scope item', 'permissions:\n  scopes:\n    -\n    - read:jira-work\n', 'manifest.yml:3:6: permissions.scopes[0] must be a scope name (a string), not empty'],
    ['a scope that is an alias', 'x: &s read:jira-work\npermissions:\n  scopes:\n    - *s\n', 'manifest.yml:4:7: permissions.scopes[0] must be a scope name (a string), not an alias (*s)'],
    ['a scope map with a scalar value', 'permissions:\n  scopes:\n    read:jira-work: yes\n', 'manifest.yml:3:21: permissions.scopes.read:jira-work must be a map, not a string ("yes")'],
    ['permissions.external as a list', 'permissions:\n  external: [a.com]\n', 'manifest.yml:2:13: permissions.external must be a map of resource types (fetch, images, scripts, …), not a list'],
    ['an external fetch entry that is a number', 'permissions:\n  external:\n    fetch:\n      backend:\n        - 3\n', 'manifest.yml:5:11: permissions.external.fetch.backend[0] must be a string or a map, not a number (3)'],
    ['modules as a list', 'modules:\n  - function\n', 'manifest.yml:2:3: modules must be a map of module types, not a list'],
    ['a module type that is a map', 'modules:\n  function:\n    key: main\n', 'manifest.yml:3:5: modules.function must be a list of modules, not a map'],
    ['a module that is a string', 'modules:\n  function:\n    - main\n', 'manifest.yml:3:7: modules.function[0] must be a module (a map), not a string ("main")'],
    ['a function handler that is a number', 'modules:\n  function:\n    - key: main\n      handler: 12\n', 'manifest.yml:4:16: modules.function[0].handler must be a string, not a number (12)'],
    ['a timeout that is a string', 'modules:\n  function:\n    - key: main\n      handler: index.run\n      timeoutSeconds: long\n', 'manifest.yml:5:23: modules.function[0].timeoutSeconds must be a number, not a string ("long")'],
    ['trigger events as a string', 'modules:\n  trigger:\n    - key: t\n      events: avi:jira:created:issue\n', 'manifest.yml:4:15: modules.trigger[0].events must be a list of event names, not a string ("avi:jira:created:issue")'],
    ['a trigger event that is a number', 'modules:\n  trigger:\n    - key: t\n      events: [1]\n', 'manifest.yml:4:16: modules.trigger[0].events[0] must be a string, not a number (1)'],
    ['a resolver that is a string', 'modules:\n  jira:issuePanel:\n    - key: p\n      resolver: fn\n', 'manifest.yml:4:17: modules.jira:issuePanel[0].resolver must be a map, not a string ("fn")'],
    ['a module key that is a list', 'modules:\n  function:\n    - key: [a]\n', 'manifest.yml:3:12: modules.function[0].key must be a string, not a list'],
    ['remote token enabled as a string', 'remotes:\n  - key: r\n    auth:\n      appSystemToken:\n        enabled: "true"\n', 'manifest.yml:5:18: remotes[0].auth.appSystemToken.enabled must be true or false, not a string ("true")'],
    ['resources as a map', 'resources:\n  key: main\n', 'manifest.yml:2:3: resources must be a list of resources, not a map'],
    ['a resource path that is a number', 'resources:\n  - key: main\n    path: 5\n', 'manifest.yml:3:11: resources[0].path must be a string, not a number (5)'],
    ['app as a string', 'app: my-app\n', 'manifest.yml:1:6: app must be a map, not a string ("my-app")'],
    ['a top level that is a list', '- app\n', 'manifest.yml:1:1: the manifest must be a map, not a list'],
    ['an empty manifest', '# nothing\n', 'manifest.yml:1:1: the manifest must be a map, not empty'],
  ])('%s', (_name, text, message) => {
    expect(shapeError(text)).toBe(`MANIFEST_SHAPE ${message}`);
  });

  it.each([
    ['a scope list', 'permissions:\n  scopes:\n    - read:jira-work\n'],
    ['a scope map (the schema allows it)', 'permissions:\n  scopes:\n    read:jira-work: {}\n    storage:app:\n'],
    ['empty fields (absent)', 'app:\npermissions:\n  scopes:\nmodules:\nresources:\n'],
    ['fields it does not read, of any type', 'app:\n  id: x\n  licensing: 5\nproviders: [1, 2]\nx: &a 1\ny: *a\n'],
    ['external options and lists (configurable, fetch, images)', 'permissions:\n  external:\n    configurable:\n      enabled: true\n    fetch:\n      backend: [a.example.com, { remote: r }]\n    images: [img.example.com]\n'],
    ['an i18n title', 'modules:\n  jira:issuePanel:\n    - key: p\n      title:\n        i18n: panel.title\n'],
  ])('accepts %s', (_name, text) => {
    expect(shapeError(text)).toBe('no error');
  });

  it('says a manifest nested too deeply for the YAML parser is that, on its line', () => {
    expect(shapeError(`a: ${'['.repeat(100000)}${']'.repeat(100000)}\n`)).toMatch(/^MANIFEST_PARSE manifest\.yml:1:\d+: nested too deeply$/);
  });

  it('makes the audit exit 2 with that one line', async () => {
    const dir = makeApp({ 'manifest.yml': 'app:\n  id: x\npermissions:\n  scopes: read:jira-work\n', 'src/index.ts': '' });
    const { code, out, err } = await runCli(['audit', dir]);
    expect([code, out, err]).toEqual([2, '', 'scope-inspector: manifest.yml:4:11: permissions.scopes must be a list of scope names, not a string ("read:jira-work")\n']);
  });
});
