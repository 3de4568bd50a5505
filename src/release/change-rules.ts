// Atlassian's published rules for Forge versions, as data: which manifest changes make a deploy a
// major version (every site admin must approve it) and which roll out automatically (minor).
// Each rule quotes its source; docs/release-guard.md lists the same table. Where the sources say
// nothing, the rule is `unclear` with the reason: this table never guesses "minor".

/** Whether a change needs every site admin's approval (a major version). */
export type Approval = 'required' | 'not-required' | 'unclear';

/** The kinds of manifest change the release guard recognises. */
export type ChangeKind =
  | 'scope-added'
  | 'scope-removed'
  | 'external-added'
  | 'external-removed'
  | 'external-changed'
  | 'content-changed'
  | 'remote-added'
  | 'remote-removed'
  | 'remote-base-url-changed'
  | 'remote-settings-changed'
  | 'provider-added'
  | 'provider-removed'
  | 'provider-client-id-changed'
  | 'provider-settings-changed'
  | 'licensing-enabled'
  | 'licensing-disabled'
  | 'module-added'
  | 'module-removed'
  | 'connect-macro-or-webhook-changed'
  | 'connect-module-changed'
  | 'setting-changed';

/** A published source the rules quote. */
export interface RuleSource {
  title: string;
  url: string;
}

export const RULE_SOURCES = {
  'forge-versions': { title: 'Forge: App versions', url: 'https://developer.atlassian.com/platform/forge/versions/' },
  'connect-vs-forge': {
    title: 'Versioning in Connect vs Forge — "Requires Admin approval in Forge?" column',
    url: 'https://developer.atlassian.com/platform/adopting-forge-from-connect/versioning-in-connect-vs-forge/',
  },
  'scope-equivalences': {
    title: 'Connect to OAuth 2.0 scope equivalences',
    url: 'https://developer.atlassian.com/platform/adopting-forge-from-connect/connect-to-oauth2-scope-equivalences',
  },
  'rfc-71': {
    title: 'RFC-71: Improving Connect to Forge and Forge Platform Upgrades',
    url: 'https://community.developer.atlassian.com/t/rfc-71-improving-connect-to-forge-and-forge-platform-upgrades/85416',
  },
  'rolling-releases': { title: 'Forge: Rolling releases (EAP)', url: 'https://developer.atlassian.com/platform/forge/rolling-releases' },
} as const satisfies Record<string, RuleSource>;

/** Identifier of a published source. */
export type SourceId = keyof typeof RULE_SOURCES;

/** One rule: the approval it implies, what it says in our words, and the published text it rests on. */
export interface ReleaseRule {
  approval: Approval;
  says: string;
  quotes: { source: SourceId; text: string }[];
  /** For `unclear`: why the sources do not settle it. */
  reason?: string;
}

const TABLE_ROW = (row: string, marked: boolean) => ({
  source: 'connect-vs-forge' as const,
  text: `Row "${row}": ${marked ? 'marked "Yes"' : 'not marked'} under "Requires Admin approval in Forge?"`,
});

