import type { CandidateCall, UnresolvedReport } from '../analysis/report-types';

/** Candidate operations named in one line before "and N more". */
const SHOWN = 3;

const listed = (items: readonly string[], shown: number): string => (items.length > shown ? `${items.slice(0, shown).join(', ')} and ${items.length - shown} more` : items.join(', '));

/**
 * Returns what the tool knows of a call it could not resolve, in one line every surface shows: the
 * scanner's reason (a followed link names the operations that returned it; a GraphQL surface its
 * operation and fields; a remote its key) and the candidate operations.
 */
export function unresolvedText(u: UnresolvedReport, shown = SHOWN): string {
  const via = u.via?.length ? ` (through ${u.via.map((v) => `${v.file}:${v.line}`).join(' → ')})` : '';
  if (u.candidates.length === 0) return `${u.reason}${via}`;
  // A link's reason ends by saying what its candidates are; the list follows it.
  return `${u.reason}${u.link ? ':' : ' — candidates:'} ${listed(u.candidates, shown)}${via}`;
}

/** Returns a call that selects one of several operations, in one line: how, and which (`one of 3 entries of ACTIONS[…] (key unknown): …`). */
export function candidateCallText(c: CandidateCall, shown = SHOWN): string {
  return `${c.text}: ${listed(c.operations, shown)}`;
}
