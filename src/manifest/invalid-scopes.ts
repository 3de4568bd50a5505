import { scopeIndex } from './suggest-scope';
import type { ManifestInfo } from './types';

/** A declared scope that `@forge/manifest` does not know, why, and the likely intended one. */
export interface InvalidScope {
  name: string;
  line: number;
  column: number;
  /** For people: `not a scope @forge/manifest knows`, `empty scope name`, `spaces around the name`. */
  reason: string;
  suggestion?: string;
}

/** A scope declared again: where, and where it was first declared. */
export interface DuplicateScope {
  name: string;
  line: number;
  column: number;
  first: { line: number; column: number };
}

function reasonOf(name: string): string {
  if (name === '') return 'empty scope name';
  if (name.trim() === '') return 'blank scope name (only spaces)';
  if (name.trim() !== name) return 'spaces around the name';
  return 'not a scope @forge/manifest knows';
}

/**
 * Returns the declared scopes missing from the valid list, each with why and a suggestion when
 * one is close. Linear: the valid list is indexed once, and a name declared twice is looked up once.
 */
export function invalidScopes(manifest: ManifestInfo, validScopes: ReadonlySet<string>): InvalidScope[] {
  const suggestions = new Map<string, string | undefined>();
  return manifest.scopes
    .filter((s) => !validScopes.has(s.name))
    .map((s) => {
      // The index is built on the first invalid name: a manifest of valid scopes never pays for it.
      if (!suggestions.has(s.name)) suggestions.set(s.name, s.name.trim() === '' ? undefined : scopeIndex(validScopes).suggest(s.name));
      const suggestion = suggestions.get(s.name);
      return { name: s.name, line: s.line, column: s.column, reason: reasonOf(s.name), ...(suggestion ? { suggestion } : {}) };
    });
}

/** Returns every scope declared more than once, each repeat pointing at the first declaration (the manifest's, or any declared list). */
export function duplicateScopes(manifest: { readonly scopes: readonly ManifestInfo['scopes'][number][] }): DuplicateScope[] {
  const first = new Map<string, { line: number; column: number }>();
  const out: DuplicateScope[] = [];
  for (const s of manifest.scopes) {
    const seen = first.get(s.name);
    if (seen) out.push({ name: s.name, line: s.line, column: s.column, first: seen });
    else first.set(s.name, { line: s.line, column: s.column });
  }
  return out;
}