export const RELEASE_RULES = {
  scopes: {
    approval: 'required',
    says: 'Adding, removing or changing scopes needs every site admin to approve a new major version.',
    quotes: [
      TABLE_ROW('Increases or changes to scopes', true),
      { source: 'scope-equivalences', text: 'Currently any changes to the set of scopes declared by an app in their Forge Manifest will trigger an admin-approved update.' },
    ],
  },
  external: {
    approval: 'required',
    says: 'Adding, removing or changing a permissions.external entry (egress: fetch, images, scripts, styles, frames, media, fonts…) needs approval.',
    quotes: [
      TABLE_ROW('Modifying external permissions CSP options and URLs', true),
      { source: 'rfc-71', text: 'they are required to add egress permissions, remotes and additional scopes. The addition of each of these properties results in a new Forge major version today.' },
    ],
  },
  content: {
    approval: 'required',
    says: 'Changing permissions.content (the Custom UI content security policy) needs approval.',
    quotes: [TABLE_ROW('Modifying content permissions CSP options', true)],
  },
  'remote-added': {
    approval: 'required',
    says: 'Adding a remote needs approval.',
    quotes: [TABLE_ROW('Adding of a new Remote', true), { source: 'rfc-71', text: 'The addition of each of these properties results in a new Forge major version today.' }],
  },
  'remote-base-url': {
    approval: 'required',
    says: "Changing a remote's baseUrl needs approval.",
    quotes: [TABLE_ROW('Changing the baseUrl of a Remote', true), { source: 'rolling-releases', text: 'Rolling releases decouple permissions (scopes, egress, and remotes) from app code versions.' }],
  },
  'remote-removed': {
    approval: 'unclear',
    says: 'Removing a remote: not covered by the published rules.',
    quotes: [TABLE_ROW('Adding of a new Remote', true)],
    reason: "Atlassian's table lists adding a remote and changing its baseUrl; it says nothing about removing one.",
  },
  'remote-settings': {
    approval: 'unclear',
    says: "Changing a remote's other fields (auth tokens, operations, storage, configurable): not covered by the published rules.",
    quotes: [{ source: 'rolling-releases', text: 'Rolling releases decouple permissions (scopes, egress, and remotes) from app code versions.' }],
    reason: "the published rules name a remote's baseUrl only; remotes count as permissions, so other remote fields may need approval too.",
  },
  providers: {
    approval: 'required',
    says: 'Adding or removing an authentication provider needs approval.',
    quotes: [TABLE_ROW('Adding or removing a provider', true)],
  },
  'provider-client-id': {
    approval: 'required',
    says: "Changing a provider's client id needs approval.",
    quotes: [TABLE_ROW('Changing a provider client ID', true)],
  },
  'provider-settings': {
    approval: 'unclear',
    says: "Changing a provider's other fields (scopes, remotes, actions…): not covered by the published rules.",
    quotes: [TABLE_ROW('Changing a provider client ID', true)],
    reason: "the published rules name a provider's client id only.",
  },
  licensing: {
    approval: 'required',
    says: 'Switching licensing on or off (free ↔ paid) needs approval.',
    quotes: [TABLE_ROW('Licensing updated between Free and Paid', true)],
  },
  modules: {
    approval: 'not-required',
    says: 'Adding, changing or removing Forge modules rolls out automatically (a minor version).',
    quotes: [
      TABLE_ROW('Adding, updating or removing Forge modules', false),
      { source: 'forge-versions', text: 'Forge automatically updates all installed apps to the latest minor version of their major version (without requiring admin consent).' },
    ],
  },
  'connect-macros-webhooks': {
    approval: 'not-required',
    says: 'Adding, changing or removing Connect macros or webhooks rolls out automatically.',
    quotes: [TABLE_ROW('Adding, updating or removing Connect Macros or Webhooks', false)],
  },
  'connect-modules': {
    approval: 'unclear',
    says: 'Adding or removing other connectModules entries: not covered by the published rules.',
    quotes: [TABLE_ROW('Adding, updating or removing Connect Macros or Webhooks', false)],
    reason: 'the published table covers Connect macros and webhooks only.',
  },
  settings: {
    approval: 'unclear',
    says: 'Other permission and licensing settings: not covered by the published rules.',
    quotes: [{ source: 'forge-versions', text: 'Major versions involve significant app changes that require site admins to review them first.' }],
    reason: "Atlassian's published rules do not mention this setting.",
  },
} as const satisfies Record<string, ReleaseRule>;

/** Identifier of a rule. */
export type RuleId = keyof typeof RELEASE_RULES;

/** The rule each kind of change falls under: the classification, as data. */
export const CHANGE_RULES: Record<ChangeKind, RuleId> = {
  'scope-added': 'scopes',
  'scope-removed': 'scopes',
  'external-added': 'external',
  'external-removed': 'external',
  'external-changed': 'external',
  'content-changed': 'content',
  'remote-added': 'remote-added',
  'remote-removed': 'remote-removed',
  'remote-base-url-changed': 'remote-base-url',
  'remote-settings-changed': 'remote-settings',
  'provider-added': 'providers',
  'provider-removed': 'providers',
  'provider-client-id-changed': 'provider-client-id',
  'provider-settings-changed': 'provider-settings',
  'licensing-enabled': 'licensing',
  'licensing-disabled': 'licensing',
  'module-added': 'modules',
  'module-removed': 'modules',
  'connect-macro-or-webhook-changed': 'connect-macros-webhooks',
  'connect-module-changed': 'connect-modules',
  'setting-changed': 'settings',
};

/** Returns the rule a kind of change falls under. */
export function ruleOf(kind: ChangeKind): ReleaseRule & { id: RuleId } {
  const id = CHANGE_RULES[kind];
  return { id, ...RELEASE_RULES[id] };
}
