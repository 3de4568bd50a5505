import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Returns the valid Forge scopes `@forge/manifest` ships, and the package version. */
export function readForgeScopes(): { scopes: Set<string>; version: string } {
  // The package's `exports` map hides its JSON files, so locate them next to its entry point.
  const out = dirname(require.resolve('@forge/manifest'));
  const read = (file: string): string[] => JSON.parse(readFileSync(join(out, 'scopes', file), 'utf8'));
  const scopes = new Set([...read('shipyard-scopes.json'), ...read('deprecated-shipyard-scopes.json')]);
  const version = JSON.parse(readFileSync(join(out, '..', 'package.json'), 'utf8')).version as string;
  return { scopes, version };
}
