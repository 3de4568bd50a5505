/** Misspellings seen in real manifests, mapped to what was meant (checked before edit distance). */
const COMMON: Record<string, string> = {
  'read:jira-issue': 'read:jira-work',
  'write:jira-issue': 'write:jira-work',
  'read:confluence-page': 'read:confluence-content.all',
  'storage:apps': 'storage:app',
  'app:storage': 'storage:app',
};

/** Levenshtein distance, with an early exit once it exceeds `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * Returns the valid scope an invalid one most likely meant, or undefined when nothing is close:
 * a known misspelling, the same name in another case, or the nearest name by edit distance.
 */
export function suggestScope(invalid: string, validList: Iterable<string>): string | undefined {
  const valid = [...validList];
  const set = new Set(valid);
  const known = COMMON[invalid.trim().toLowerCase()];
  if (known && set.has(known)) return known;
  const folded = invalid.trim().toLowerCase().replace(/[_\s]+/g, '-');
  const same = valid.find((v) => v.toLowerCase() === folded);
  if (same) return same;
  // Granular scopes swap parts easily (`jira:read:issue`); compare the sorted parts too.
  const parts = folded.split(':').sort().join(':');
  const swapped = valid.find((v) => v.split(':').sort().join(':') === parts);
  if (swapped) return swapped;
  const max = Math.max(2, Math.floor(folded.length / 5));
  let best: string | undefined;
  let bestD = max + 1;
  for (const v of valid) {
    const d = distance(folded, v, Math.min(max, bestD));
    if (d < bestD || (d === bestD && best !== undefined && v < best)) { best = v; bestD = d; }
  }
  return bestD <= max ? best : undefined;
}
