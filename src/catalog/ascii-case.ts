/**
 * Returns a string with its ASCII letters upper-cased and nothing else changed. `toUpperCase()`
 * folds by Unicode rules ("poſt" → "POST", "optıons" → "OPTIONS"), which no HTTP stack does.
 */
export function asciiUpperCase(text: string): string {
  return text.replace(/[a-z]+/g, (m) => m.toUpperCase());
}
