import { loadForgeKnowledge, parseManifest, scopeNeedsFromManifest, suggestScope } from '../../src/manifest';

const knowledge = {
  eventScopes: new Map([
    ['avi:jira:created:issue', { current: ['read:jira-work'], beta: ['read:issue:jira', 'read:project:jira'] }],
    ['avi:compass:created:component', { current: ['read:component:compass'] }],
    ['avi:jira:nothing', { current: [] }],
  ]),
  moduleScopes: new Map([['bitbucket:mergeCheck', ['read:pullrequest:bitbucket']]]),
};

const manifest = (events: string[], modules = '') => parseManifest(`modules:
  trigger:
    - key: t
      function: f
      events:
${events.map((e) => `        - ${e}`).join('\n')}
${modules}`);

describe('scopeNeedsFromManifest', () => {
  it.each([
    ['a Jira event needs all classic or all granular scopes', 'avi:jira:created:issue', [['read:jira-work'], ['read:issue:jira', 'read:project:jira']]],
    ['an event without granular scopes has one alternative', 'avi:compass:created:component', [['read:component:compass']]],
  ])('%s', (_name, event, alternatives) => {
    const [need] = scopeNeedsFromManifest(manifest([event]), knowledge);
    expect(need).toEqual({ file: 'manifest.yml', line: 6, column: 11, alternatives, reason: `trigger ${event} (manifest.yml:6)`, source: 'trigger', module: 't', event });
  });

  it('needs nothing for events the mapping does not know or that need no scope', () => {
    expect(scopeNeedsFromManifest(manifest(['avi:unknown:event', 'avi:jira:nothing']), knowledge)).toEqual([]);
  });

  it('adds the scopes a module type implies, at the module key', () => {
    const needs = scopeNeedsFromManifest(manifest(['avi:unknown:event'], '  bitbucket:mergeCheck:\n    - key: mc\n      function: f\n'), knowledge);
    expect(needs).toEqual([{ file: 'manifest.yml', line: 8, column: 12, alternatives: [['read:pullrequest:bitbucket']], reason: 'module bitbucket:mergeCheck mc (manifest.yml:8)', source: 'module', module: 'mc' }]);
  });
});

describe("scopeNeedsFromManifest: @forge/manifest's remote-auth and agent-context data", () => {
  const real = loadForgeKnowledge();
  const needsOf = (yaml: string) => scopeNeedsFromManifest(parseManifest(yaml), real).map((n) => `${n.alternatives.map((a) => a.join('+')).join(' | ')} ← ${n.reason}${n.module ? ` [${n.module}]` : ''}`);

  it('needs read:app-system-token / read:app-user-token for the tokens remotes and endpoints ask Forge to pass', () => {
    const yaml = `modules:
  endpoint:
    - key: ep
      remote: backend
      auth:
        appUserToken:
          enabled: true
        appSystemToken:
          enabled: false
remotes:
  - key: backend
    baseUrl: https://backend.example.com
    auth:
      appSystemToken:
        enabled: true
  - key: other
    baseUrl: https://other.example.com
`;
    expect(needsOf(yaml)).toEqual(['read:app-user-token ← endpoint ep auth.appUserToken (manifest.yml:3) [ep]', 'read:app-system-token ← remote backend auth.appSystemToken (manifest.yml:11) [backend]']);
  });

  it("needs a Rovo agent connector's product-context scopes", () => {
    expect(needsOf('modules:\n  rovo:agentConnector:\n    - key: helper\n      productContexts:\n        - jira\n')).toEqual(['read:jira-work ← module rovo:agentConnector helper: product context jira (manifest.yml:3) [helper]']);
  });

  it('reads module titles for the verdicts to name', () => {
    expect(parseManifest('modules:\n  jira:adminPage:\n    - key: admin\n      title: Scope Inspector\n').modules[0]).toMatchObject({ key: 'admin', title: 'Scope Inspector' });
  });
});

describe('loadForgeKnowledge', () => {
  const k = loadForgeKnowledge();
  it('reads the valid scopes shipped in @forge/manifest', () => {
    expect(k.validScopes.has('read:jira-work')).toBe(true);
    expect(k.validScopes.has('storage:app')).toBe(true);
    expect(k.validScopes.has('read:jira-wrok')).toBe(false);
  });
  it('reads the event → scope mapping with classic and granular alternatives', () => {
    const e = k.eventScopes.get('avi:jira:created:issue');
    expect(e?.current).toEqual(['read:jira-work']);
    expect(e?.beta).toContain('read:issue:jira');
  });
  it('reads the module → scope mapping', () => {
    expect(k.moduleScopes.get('bitbucket:mergeCheck')).toEqual(['read:pullrequest:bitbucket']);
  });
  it('reads the remote-auth scopes and the agent product-context mapping', () => {
    expect(k.remoteAuthScopes).toEqual({ appSystemToken: 'read:app-system-token', appUserToken: 'read:app-user-token' });
    expect(k.agentContextScopes.get('confluence')?.current).toEqual(['read:confluence-content.all']);
  });
  it('is loaded once', () => {
    expect(loadForgeKnowledge()).toBe(k);
  });
});

describe('suggestScope', () => {
  const valid = loadForgeKnowledge().validScopes;
  it.each([
    ['read:jira-wrok', 'read:jira-work'],
    ['READ:JIRA-WORK', 'read:jira-work'],
    ['storage:apps', 'storage:app'],
    ['jira:read:issue', 'read:issue:jira'],
    ['read_jira_user', 'read:jira-user'],
    ['write:confluence-contents', 'write:confluence-content'],
    ['read:issues:jira', 'read:issue:jira'],
  ])('suggests %s → %s', (invalid, expected) => {
    expect(suggestScope(invalid, valid)).toBe(expected);
  });
  it.each(['totally:bogus', 'x', 'admin:everything:everywhere'])('suggests nothing for %s', (invalid) => {
    expect(suggestScope(invalid, valid)).toBeUndefined();
  });
});
