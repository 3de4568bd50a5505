import { loadCatalog } from './catalog';
import { scopeKind } from './scope-kind';
import type { Operation, ScopeAlternative } from './types';

function asSet(scopes: Iterable<string>): ReadonlySet<string> {
  return scopes instanceof Set ? scopes : new Set(scopes);
}

/** Returns true when every scope of the alternative is granted. */
export function alternativeSatisfied(alternative: ScopeAlternative, granted: ReadonlySet<string>): boolean {
  for (const scope of alternative.scopes) if (!granted.has(scope)) return false;
  return true;
}

/**
 * Returns true when the granted scopes authorize the operation: all scopes of any one
 * alternative (classic or granular) are granted. Undocumented operations return true: nothing
 * documented can be missing, and callers report them separately.
 */
export function isAuthorized(operation: Operation, granted: Iterable<string>): boolean {
  if (operation.undocumented) return true;
  const set = asSet(granted);
  return operation.alternatives.some((alternative) => alternativeSatisfied(alternative, set));
}

/**
 * Returns the scopes to add so the operation is authorized (`[]` when it already is, or is
 * undocumented). See `additionFor` for the choice.
 */
export function missingScopes(operation: Operation, granted: Iterable<string>): string[] {
  return operation.undocumented ? [] : additionFor(operation.alternatives.map((a) => a.scopes), granted);
}

/**
 * Returns what to add so one of the alternatives (AND-sets) is fully granted: the alternative
 * with the fewest missing scopes, granular on a tie. When the granted set already holds
 * granular scopes (a manifest migrating to granular), a granular alternative is preferred even
 * when a classic one would add fewer scopes. `[]` when one is already met, or there are none.
 */
export function additionFor(alternatives: readonly (readonly string[])[], granted: Iterable<string>): string[] {
  const set = asSet(granted);
  let granularGranted = false;
  for (const scope of set) if (scopeKind(scope) === 'granular') granularGranted = true;
  let best: string[] | undefined;
  let bestRank = Infinity;
  for (const scopes of alternatives) {
    const missing = scopes.filter((scope) => !set.has(scope));
    if (missing.length === 0) return [];
    const granular = scopes.every((scope) => scopeKind(scope) === 'granular');
    // Rank: granular first (when migrating), then fewer scopes, then granular on a tie.
    const rank = (granularGranted && !granular ? 1e6 : 0) + missing.length * 2 + (granular ? 0 : 1);
    if (rank < bestRank) [best, bestRank] = [missing, rank];
  }
  return best ?? [];
}

/**
 * Returns the operations the scopes enable: those with a fully granted alternative. Operations
 * that need no scope at all, and undocumented ones, are not counted: no scope enables them.
 * Without `operations`, only the catalog parts whose operations name one of the scopes are loaded.
 */
export function operationsAuthorizedBy(scopes: Iterable<string>, operations?: readonly Operation[]): Operation[] {
  const set = asSet(scopes);
  return (operations ?? loadCatalog().forScopes(set)).filter(
    (op) => !op.undocumented && !op.alternatives.some((a) => a.scopes.length === 0) && op.alternatives.some((a) => alternativeSatisfied(a, set)),
  );
}
