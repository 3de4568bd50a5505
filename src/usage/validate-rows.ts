import { getOperation } from '../catalog';
import { COL, FAMILY_OF, HTTP_METHODS, ROW_LENGTH, SOURCE_OF, type EncodedRow } from './rows';
import { isRedactedShape } from './redact';
import { SURFACE_OF, identityProblem, isSurfaceCode } from './surfaces';
import { catalogVocabulary } from './vocabulary';

/** Largest count a single stored row may carry (far above any real invocation). */
export const MAX_ROW_COUNT = 1_000_000_000;

function isCount(value: unknown, max: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= max;
}

/**
 * Returns a reason the value is not a well-formed row (current layout; `upgradeRow` first for
 * stored version-1 rows), or undefined when it is: the right arity and types, a family/method/
 * source code we know, counts that add up (status classes and platform errors never exceed
 * calls, scope mismatches never exceed 4xx), and a template that is a
 * catalog template of that family and method (when `known`) or a valid redacted shape; for a
 * surface row, an identity that surface can have (`src/usage/surfaces.ts`).
 */
export function rowProblem(row: unknown, maxCount = MAX_ROW_COUNT): string | undefined {
  if (!Array.isArray(row) || row.length !== ROW_LENGTH) return `row is not a ${ROW_LENGTH}-element array`;
  const [f, method, template, known, p, ...counts] = row as unknown[];
  const surface = isSurfaceCode(f) ? SURFACE_OF[f] : undefined;
  if (typeof f !== 'string' || (!surface && !Object.hasOwn(FAMILY_OF, f))) return 'unknown family';
  if (typeof method !== 'string' || !HTTP_METHODS.has(method)) return 'unknown method';
  if (typeof p !== 'string' || !Object.hasOwn(SOURCE_OF, p)) return 'unknown principal';
  if (known !== 0 && known !== 1) return 'known flag is not 0 or 1';
  for (const n of counts) if (!isCount(n, maxCount)) return 'count is not a non-negative integer within bounds';
  const c = row as EncodedRow;
  if (c[COL.s2] + c[COL.s3] + c[COL.s4] + c[COL.s5] + c[COL.network] + c[COL.needsAuthentication] + c[COL.proxyError] > c[COL.calls]) return 'status counts exceed calls';
  if (c[COL.scopeMismatch401] > c[COL.s4]) return 'scope-mismatch 401s exceed 4xx';
  if (typeof template !== 'string') return 'template is not a string';
  if (surface) return identityProblem(surface, template, known);
  if (known === 1) {
    const op = getOperation(`${method} ${template}`);
    if (!op || op.family !== FAMILY_OF[f as keyof typeof FAMILY_OF]) return 'template is not a catalog operation of that family';
  } else if (!isRedactedShape(template, catalogVocabulary())) {
    return 'template is neither a catalog template nor a redacted shape';
  }
  return undefined;
}
