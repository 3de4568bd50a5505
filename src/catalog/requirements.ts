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
 * undocumented). Granular is preferred: the granular alternative with the fewest missing
 * scopes, unless the granted set is classic-only (a classic-style manifest), where the classic
 * alternative with the fewest missing scopes is preferred. Without an alternative of the
 * preferred kind, the fewest missing overall; ties keep document order.
 */
export function missingScopes(operation: Operation, granted: Iterable<string>): string[] {
  if (operation.undocumented) return [];
  const set = asSet(granted);
  let classicGranted = false;
  let granularGranted = false;
  for (const scope of set) {
    if (scopeKind(scope) === 'granular') granularGranted = true;
    else classicGranted = true;
  }
  const preferred = classicGranted && !granularGranted ? 'classic' : 'granular';
  let best: string[] | undefined;
  let bestPreferred = false;
  for (const alternative of operation.alternatives) {
    const missing = alternative.scopes.filter((scope) => !set.has(scope));
    if (missing.length === 0) return [];
    const isPreferred = alternative.kind === preferred;
    if (!best || (isPreferred && !bestPreferred) || (isPreferred === bestPreferred && missing.length < best.length)) {
      best = missing;
      bestPreferred = isPreferred;
    }
  }
  return best ?? [];
}

/**
 * Returns the operations the scopes enable: those with a fully granted alternative. Operations
 * that need no scope at all, and undocumented ones, are not counted: no scope enables them.
 */
export function operationsAuthorizedBy(scopes: Iterable<string>, operations: readonly Operation[] = loadCatalog().operations): Operation[] {
  const set = asSet(scopes);
  return operations.filter(
    (op) => !op.undocumented && !op.alternatives.some((a) => a.scopes.length === 0) && op.alternatives.some((a) => alternativeSatisfied(a, set)),
  );
}
