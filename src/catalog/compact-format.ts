/**
 * The compact shape the generated catalog is committed in (see scripts/build-catalog.ts).
 * Scope names are interned in one string table; each operation is one small tuple.
 */
export interface CompactCatalog {
  readonly format: 1;
  /** The documents the catalog was built from, in build order. */
  readonly sources: readonly CompactSource[];
  /** Every scope named by an operation or listed as valid by `@forge/manifest`, sorted. */
  readonly scopes: readonly string[];
  /** Description per scope (parallel to `scopes`; empty when no document describes it). */
  readonly scopeDescriptions: readonly string[];
  /** Indexes into `scopes` of the names `@forge/manifest` lists as valid. */
  readonly validScopes: readonly number[];
  /** `@forge/manifest` version the valid-scope list came from. */
  readonly forgeManifestVersion: string;
  readonly operations: readonly CompactOperation[];
}

/** One document the catalog was read from. */
export interface CompactSource {
  readonly name: string;
  readonly product: string;
  readonly title: string;
  readonly version: string;
  /** `current`, or the date of an older edition (`2021-11-23`). */
  readonly edition: string;
  readonly operations: number;
}

/** Alternative tuple: [kind, source, scope indexes]. Kind: 0 classic, 1 granular, 2 mixed. */
export type CompactAlternative = readonly [kind: 0 | 1 | 2, source: 0 | 1 | 2 | 3, scopes: readonly number[]];

/**
 * Operation tuple: [source index, method, template, operationId, summary, flags, alternatives,
 * doc tag, legacy scopes]. Flags: 1 deprecated, 2 experimental, 4 undocumented.
 */
export type CompactOperation = readonly [
  source: number,
  method: string,
  template: string,
  operationId: string,
  summary: string,
  flags: number,
  alternatives: readonly CompactAlternative[],
  docTag: string,
  legacyScopes?: readonly string[],
];

/** Order of `RequirementSource` values in `CompactAlternative[1]`. */
export const REQUIREMENT_SOURCES = ['x-current', 'x-beta', 'security', 'inferred'] as const;
/** Order of alternative kinds in `CompactAlternative[0]`. */
export const ALTERNATIVE_KINDS = ['classic', 'granular', 'mixed'] as const;
/** Operation flag bits. */
export const FLAG_DEPRECATED = 1;
export const FLAG_EXPERIMENTAL = 2;
export const FLAG_UNDOCUMENTED = 4;
