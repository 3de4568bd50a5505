/** Misspellings seen in real manifests, mapped to what was meant (checked before edit distance). */
const COMMON: Record<string, string> = {
  'read:jira-issue': 'read:jira-work',
  'write:jira-issue': 'write:jira-work',
  'read:confluence-page': 'read:confluence-content.all',
  'storage:apps': 'storage:app',
  'app:storage': 'storage:app',
};

const fold = (name: string): string => name.trim().toLowerCase().replace(/[_\s]+/g, '-');
const sortedParts = (name: string): string => name.split(':').sort().join(':');

/** The distinct bigrams of a name padded with `^` and `$` (`ab` → `^a`, `ab`, `b$`), as numbers: no strings to allocate. */
function bigrams(name: string): number[] {
  const out = new Set<number>();
  let prev = 0x5e; // ^
  for (let i = 0; i <= name.length; i++) {
    const c = i < name.length ? name.charCodeAt(i) : 0x24; // $
    out.add(prev * 0x10000 + c);
    prev = c;
  }
  return [...out];
}

/** An index of the valid scope names for suggestions: built once, then each suggestion costs a bounded amount of work. */
class ScopeIndex {
  private readonly set: Set<string>;
  private readonly folded = new Map<string, string>();
  private readonly swapped = new Map<string, string>();
  /** Valid names, sorted: the first met at the best distance is the smallest, as ties are broken. */
  private readonly names: string[];
  /** Bigram → ids of the valid names holding it. */
  private readonly postings = new Map<number, number[]>();
  /** Per valid name, the bigrams it shares with the query being answered (zeroed after each). */
  private readonly shared: Uint16Array;
  private prev = new Uint32Array(64);
  private cur = new Uint32Array(64);

  constructor(valid: Iterable<string>) {
    this.names = [...new Set(valid)].sort();
    this.set = new Set(this.names);
    this.shared = new Uint16Array(this.names.length);
    this.names.forEach((v, id) => {
      if (!this.folded.has(v.toLowerCase())) this.folded.set(v.toLowerCase(), v);
      if (!this.swapped.has(sortedParts(v))) this.swapped.set(sortedParts(v), v);
      for (const g of bigrams(v)) {
        const list = this.postings.get(g);
        if (list) list.push(id);
        else this.postings.set(g, [id]);
      }
    });
  }

  suggest(invalid: string): string | undefined {
    const known = COMMON[invalid.trim().toLowerCase()];
    if (known && this.set.has(known)) return known;
    const folded = fold(invalid);
    const same = this.folded.get(folded);
    if (same) return same;
    // Granular scopes swap parts easily (`jira:read:issue`).
    const swapped = this.swapped.get(sortedParts(folded));
    if (swapped) return swapped;
    const max = Math.max(2, Math.floor(folded.length / 5));
    // k edits destroy at most 2k of a name's distinct bigrams: a name within `max` edits shares
    // at least `needed` with the query. Counting shared bigrams costs one pass over their postings.
    const grams = bigrams(folded);
    const needed = grams.length - 2 * max;
    if (needed <= 0) return this.nearest(folded, max, this.names.map((_, id) => id), () => true);
    const touched: number[] = [];
    for (const g of grams) {
      for (const id of this.postings.get(g) ?? []) if (this.shared[id]++ === 0) touched.push(id);
    }
    const candidates = touched.filter((id) => this.shared[id] >= needed && Math.abs(this.names[id].length - folded.length) <= max);
    // Most bigrams in common first: the best match is likely met early, which tightens the bound.
    candidates.sort((a, b) => this.shared[b] - this.shared[a] || a - b);
    const best = this.nearest(folded, max, candidates, (id, limit) => this.shared[id] >= grams.length - 2 * limit);
    for (const id of touched) this.shared[id] = 0;
    return best;
  }

  /** The nearest of the candidate names within `max` edits (the smallest name among equals); `close` may rule one out for a limit. */
  private nearest(folded: string, max: number, ids: number[], close: (id: number, limit: number) => boolean): string | undefined {
    let best: string | undefined;
    let bestD = max + 1;
    for (const id of ids) {
      const v = this.names[id];
      const limit = Math.min(max, bestD);
      if (Math.abs(v.length - folded.length) > limit || !close(id, limit)) continue;
      const d = this.distance(folded, v, limit);
      if (d < bestD || (d === bestD && best !== undefined && v < best)) {
        best = v;
        bestD = d;
      }
    }
    return bestD <= max ? best : undefined;
  }

  /**
   * Levenshtein distance, or `max + 1` once it exceeds `max`. Only cells within `max` of the
   * diagonal can hold a distance up to `max` (Ukkonen), so each row computes at most 2·max + 1.
   */
  private distance(a: string, b: string, max: number): number {
    const big = max + 1;
    if (Math.abs(a.length - b.length) > max) return big;
    if (this.prev.length <= b.length + 1) {
      this.prev = new Uint32Array(b.length + 2);
      this.cur = new Uint32Array(b.length + 2);
    }
    let prev = this.prev;
    let cur = this.cur;
    for (let j = 0; j <= b.length + 1; j++) prev[j] = j <= max ? j : big;
    for (let i = 1; i <= a.length; i++) {
      const lo = Math.max(1, i - max);
      const hi = Math.min(b.length, i + max);
      cur[0] = i <= max ? i : big;
      cur[lo - 1] = lo > 1 ? big : cur[0];
      let rowMin = lo > 1 ? big : cur[0];
      const ca = a.charCodeAt(i - 1);
      for (let j = lo; j <= hi; j++) {
        const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1), big);
        cur[j] = v;
        if (v < rowMin) rowMin = v;
      }
      cur[hi + 1] = big;
      if (rowMin > max) return big;
      const row = prev;
      prev = cur;
      cur = row;
    }
    return Math.min(prev[b.length], big);
  }
}

const indexes = new WeakMap<object, ScopeIndex>();

/** Returns the suggestion index of a valid-scope collection, built on first use (kept while the collection lives). */
export function scopeIndex(valid: Iterable<string>): { suggest(invalid: string): string | undefined } {
  let index = indexes.get(valid);
  if (!index) {
    index = new ScopeIndex(valid);
    indexes.set(valid, index);
  }
  return index;
}

/**
 * Returns the valid scope an invalid one most likely meant, or undefined when nothing is close:
 * a known misspelling, the same name in another case, or the nearest name by edit distance.
 */
export function suggestScope(invalid: string, validList: Iterable<string>): string | undefined {
  return scopeIndex(validList).suggest(invalid);
}
