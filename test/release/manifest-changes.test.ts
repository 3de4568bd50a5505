import { approvalCost, readManifestFacts, scopeChangeCost, type Approval, type ChangeKind } from '../../src/release';
import { providerYaml } from '../cli/diff-app';

/** A manifest with the given extra YAML sections after a fixed app and function module. */
const manifest = (extra = '', scopes = ['read:jira-work']) => `app:
  id: ari:cloud:ecosystem::app/1
modules:
  function:
    - key: main
      handler: index.run
permissions:
  scopes:
${scopes.map((s) => `    - ${s}`).join('\n')}
${extra}`;

const cost = (before: string, after: string) => approvalCost(readManifestFacts(before, 'base.yml').declared, readManifestFacts(after, 'manifest.yml').declared);

const EGRESS = (entries: string) => `  external:
    fetch:
      backend:
${entries}
`;
const REMOTE = (body: string) => `remotes:
  - key: backend
${body}
`;
const PROVIDER = providerYaml;

// [name, base extra, head extra, expected changes (kind, approval)]
const CASES: [string, string, string, [ChangeKind, Approval][]][] = [
  ['nothing changes', '', '', []],
  ['a fetch.backend domain is added', '', EGRESS('        - https://api.example.com'), [['external-added', 'required']]],
  ['an images domain is removed', '  external:\n    images:\n      - https://img.example.com\n', '', [['external-removed', 'required']]],
  ['the same domain gains a category', EGRESS('        - https://a.example.com'), EGRESS('        - address: https://a.example.com\n          category: analytics'), [['external-changed', 'required']]],
  ['egress entries are only reordered', EGRESS('        - https://a.example.com\n        - https://b.example.com'), EGRESS('        - https://b.example.com\n        - https://a.example.com'), []],
  ['customer-managed egress is switched on', '', '  external:\n    configurable:\n      enabled: true\n', [['external-changed', 'required']]],
  ['a CSP keyword is added to permissions.content', '', "  content:\n    styles:\n      - 'unsafe-inline'\n", [['content-changed', 'required']]],
  ['a remote is added', '', REMOTE('    baseUrl: https://r.example.com'), [['remote-added', 'required']]],
  ['a remote is removed', REMOTE('    baseUrl: https://r.example.com'), '', [['remote-removed', 'unclear']]],
  ["a remote's baseUrl changes", REMOTE('    baseUrl: https://r.example.com'), REMOTE('    baseUrl: https://r2.example.com'), [['remote-base-url-changed', 'required']]],
  ['region baseUrls are only reordered', REMOTE('    baseUrl:\n      default: https://r.example.com\n      EU: https://eu.example.com'), REMOTE('    baseUrl:\n      EU: https://eu.example.com\n      default: https://r.example.com'), []],
  ["a remote's app system token is enabled", REMOTE('    baseUrl: https://r.example.com'), REMOTE('    baseUrl: https://r.example.com\n    auth:\n      appSystemToken:\n        enabled: true'), [['remote-settings-changed', 'unclear']]],
  ['a provider is added', '', PROVIDER('abc'), [['provider-added', 'required']]],
  ['a provider is removed', PROVIDER('abc'), '', [['provider-removed', 'required']]],
  ["a provider's client id changes", PROVIDER('abc'), PROVIDER('xyz'), [['provider-client-id-changed', 'required']]],
  ["a provider's scopes change", PROVIDER('abc'), PROVIDER('abc', '      scopes:\n        - profile\n'), [['provider-settings-changed', 'unclear']]],
  ['a Forge module is added', '', 'modules:\n  jira:issuePanel:\n    - key: panel\n      title: P\n', [['module-added', 'not-required']]],
  ['a Connect macro is added', '', 'connectModules:\n  confluence:dynamicContentMacros:\n    - key: macro\n', [['connect-macro-or-webhook-changed', 'not-required']]],
  ['another Connect module is added', '', 'connectModules:\n  jira:generalPages:\n    - key: page\n', [['connect-module-changed', 'unclear']]],
  ['rolling releases are switched on (permissions.enforcement)', '', '  enforcement: app-managed\n', [['setting-changed', 'unclear']]],
];

describe('manifest changes and their approval', () => {
  it.each(CASES)('%s', (_name, baseExtra, headExtra, expected) => {
    // A second `modules:` key would be a YAML error: module cases extend the fixed one.
    const build = (extra: string) => (extra.startsWith('modules:') ? manifest().replace('modules:\n', extra) : manifest(extra));
    const result = cost(build(baseExtra), build(headExtra));
    expect(result.changes.map((c) => [c.kind, c.approval])).toEqual(expected);
    const overall = expected.some(([, a]) => a === 'required') ? 'required' : expected.some(([, a]) => a === 'unclear') ? 'unclear' : 'not-required';
    expect(result.approval).toBe(overall);
    for (const c of result.changes) if (c.approval === 'unclear') expect(c.reason).toEqual(expect.any(String));
  });

  it('licensing on and off both need approval; an absent licensing block means off', () => {
    const off = manifest().replace('  id: ari:cloud:ecosystem::app/1\n', '  id: ari:cloud:ecosystem::app/1\n  licensing:\n    enabled: false\n');
    const on = off.replace('enabled: false', 'enabled: true');
    expect(cost(manifest(), off).changes).toEqual([]);
    expect(cost(off, on).changes.map((c) => [c.kind, c.approval])).toEqual([['licensing-enabled', 'required']]);
    expect(cost(on, manifest()).changes.map((c) => [c.kind, c.approval])).toEqual([['licensing-disabled', 'required']]);
  });

  it('a scope added or removed needs approval, and the sentence names the scope', () => {
    const added = cost(manifest(), manifest('', ['read:jira-work', 'write:issue:jira']));
    expect(added.summary).toBe('This change needs every site admin to approve a new major version because it adds write:issue:jira.');
    const swapped = scopeChangeCost(['read:jira-work'], ['read:issue:jira', 'read:project:jira']);
    expect(swapped.changes.map((c) => `${c.kind} ${c.before ?? c.after}`)).toEqual(['scope-added read:issue:jira', 'scope-added read:project:jira', 'scope-removed read:jira-work']);
    expect(swapped.summary).toBe('This change needs every site admin to approve a new major version because it adds read:issue:jira and read:project:jira and removes read:jira-work.');
    // Only removals: Atlassian says any change to the set of scopes triggers an admin-approved update.
    expect(scopeChangeCost(['read:jira-work', 'write:jira-work'], ['read:jira-work']).approval).toBe('required');
    expect(scopeChangeCost(['read:jira-work'], ['read:jira-work']).approval).toBe('not-required');
  });

  it('says "may need" for unclear changes and "rolls out automatically" for module-only changes, never guessing minor', () => {
    const remote = REMOTE('    baseUrl: https://r.example.com');
    expect(cost(manifest() + remote, manifest()).summary).toMatch(/^This change may need every site admin to approve a new major version: Atlassian's published rules do not say whether a change that removes remote backend does\.$/);
    const withPanel = manifest().replace('modules:\n', 'modules:\n  jira:issuePanel:\n    - key: panel\n      title: P\n');
    expect(cost(manifest(), withPanel).summary).toBe("This change rolls out to every site automatically (a minor version): Atlassian's rules need no approval for a change that adds module panel.");
  });
});
