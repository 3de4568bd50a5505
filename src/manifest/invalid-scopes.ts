import { suggestScope } from './suggest-scope';
import type { ManifestInfo } from './types';

/** A declared scope that `@forge/manifest` does not know, with the likely intended one. */
export interface InvalidScope {
  name: string;
  line: number;
  column: number;
  suggestion?: string;
}

/** Returns the declared scopes missing from the valid list, each with a suggestion when one is close. */
export function invalidScopes(manifest: ManifestInfo, validScopes: ReadonlySet<string>): InvalidScope[] {
  return manifest.scopes
    .filter((s) => !validScopes.has(s.name))
    .map((s) => {
      const suggestion = suggestScope(s.name, validScopes);
      return { name: s.name, line: s.line, column: s.column, ...(suggestion ? { suggestion } : {}) };
    });
}
