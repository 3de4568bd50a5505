// The release guard's pure core: what a manifest change costs the sites that run the app.
// I/O (git, files) lives in ./io and is not re-exported here.
export { approvalCost, scopeChangeCost, classifyChange, overallApproval, type ApprovalCost, type ClassifiedChange } from './approval-cost';
export { RELEASE_RULES, RULE_SOURCES, CHANGE_RULES, ruleOf, type Approval, type ChangeKind, type RuleId, type ReleaseRule } from './change-rules';
export { emptyManifest, parseDeclaredManifest, type DeclaredManifest } from './declared-manifest';
export { manifestChanges, externalEntryId, type ManifestChange } from './manifest-changes';
export { readManifestFacts, type ManifestFacts } from './manifest-facts';
export { buildReleaseDiff, citeRule, type ReleaseDiffInput } from './release-diff';
export type { ReleaseDiff, ReleaseChange, ReleaseBase, Evidence, CitedRule } from './release-types';
export { renderReleaseMarkdown, PR_COMMENT_MARKER } from './render-markdown';
export { renderReleaseSarif } from './render-sarif';
export { renderReleaseText } from './render-text';
export { scopeVerdictOf, type ScopeVerdict, type ScopeVerdictView } from './scope-verdict';
export { summarizeChanges } from './summary';
