import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One documented success answer: status and a small example body. */
export interface ResponseExample {
  status: number;
  body?: unknown;
}

let cache: Record<string, ResponseExample> | undefined;

/**
 * Returns the generated examples (`local/generated/response-examples.json`, made by
 * scripts/build-response-examples.ts), keyed by operation key; empty when not generated yet.
 */
export function responseExamples(): Record<string, ResponseExample> {
  if (!cache) {
    // Next to the sources, or — when running compiled from dist/local — in the repository's local/.
    const candidates = [join(__dirname, '..', 'generated'), join(__dirname, '..', '..', '..', 'local', 'generated')];
    const file = candidates.map((dir) => join(dir, 'response-examples.json')).find((f) => existsSync(f));
    cache = file ? (JSON.parse(readFileSync(file, 'utf8')).operations as Record<string, ResponseExample>) : {};
  }
  return cache;
}
