import { candidateTable } from '../scan/candidate-note';
import type { CallFinding } from '../scan/types';
import { callSiteOf } from './endpoints';
import type { CandidateCall } from './report-types';

/** Returns how a candidate call selects its operation, for people: `one of 6 entries of ENDPOINTS[…] (key unknown)`. */
export const candidateText = (table: string, count: number): string => `one of ${count} ${count === 1 ? 'entry' : 'entries'} of ${table} (key unknown)`;

/**
 * Returns the calls that select one of several operations the tool cannot tell apart (call
 * findings with `candidateOf` that matched an operation), one per call site with every operation
 * it may select, sorted by location.
 */
export function candidateCalls(calls: readonly CallFinding[]): CandidateCall[] {
  const bySite = new Map<string, { call: CallFinding; operations: Set<string> }>();
  for (const c of calls) {
    if (!c.candidateOf || !c.operationKey) continue;
    const at = `${c.file}:${c.line}:${c.column}`;
    const site = bySite.get(at) ?? bySite.set(at, { call: c, operations: new Set() }).get(at)!;
    site.operations.add(c.operationKey);
  }
  return [...bySite.values()]
    .map(({ call, operations }) => {
      const table = candidateTable(call.candidateOf!);
      const { pathForm: _form, candidateOf: _note, ...site } = callSiteOf(call);
      return {
        ...site,
        table,
        operations: [...operations].sort(),
        text: candidateText(table, operations.size),
      };
    })
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}
