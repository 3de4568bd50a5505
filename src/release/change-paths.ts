// The `path` of a release change names the manifest field it touches, in one spelling shared by
// the fact reader (which records where each field is written) and the diff (which reports it).

/** Path of the scope list. */
export const SCOPES_PATH = 'permissions.scopes';
/** Path of the licensing switch. */
export const LICENSING_PATH = 'app.licensing.enabled';

/** Returns the path of a `permissions.external` list (`fetch.backend`, `images`, …); '' for the section. */
export const externalPath = (list: string): string => (list ? `permissions.external.${list}` : 'permissions.external');

/** Returns the path of a `permissions.content` list (`scripts`, `styles`); '' for the section. */
export const contentPath = (list: string): string => (list ? `permissions.content.${list}` : 'permissions.content');

/** Returns the path of a remote, by key. */
export const remotePath = (key: string): string => `remotes[${key}]`;

/** Returns the path of an authentication provider, by key. */
export const providerPath = (key: string): string => `providers.auth[${key}]`;

/** Returns the path of a module (`modules.<type>[key]`, or `connectModules.<type>[key]`). */
export const modulePath = (m: { type: string; key: string }): string => (m.type.startsWith('connectModules.') ? `${m.type}[${m.key}]` : `modules.${m.type}[${m.key}]`);

/** Returns the positions key of one entry of a list path. */
export const entryPath = (path: string, entry: string): string => `${path}[${entry}]`;
