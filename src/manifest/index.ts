export type * from './types';
export { parseManifest } from './parse-manifest';
export { readManifestFile } from './read-manifest-file';
export { loadForgeKnowledge, type ForgeKnowledge, type EventScopes } from './forge-knowledge';
export { scopeNeedsFromManifest } from './scope-needs';
export { suggestScope } from './suggest-scope';
export { duplicateScopes, invalidScopes, type DuplicateScope, type InvalidScope } from './invalid-scopes';
