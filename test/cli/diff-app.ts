// A small Forge app whose manifest the release-guard tests change one field at a time.

/** The parts of the manifest the tests vary. */
export interface AppParts {
  scopes?: string[];
  /** YAML lines under `permissions:` after the scopes (external, content…), indented two spaces. */
  permissions?: string;
  /** Top-level YAML sections (remotes, providers). */
  sections?: string;
  licensing?: boolean;
  /** Extra module entries under `modules:`, indented two spaces. */
  modules?: string;
}

/** Returns manifest.yml text for these parts. */
export function manifestOf(parts: AppParts = {}): string {
  const scopes = parts.scopes ?? ['read:jira-work'];
  return [
    '# Release guard test app',
    'app:',
    '  id: ari:cloud:ecosystem::app/00000000-0000-0000-0000-000000000042',
    ...(parts.licensing === undefined ? [] : ['  licensing:', `    enabled: ${parts.licensing}`]),
    'modules:',
    '  function:',
    '    - key: main',
    '      handler: index.run',
    ...(parts.modules ? [parts.modules.replace(/\n$/, '')] : []),
    'permissions:',
    '  scopes:',
    ...scopes.map((s) => `    - ${s}`),
    ...(parts.permissions ? [parts.permissions.replace(/\n$/, '')] : []),
    ...(parts.sections ? [parts.sections.replace(/\n$/, '')] : []),
    '',
  ].join('\n');
}

/** The app's code: reads an issue (line 3) and writes an issue property (line 4), which read:jira-work does not authorize. */
export const INDEX_TS = `import api, { route } from '@forge/api';
export async function run(key: string) {
  await api.asApp().requestJira(route\`/rest/api/3/issue/\${key}\`);
  await api.asApp().requestJira(route\`/rest/api/3/issue/\${key}/properties/seen\`, { method: 'PUT', body: '{}' });
}
`;

/** New code that comments on an issue (line 3). */
export const COMMENT_TS = `import api, { route } from '@forge/api';
export async function comment(key: string) {
  await api.asApp().requestJira(route\`/rest/api/3/issue/\${key}/comment\`, { method: 'POST', body: '{}' });
}
`;

/** A `providers` section with one OAuth provider, `google`, and extra YAML lines under it. */
export const providerYaml = (clientId: string, extra = '') => `providers:
  auth:
    - key: google
      name: Google
      type: oauth2
      clientId: ${clientId}
      bearerMethod: authorization-header
      actions: {}
${extra}`;
