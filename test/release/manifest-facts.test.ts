import { readManifestFacts } from '../../src/release';

const HEAD = 'app:\n  id: ari:cloud:ecosystem::app/1\npermissions:\n  scopes:\n    - read:jira-work\n';

describe('readManifestFacts', () => {
  it('reads every versioned fact with the line it is written on', () => {
    const text = `${HEAD}  external:
    fetch:
      backend:
        - https://api.example.com
        - remote: backend
    images:
      - address: https://img.example.com
        inScopeEUD: false
  content:
    scripts:
      - unsafe-hashes
remotes:
  - key: backend
    baseUrl:
      default: https://r.example.com
      EU: https://eu.example.com
    operations: [compute]
providers:
  auth:
    - key: google
      clientId: abc
modules:
  jira:issuePanel:
    - key: panel
connectModules:
  jira:webhooks:
    - key: hook
`;
    const facts = readManifestFacts(text, 'manifest.yml');
    expect(facts.declared).toEqual({
      scopes: ['read:jira-work'],
      external: { 'fetch.backend': ['https://api.example.com', '{"remote":"backend"}'], images: ['{"address":"https://img.example.com","inScopeEUD":false}'] },
      content: { scripts: ['unsafe-hashes'] },
      remotes: [{ key: 'backend', baseUrl: '{"EU":"https://eu.example.com","default":"https://r.example.com"}', settings: '{"operations":["compute"]}' }],
      providers: [{ key: 'google', clientId: 'abc', settings: '{}' }],
      licensing: false,
      modules: [{ type: 'jira:issuePanel', key: 'panel' }, { type: 'connectModules.jira:webhooks', key: 'hook' }],
      settings: {},
    });
    expect(facts.positions['permissions.scopes[read:jira-work]'].line).toBe(5);
    expect(facts.positions['permissions.external.fetch.backend[https://api.example.com]'].line).toBe(9);
    expect(facts.positions['remotes[backend].baseUrl'].line).toBe(20);
    expect(facts.positions['providers.auth[google].clientId'].line).toBe(26);
    expect(facts.positions['modules.jira:issuePanel[panel]'].line).toBe(29);
  });

  it.each([
    ['malformed YAML', `${HEAD}  external: [\n`, /^base\.yml:\d+:\d+: /],
    ['a top level that is not a mapping', '- a\n- b\n', /^base\.yml:1:1: the manifest must be a map, not a list$/],
    ['remotes that are not a list', `${HEAD}remotes:\n  key: backend\n`, /^base\.yml:7:3: remotes must be a list of remotes, not a map$/],
    ['a remote without a key', `${HEAD}remotes:\n  - baseUrl: https://r.example.com\n`, /^base\.yml:7:5: remotes\[0\]\.key must be a non-empty string$/],
    ["a provider's clientId that is a list", `${HEAD}providers:\n  auth:\n    - key: g\n      clientId: [a]\n`, /^base\.yml:9:17: providers\.auth\[0\]\.clientId must be a string$/],
    ['licensing.enabled that is not a boolean', 'app:\n  licensing:\n    enabled: "yes"\n', /^base\.yml:3:14: app\.licensing\.enabled must be true or false$/],
    ['an egress list that is a string', `${HEAD}  external:\n    images: https://img.example.com\n`, /^base\.yml:7:13: permissions\.external\.images must be a list of domains, not a string \("https:\/\/img\.example\.com"\)$/],
    ['a CSP list with a number', `${HEAD}  content:\n    scripts:\n      - 1\n`, /^base\.yml:8:7: permissions\.content\.scripts must be a list of CSP keywords$/],
  ])('rejects %s, naming the file, line and field', (_name, text, message) => {
    expect(() => readManifestFacts(text, 'base.yml')).toThrow(message);
  });
});
