import type { Approval, ChangeKind } from './change-rules';
import type { ManifestChange } from './manifest-changes';

type Change = ManifestChange & { approval: Approval };

const list = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
const keyOf = (path: string) => /\[([^\]]*)\][^[]*$/.exec(path)?.[1] ?? path;

/** How each kind of change reads after "because it …"; scope additions and removals are grouped. */
const PHRASES: Record<ChangeKind, (c: ManifestChange) => string> = {
  'scope-added': (c) => `adds ${c.after}`,
  'scope-removed': (c) => `removes ${c.before}`,
  'external-added': (c) => `allows ${c.path.replace('permissions.external.', '')} egress to ${c.after}`,
  'external-removed': (c) => `drops ${c.path.replace('permissions.external.', '')} egress to ${c.before}`,
  'external-changed': (c) => `changes ${c.path}`,
  'content-changed': (c) => `${c.after !== null ? 'adds' : 'drops'} '${c.after ?? c.before}' in ${c.path}`,
  'remote-added': (c) => `adds remote ${keyOf(c.path)} (${c.after})`,
  'remote-removed': (c) => `removes remote ${keyOf(c.path)}`,
  'remote-base-url-changed': (c) => `moves remote ${keyOf(c.path)} to ${c.after}`,
  'remote-settings-changed': (c) => `changes the settings of remote ${keyOf(c.path)}`,
  'provider-added': (c) => `adds provider ${c.after}`,
  'provider-removed': (c) => `removes provider ${c.before}`,
  'provider-client-id-changed': (c) => `changes provider ${keyOf(c.path)}'s client id`,
  'provider-settings-changed': (c) => `changes the settings of provider ${keyOf(c.path)}`,
  'licensing-enabled': () => 'turns paid licensing on',
  'licensing-disabled': () => 'turns paid licensing off',
  'module-added': (c) => `adds module ${c.after}`,
  'module-removed': (c) => `removes module ${c.before}`,
  'connect-macro-or-webhook-changed': (c) => `${c.after !== null ? 'adds' : 'removes'} ${c.path}`,
  'connect-module-changed': (c) => `${c.after !== null ? 'adds' : 'removes'} ${c.path}`,
  'setting-changed': (c) => `changes ${c.path}`,
};

/** Returns the phrases describing changes ("adds write:issue:jira and read:user:jira", "removes remote r"), grouping scope changes. */
export function changePhrases(changes: readonly ManifestChange[]): string[] {
  const phrases: string[] = [];
  const added = changes.filter((c) => c.kind === 'scope-added').map((c) => c.after!);
  const removed = changes.filter((c) => c.kind === 'scope-removed').map((c) => c.before!);
  if (added.length) phrases.push(`adds ${list(added)}`);
  if (removed.length) phrases.push(`removes ${list(removed)}`);
  for (const c of changes) if (c.kind !== 'scope-added' && c.kind !== 'scope-removed') phrases.push(PHRASES[c.kind](c));
  return phrases;
}

const MAX_PHRASES = 4;
const cap = (phrases: string[]) =>
  phrases.length > MAX_PHRASES ? `${phrases.slice(0, MAX_PHRASES).join(', ')} and ${phrases.length - MAX_PHRASES} more change(s)` : list(phrases);

/** Returns the one sentence that leads every report: what the change costs the sites, and why. */
export function summarizeChanges(changes: readonly Change[]): string {
  const required = changes.filter((c) => c.approval === 'required');
  if (required.length) return `This change needs every site admin to approve a new major version because it ${cap(changePhrases(required))}.`;
  const unclear = changes.filter((c) => c.approval === 'unclear');
  if (unclear.length) {
    return `This change may need every site admin to approve a new major version: Atlassian's published rules do not say whether a change that ${cap(changePhrases(unclear))} does.`;
  }
  if (changes.length) return `This change rolls out to every site automatically (a minor version): Atlassian's rules need no approval for a change that ${cap(changePhrases(changes))}.`;
  return 'This change rolls out to every site automatically (a minor version): it changes no scope, egress, content policy, remote, provider, licensing or module.';
}
