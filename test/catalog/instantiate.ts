/** Realistic values for template parameters, chosen by the parameter's name. */
const VALUES: [RegExp, string][] = [
  [/^path$/, 'src/main/index.ts'],
  [/issueIdOrKey|issueKey|IdOrKey$/i, 'ABC-123'],
  [/accountId/i, '5b10ac8d82e05b22cc7d4ef5'],
  [/uuid|^id$|Uuid$/i, '3f2c1b7e-8a4d-4e0f-9b6a-2d5c7e1f0a93'],
  [/spec/i, 'main..feature%2Fx'],
  [/commit|revision|node/i, '9fceb02d0ae598e95dc970b74767f19372d61af8'],
  [/workspace|username|selected_user/i, '%7B1a2b3c4d-5e6f%7D'],
  [/slug/i, 'my-repo.name'],
  [/key/i, 'com.example.my-key'],
  [/name/i, 'Release%201.0'],
  [/id$/i, '10001'],
];

/** Returns the concrete path for a template, each parameter replaced by a realistic value. */
export function instantiate(template: string, variant = 0): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    if (variant === 1) return `~${name.length}x.y-z`;
    const value = VALUES.find(([pattern]) => pattern.test(name))?.[1] ?? 'value-1.x';
    return value;
  });
}
