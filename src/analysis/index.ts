export type * from './report-types';
export type { AnalysisInput } from './analysis-input';
export { analyze } from './analyze';
export { analyzeEndpoints } from './endpoints';
export { leastPrivilegePlan, authorizedCount, EXACT_SEARCH_LIMIT, type Need, type PlanResult } from './plan';
export { mergeUsage, type MergedUsage } from './merge-usage';
