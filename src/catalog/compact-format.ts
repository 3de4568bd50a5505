import type { CatalogPart } from './families';
import type { Family, PathForm } from './types';

/**
 * The compact shape the generated catalog is committed in (see scripts/build-catalog.ts): one
 * small index (sources, scope names and metadata) and one module of operations per catalog
 * part (Jira platform, the rest of Jira, Confluence, Bitbucket), so matching a Jira path
 * never loads Confluence or Bitbucket data.
 * Scope names are interned in the index's string table; each operation is one small tuple.
 */
export interface CompactIndex {
  readonly format: 2;
  /** The documents the catalog was read from, in build order. */
  readonly sources: readonly CompactSource[];
  /** Every scope named by an operation or listed as valid by `@forge/manifest`, sorted. */
  readonly scopes: readonly string[];
  /** Description per scope (parallel to `scopes`; empty when no document describes it). */
  readonly scopeDescriptions: readonly string[];
  /** Per scope: how many operations have an alternative naming it (parallel to `scopes`). */
  readonly scopeOperations: readonly number[];
  /** Per scope: bit mask of the parts whose operations name it (`PART_BITS`). */
  readonly scopeParts: readonly number[];
  /** Indexes into `scopes` of the names `@forge/manifest` lists as valid. */
  readonly validScopes: readonly number[];
  /** `@forge/manifest` version the valid-scope list came from. */
  readonly forgeManifestVersion: string;
  /** Operations per part module. */
  readonly parts: Readonly<Record<CatalogPart, number>>;
}

/** One document the catalog was read from. */
export interface CompactSource {
  readonly name: string;
  readonly product: string;
  readonly family: Family;
  readonly title: string;
  readonly version: string;
  /** `current`, or the date of an older edition (`2021-11-23`); `hand-written` for entries written from reference pages. */
  readonly edition: string;
  readonly operations: number;
  /** Atlassian's reference pages for the document (empty for hand-written entries, which carry their own URL). */
  readonly docs: string;
  /** `[templatePrefix, documentPrefix]` pairs mapping a template back to the document's path (documentation anchors). */
  readonly docPrefixes?: readonly (readonly [string, string])[];
  /** A second path form the operations are also called with (see docs/catalog.md, "Path forms"). */
  readonly pathForms?: { readonly prefix: string; readonly form: PathForm; readonly alternate: { readonly prefix: string; readonly form: PathForm } };
}

/** Alternative tuple: [kind, source, scope indexes]. Kind: 0 classic, 1 granular, 2 mixed. */
export type CompactAlternative = readonly [kind: 0 | 1 | 2, source: 0 | 1 | 2 | 3 | 4, scopes: readonly number[]];

/** What only a few operations carry. */
export interface CompactExtra {
  /** Non-Forge scopes the document lists (Bitbucket's legacy scopes). */
  readonly legacyScopes?: readonly string[];
  /** Hand-written entries: the page the entry was read from. */
  readonly sourceUrl?: string;
  /** Hand-written entries: why the entry is partial. */
  readonly partial?: string;
  /** Hand-written partial entries: the scopes it probably needs (never used in a verdict). */
  readonly probableScopes?: readonly string[];
}

/**
 * Operation tuple: [source index, method, template, operationId, summary, flags, alternatives,
 * doc tag, extra]. Flags: 1 deprecated, 2 experimental, 4 undocumented, 8 Forge path unverified.
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
  extra?: CompactExtra,
];

/** Order of `RequirementSource` values in `CompactAlternative[1]`. */
export const REQUIREMENT_SOURCES = ['x-current', 'x-beta', 'security', 'inferred', 'reference'] as const;
/** Order of alternative kinds in `CompactAlternative[0]`. */
export const ALTERNATIVE_KINDS = ['classic', 'granular', 'mixed'] as const;
/** Operation flag bits. */
export const FLAG_DEPRECATED = 1;
export const FLAG_EXPERIMENTAL = 2;
export const FLAG_UNDOCUMENTED = 4;
export const FLAG_PATH_UNVERIFIED = 8;
