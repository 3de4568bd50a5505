import { alternativeSatisfied } from '../catalog/requirements';
import { scopeKind } from '../catalog/scope-kind';
import type { Operation } from '../catalog/types';

/** Something that needs scopes: met when every scope of any one alternative is granted. */
export interface Need {
  id: string;
  alternatives: readonly (readonly string[])[];
}

/** Result of the least-privilege search. */
export interface PlanResult {
  scopes: string[];
  cost: number;
  search: 'exact' | 'greedy';
  combinationsTried: number;
}

/** Exact search is used while the number of combinations stays at or under this. */
export const EXACT_SEARCH_LIMIT = 4096;

/**
 * Returns the number of catalog operations a scope set authorizes (operations that need no
 * scope, or whose requirement is undocumented, are not counted: no scope enables them).
 */
export function authorizedCount(scopes: ReadonlySet<string>, operations: readonly Operation[]): number {
  let count = 0;
  for (const op of operations) {
    if (op.undocumented) continue;
    let any = false;
    for (const alt of op.alternatives) {
      if (alt.scopes.length === 0) {
        any = false;
        break;
      }
      if (!any && alternativeSatisfied(alt, scopes)) any = true;
    }
    if (any) count++;
  }
  return count;
}

/**
 * Returns a counter equal to `authorizedCount(scopes, operations)` for every scope set drawn from
 * `universe`, precomputed once: each operation as the bit masks (over `universe`) of its
 * alternatives that the universe can meet, operations with the same masks counted together.
 * The plan's search asks for thousands of such sets; this answers each in a few microseconds
 * instead of a pass over every operation (bench/forge-lint.ts: the search was a third of
 * `audit --all`'s CPU).
 */
export function authorizedCounter(operations: readonly Operation[], universe: ReadonlySet<string>): (scopes: ReadonlySet<string>) => number {
  const bit = new Map<string, number>();
  for (const s of universe) bit.set(s, bit.size);
  const words = Math.max(1, Math.ceil(bit.size / 32));
  // Signature (its masks, sorted) → [masks, how many operations have it].
  const groups = new Map<string, [Uint32Array[], number]>();
  for (const op of operations) {
    if (op.undocumented || op.alternatives.some((a) => a.scopes.length === 0)) continue;
    const masks: Uint32Array[] = [];
    for (const alt of op.alternatives) {
      const mask = new Uint32Array(words);
      if (alt.scopes.every((s) => bit.has(s))) {
        for (const s of alt.scopes) mask[bit.get(s)! >>> 5] |= 1 << (bit.get(s)! & 31);
        masks.push(mask);
      }
    }
    if (masks.length === 0) continue; // no set drawn from the universe authorizes it
    const key = masks.map((m) => m.join('.')).sort().join('|');
    const group = groups.get(key);
    if (group) group[1]++;
    else groups.set(key, [masks, 1]);
  }
  const list = [...groups.values()];
  return (scopes) => {
    const held = new Uint32Array(words);
    for (const s of scopes) {
      const b = bit.get(s);
      if (b !== undefined) held[b >>> 5] |= 1 << (b & 31);
    }
    let count = 0;
    for (const [masks, n] of list) {
      for (const mask of masks) {
        let met = true;
        for (let w = 0; w < words && met; w++) met = (mask[w] & ~held[w]) === 0;
        if (met) {
          count += n;
          break;
        }
      }
    }
    return count;
  };
}

/** Orders candidate scope sets: fewer scopes, then more granular, then by name (deterministic). */
function better(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return a.length < b.length;
  const granular = (s: string[]) => s.filter((x) => scopeKind(x) === 'granular').length;
  if (granular(a) !== granular(b)) return granular(a) > granular(b);
  return a.join(' ') < b.join(' ');
}

/**
 * Chooses one alternative per need so the union of scopes authorizes the fewest catalog
 * operations. Exact when the combinations are few (≤ EXACT_SEARCH_LIMIT); otherwise greedy
 * (needs with fewest alternatives first, each taking the cheapest addition) followed by
 * single-need improvement passes until nothing improves. Ties: fewer scopes, more granular.
 */
export function leastPrivilegePlan(needs: readonly Need[], operations: readonly Operation[]): PlanResult {
  // Forced scopes (needs with one alternative) first; drop needs they already meet.
  const forced = new Set<string>();
  for (const need of needs) if (need.alternatives.length === 1) for (const s of need.alternatives[0]) forced.add(s);
  const open: (readonly string[])[][] = [];
  const seen = new Set<string>();
  for (const need of needs) {
    if (need.alternatives.length < 2) continue;
    if (need.alternatives.some((alt) => alt.every((s) => forced.has(s)))) continue;
    // An alternative that contains another of the same need is never cheaper: drop it.
    const alts = need.alternatives.filter((a, i) => !need.alternatives.some((b, j) => j !== i && b.length < a.length && b.every((s) => a.includes(s))));
    const key = alts.map((a) => [...a].sort().join('+')).sort().join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    open.push(alts);
  }
  // Every set the search weighs is drawn from the forced scopes and the open alternatives.
  const universe = new Set(forced);
  for (const alts of open) for (const alt of alts) for (const s of alt) universe.add(s);
  const count = authorizedCounter(operations, universe);
  const costOf = (choice: (readonly string[])[]) => {
    const union = new Set(forced);
    for (const alt of choice) for (const s of alt) union.add(s);
    return { union, cost: count(union) };
  };
  let combinations = 1;
  for (const alts of open) combinations = Math.min(combinations * alts.length, EXACT_SEARCH_LIMIT + 1);
  let tried = 0;
  let best: { scopes: string[]; cost: number } | undefined;
  const consider = (choice: (readonly string[])[]) => {
    tried++;
    const { union, cost } = costOf(choice);
    if (best && cost > best.cost) return;
    const scopes = [...union].sort();
    if (!best || cost < best.cost || better(scopes, best.scopes)) best = { scopes, cost };
  };
  if (combinations <= EXACT_SEARCH_LIMIT) {
    const choice: (readonly string[])[] = [];
    const recurse = (i: number) => {
      if (i === open.length) return consider(choice);
      for (const alt of open[i]) {
        choice[i] = alt;
        recurse(i + 1);
      }
    };
    recurse(0);
    return { ...best!, search: 'exact', combinationsTried: tried };
  }
  const order = open.map((alts, i) => i).sort((a, b) => open[a].length - open[b].length);
  const choice: (readonly string[])[] = new Array(open.length);
  const chosen = new Set(forced);
  for (const i of order) {
    let pick = open[i][0];
    let pickCost = Infinity;
    for (const alt of open[i]) {
      tried++;
      const union = new Set(chosen);
      for (const s of alt) union.add(s);
      const cost = count(union);
      if (cost < pickCost) [pick, pickCost] = [alt, cost];
    }
    choice[i] = pick;
    for (const s of pick) chosen.add(s);
  }
  let current = costOf(choice).cost;
  for (let pass = 0, improved = true; improved && pass < 5; pass++) {
    improved = false;
    for (let i = 0; i < open.length; i++) {
      for (const alt of open[i]) {
        if (alt === choice[i]) continue;
        const previous = choice[i];
        choice[i] = alt;
        tried++;
        const cost = costOf(choice).cost;
        if (cost < current) {
          current = cost;
          improved = true;
        } else choice[i] = previous;
      }
    }
  }
  consider(choice);
  return { ...best!, search: 'greedy', combinationsTried: tried };
}
