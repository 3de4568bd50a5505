import { operations } from '../catalog';

let cached: ReadonlySet<string> | undefined;

/**
 * Returns the literal path segments of every catalog template (`rest`, `api`, `3`, `issue`,
 * ...): the only words a redacted shape may keep. Built once, on first use.
 */
export function catalogVocabulary(): ReadonlySet<string> {
  if (cached) return cached;
  const words = new Set<string>();
  for (const op of operations()) {
    for (const segment of op.template.split('/')) {
      if (segment !== '' && !segment.includes('{') && !segment.includes('}')) words.add(segment);
    }
  }
  cached = words;
  return words;
}
