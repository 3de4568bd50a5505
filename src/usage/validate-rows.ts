import { getOperation } from '../catalog';
import { FAMILY_OF, HTTP_METHODS, PRINCIPAL_OF, type EncodedRow } from './rows';
import { isRedactedShape } from './redact';
import { catalogVocabulary } from './vocabulary';

/** Largest count a single stored row may carry (far above any real invocation). */
export const MAX_ROW_COUNT = 1_000_000_000;

function isCount(value: unknown, max: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= max;
}

/**
 * Returns a reason the value is not a well-formed row, or undefined when it is: the right
 * arity and types, a family/method/principal code we know, counts that add up (status
 * classes never exceed calls, scope mismatches never exceed 4xx), and a template that is a
 * catalog template of that family and method (when `known`) or a valid redacted shape.
 */
export function rowProblem(row: unknown, maxCount = MAX_ROW_COUNT): string | undefined {
  if (!Array.isArray(row) || row.length !== 12) return 'row is not a 12-element array';
  const [f, method, template, known, p, calls, s2, s3, s4, s5, net, m401] = row as unknown[];
  if (typeof f !== 'string' || !(f in FAMILY_OF)) return 'unknown family';
  if (typeof method !== 'string' || !HTTP_METHODS.has(method)) return 'unknown method';
  if (typeof p !== 'string' || !(p in PRINCIPAL_OF)) return 'unknown principal';
  if (known !== 0 && known !== 1) return 'known flag is not 0 or 1';
  for (const n of [calls, s2, s3, s4, s5, net, m401]) if (!isCount(n, maxCount)) return 'count is not a non-negative integer within bounds';
  const c = row as EncodedRow;
  if (c[6] + c[7] + c[8] + c[9] + c[10] > c[5]) return 'status counts exceed calls';
  if (c[11] > c[8]) return 'scope-mismatch 401s exceed 4xx';
  if (typeof template !== 'string') return 'template is not a string';
  if (known === 1) {
    const op = getOperation(`${method} ${template}`);
    if (!op || op.family !== FAMILY_OF[f as keyof typeof FAMILY_OF]) return 'template is not a catalog operation of that family';
  } else if (!isRedactedShape(template, catalogVocabulary())) {
    return 'template is neither a catalog template nor a redacted shape';
  }
  return undefined;
}
