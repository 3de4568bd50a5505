import fc from 'fast-check';
import { duplicateScopes, invalidScopes, loadForgeKnowledge, parseManifest, suggestScope } from '../../src/manifest';

const valid = loadForgeKnowledge().validScopes;
const manifest = (scopes: string[]) => parseManifest(`app:\n  id: x\npermissions:\n  scopes:\n${scopes.map((s) => `    - ${JSON.stringify(s)}`).join('\n')}\n`);

describe('invalidScopes', () => {
  it('says why each name is invalid, and shows no blank', () => {
    expect(invalidScopes(manifest(['read:jira-work', '', '   ', ' storage:app', 'read:jira-wrok']), valid)).toEqual([
      { name: '', line: 6, column: 7, reason: 'empty scope name' },
      { name: '   ', line: 7, column: 7, reason: 'blank scope name (only spaces)' },
      { name: ' storage:app', line: 8, column: 7, reason: 'spaces around the name', suggestion: 'storage:app' },
      { name: 'read:jira-wrok', line: 9, column: 7, reason: 'not a scope @forge/manifest knows', suggestion: 'read:jira-work' },
    ]);
  });

  it('reports an invalid name declared twice on both lines', () => {
    expect(invalidScopes(manifest(['read:jira-wrok', 'read:jira-wrok']), valid).map((i) => i.line)).toEqual([5, 6]);
  });
});

describe('duplicateScopes', () => {
  it('flags each repeat with its line and the first line', () => {
    expect(duplicateScopes(manifest(['read:jira-work', 'storage:app', 'read:jira-work', 'read:jira-work', '', '']))).toEqual([
      { name: 'read:jira-work', line: 7, column: 7, first: { line: 5, column: 7 } },
      { name: 'read:jira-work', line: 8, column: 7, first: { line: 5, column: 7 } },
      { name: '', line: 10, column: 7, first: { line: 9, column: 7 } },
    ]);
  });
  it('finds none in a list without repeats', () => {
    expect(duplicateScopes(manifest(['read:jira-work', 'write:jira-work']))).toEqual([]);
  });
});

/** The nearest valid name by plain edit distance over every name: what the index must answer, found the slow way. */
function bruteForce(invalid: string): string | undefined {
  const folded = invalid.trim().toLowerCase().replace(/[_\s]+/g, '-');
  const names = [...valid];
  const same = names.find((v) => v.toLowerCase() === folded) ?? names.find((v) => v.split(':').sort().join(':') === folded.split(':').sort().join(':'));
  if (same) return same;
  const lev = (a: string, b: string): number => {
    let prev = Uint16Array.from({ length: b.length + 1 }, (_, j) => j);
    let cur = new Uint16Array(b.length + 1);
    for (let i = 1; i <= a.length; i++) {
      cur[0] = i;
      for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      [prev, cur] = [cur, prev];
    }
    return prev[b.length];
  };
  const max = Math.max(2, Math.floor(folded.length / 5));
  // The distance is at least the difference in length: those names cannot be within max.
  const near = names.filter((v) => Math.abs(v.length - folded.length) <= max);
  const ranked = near.map((v) => [lev(folded, v), v] as const).filter(([d]) => d <= max).sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
  return ranked[0]?.[1];
}

describe('suggestScope (indexed) agrees with a brute-force nearest-name search', () => {
  const names = [...valid];
  // A valid name with a few edits: substitutions, insertions, deletions, case and separator changes.
  const typo = fc.tuple(fc.constantFrom(...names), fc.array(fc.tuple(fc.nat(60), fc.constantFrom('a', 'e', 'r', ':', '-', '_', ' ', 'J', 'x', ''), fc.boolean()), { maxLength: 5 })).map(([name, edits]) => {
    let out = name;
    for (const [at, ch, insert] of edits) {
      const i = at % (out.length + 1);
      out = insert ? out.slice(0, i) + ch + out.slice(i) : out.slice(0, i) + ch + out.slice(i + 1);
    }
    return out;
  });
  it('on typos of real names and on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(typo, fc.string({ maxLength: 40 })), (name) => {
        if (valid.has(name) || name.trim().toLowerCase() in { 'read:jira-issue': 1, 'write:jira-issue': 1, 'read:confluence-page': 1, 'storage:apps': 1, 'app:storage': 1 }) return;
        expect(suggestScope(name, valid)).toBe(bruteForce(name));
      }),
      { seed: 20261130, numRuns: 100 },
    );
  });
});
