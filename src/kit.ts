// The embeddable kit: what other Forge apps and tools import from `forge-scope-inspector`.
export { instrument, withUsageRecording, flushUsage, defineBridgeUsageResolver, recordBridgeTally, frontendOperations } from './recorder';
export { compactUsage, scheduledCompaction, readUsage, resetUsage } from './store';
export { analyze } from './analysis';
export type { Report, AnalysisInput, ScopeDetail, ScopeVerdict, ScopeReason } from './analysis';
export { match, matchPattern, isAuthorized, missingScopes, operationsAuthorizedBy, getOperation, scopeInfo, operations } from './catalog';
export type { Operation, Family, Product, ScopeAlternative, MatchResult } from './catalog';
export type { UsageExport, UsageEndpoint, ExcludedUsageEndpoint } from './usage/format';
export { approvalCost, scopeChangeCost, readManifestFacts, emptyManifest } from './release';
export type { ApprovalCost, ClassifiedChange, DeclaredManifest, Approval } from './release';
export { ScopeInspectorError } from './errors';
