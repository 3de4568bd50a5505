import type { CallSite, CandidateCall, Report, UnresolvedReport } from '../analysis/report-types';
import type { PathForm } from '../catalog/types';

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

/** What each path form means for the person who wrote the path (docs/catalog.md, "Path forms"). */
export const PATH_FORM_NOTE: Record<PathForm, string> = {
  forge: 'path form: forge (the form Atlassian documents for Forge apps)',
  'cloud-id': 'path form: cloud-id (the basic-auth form, with the cloud id in the path; requestJira is reported to answer 401 to it: drop the cloud id)',
  unverified: 'path form: unverified (Atlassian documents no Forge form of this path; a Forge app may not reach it)',
};

/**
 * One call site for people, as the admin page's Endpoints table shows it: `file:line`, whether it
 * only *may* call the operation (a candidate), the path form it wrote (JSM Operations) and the
 * helpers it went through.
 */
export function callSiteText(c: Pick<CallSite, 'file' | 'line' | 'pathForm' | 'via' | 'candidateOf'>): string {
  const candidate = c.candidateOf ? ' (a candidate)' : '';
  const form = c.pathForm ? ` (${c.pathForm} path form)` : '';
  const via = c.via?.length ? ` via ${c.via.map((v) => `${v.file}:${v.line}`).join(' → ')}` : '';
  return `${c.file}:${c.line}${candidate}${form}${via}`;
}

/** A call site of an operation documented in several path forms, with the form it wrote. */
export interface PathFormSite {
  file: string;
  line: number;
  column: number;
  operation: string;
  pathForm: PathForm;
  /** `PATH_FORM_NOTE` of its form. */
  note: string;
}

/** Returns every call site that wrote one of several documented path forms (JSM Operations), by file and line: what every surface lists. */
export function pathFormSites(report: Pick<Report, 'endpoints'>): PathFormSite[] {
  return report.endpoints
    .flatMap((e) => e.calls.filter((c) => c.pathForm).map((c) => ({ file: c.file, line: c.line, column: c.column, operation: e.key, pathForm: c.pathForm!, note: PATH_FORM_NOTE[c.pathForm!] })))
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
