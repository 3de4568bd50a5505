import { ruleOf, type Approval, type RuleId } from './change-rules';
import { emptyManifest, type DeclaredManifest } from './declared-manifest';
import { manifestChanges, type ManifestChange } from './manifest-changes';
import { summarizeChanges } from './summary';

/** A manifest change with the approval Atlassian's rules give it. */
export interface ClassifiedChange extends ManifestChange {
  approval: Approval;
  rule: RuleId;
  /** For `unclear`: why the published rules do not settle it. */
  reason?: string;
}

/** What going from one declared manifest to another costs the sites that run the app. */
export interface ApprovalCost {
  /** `required` when any change needs approval; else `unclear` when any may; else `not-required`. */
  approval: Approval;
  changes: ClassifiedChange[];
  /** One sentence, e.g. "This change needs every site admin to approve a new major version because it adds write:issue:jira." */
  summary: string;
}

/** Returns a change with its approval and rule, looked up in the rule table. */
export function classifyChange(change: ManifestChange): ClassifiedChange {
  const rule = ruleOf(change.kind);
  return { ...change, approval: rule.approval, rule: rule.id, ...('reason' in rule && rule.reason ? { reason: rule.reason } : {}) };
}

/** Returns the approval of a set of changes: the strictest of them (required > unclear > not-required). */
export function overallApproval(changes: readonly { approval: Approval }[]): Approval {
  if (changes.some((c) => c.approval === 'required')) return 'required';
  return changes.some((c) => c.approval === 'unclear') ? 'unclear' : 'not-required';
}

/**
 * Returns the approval cost of going from one declared manifest to another: every change
 * classified by Atlassian's published rules, the overall approval and its one-sentence summary.
 * Pure: the release guard (`diff`) and the audit plan state costs through it.
 */
export function approvalCost(before: DeclaredManifest, after: DeclaredManifest): ApprovalCost {
  const changes = manifestChanges(before, after).map(classifyChange);
  return { approval: overallApproval(changes), changes, summary: summarizeChanges(changes) };
}

/** Returns the approval cost of changing only the scopes (e.g. applying a least-privilege plan). */
export function scopeChangeCost(before: readonly string[], after: readonly string[]): ApprovalCost {
  return approvalCost({ ...emptyManifest(), scopes: [...before] }, { ...emptyManifest(), scopes: [...after] });
}
