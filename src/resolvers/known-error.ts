import { ScopeInspectorError } from '../errors';
import type { ResolverError } from './contract';

/** Codes a resolver reports as `{ ok: false }` instead of throwing. */
const KNOWN = new Set(['NOT_ADMIN', 'WRONG_MODULE', 'INVALID_INPUT', 'USAGE_READ_FAILED', 'USAGE_BUSY']);

/** Runs a resolver body: known failures become `{ ok: false, code, message }`, unknown ones are rethrown. */
export async function answer<T>(body: () => Promise<T>): Promise<T | ResolverError> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof ScopeInspectorError && KNOWN.has(error.code)) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}

/** Throws the resolvers' input error naming the field. */
export function invalidInput(field: string, expected: string): never {
  throw new ScopeInspectorError('INVALID_INPUT', `${field}: expected ${expected}`);
}
