export type * from './types';
export { scanApp, scanFiles, findAppFiles, resultFromSummaries, type ScanOptions } from './scan-app';
export { scanAppParallel, scanFilesParallel, workersAvailable, type ParallelScanOptions } from './scan-parallel';
export { scanSource } from './scan-source';
export { linkSummaries, type LinkResult, type LinkedCall, type MethodUnknown } from './link';
export { matchFindings, catalogMatcher, type PatternMatcher } from './match-findings';
export { findSourceFiles, looksMinified, SOURCE_EXTENSIONS, type SourceFile } from './find-files';
export type { FileSummary } from './summary-types';
export { readPathAliases, type PathAliases } from './path-aliases';
