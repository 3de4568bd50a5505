import type { ClassifiedChange } from './approval-cost';
import type { Approval, RuleId } from './change-rules';

/** One piece of evidence for a change. */
export interface Evidence {
  kind:
    | 'needed-by' // code of this version that needs an added scope
    | 'missing-all-along' // the base already made the call without a scope that authorizes it
    | 'already-needed' // the base already made the call, authorized by other scopes
    | 'not-needed' // nothing in this version needs an added scope
    | 'incomplete' // an added scope that calls can use only with scopes the manifest does not declare
    | 'redundant' // every need of an added scope is met by other declared scopes
    | 'smaller-alternative' // granular scopes that authorize fewer operations, or avoid the approval
    | 'verdict' // a removed scope's verdict against this version's code
    | 'breaks' // a removed scope that this version's code still needs
    | 'usage' // runtime use of a removed scope (--usage)
    | 'base-code'; // why the base's code could not be compared
  message: string;
  operation?: string;
  /** `file:line` of the code concerned: this version's, or the base's for `missing-all-along` / `already-needed`. */
  locations?: string[];
  /** True when a reviewer should stop: a removal breaks calls, a scope was missing all along, a removed scope is in use. */
  warning?: boolean;
}

/** A classified change with where the head manifest writes it and its evidence. */
export interface ReleaseChange extends ClassifiedChange {
  /** Position in the head manifest (for removals: the enclosing field). */
  line: number;
  column: number;
  evidence: Evidence[];
}

/** What the comparison was against. */
export interface ReleaseBase {
  kind: 'git' | 'manifest' | 'baseline';
  /** How reports name it: `origin/main (merge-base 1a2b3c4)`, a file path. */
  label: string;
  ref?: string;
  commit?: string;
  file?: string;
}

/** A rule cited by the changes, with its sources. */
export interface CitedRule {
  approval: Approval;
  says: string;
  reason?: string;
  sources: { title: string; url: string; quote: string }[];
}

/** The release guard's result (`diff --format json`): every manifest change, its approval, rule and evidence. */
export interface ReleaseDiff {
  format: 'scope-inspector-release-diff';
  version: 1;
  base: ReleaseBase;
  head: { manifest: string };
  approval: Approval;
  summary: string;
  changes: ReleaseChange[];
  /** The rules the changes cite, by id. */
  rules: Partial<Record<RuleId, CitedRule>>;
  /** Runtime window behind `usage` evidence, when usage exports were given. */
  usage?: { sites: number; daysObserved: number };
}

/** Version of the release diff JSON; bump on incompatible change. */
export const RELEASE_DIFF_VERSION = 1 as const;
