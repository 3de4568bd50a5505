// The embeddable kit: what other Forge apps and tools import from `forge-scope-inspector`.
export { instrument, instrumentFetch, withUsageRecording, flushUsage, defineBridgeUsageResolver, recordBridgeTally, frontendOperations } from './recorder';
export { compactUsage, scheduledCompaction, readUsage, resetUsage } from './store';
export { analyze } from './analysis';
export { egressManifestOf } from './analysis/egress-manifest';
export type { Report, AnalysisInput, ScopeDetail, ScopeVerdict, ScopeReason, EgressReport, EgressDetail, EgressVerdict, RuntimeSurfaceReport } from './analysis';
export { match, matchPattern, isAuthorized, missingScopes, operationsAuthorizedBy, getOperation, scopeInfo, operations } from './catalog';
export type { Operation, Family, Product, ScopeAlternative, MatchResult } from './catalog';
export type { UsageExport, UsageEndpoint, ExcludedUsageEndpoint, SurfaceUsage, ExcludedSurfaceUsage } from './usage/format';
export { approvalCost, scopeChangeCost, readManifestFacts, emptyManifest } from './release';
export type { ApprovalCost, ClassifiedChange, DeclaredManifest, Approval } from './release';
export { ScopeInspectorError } from './errors';
