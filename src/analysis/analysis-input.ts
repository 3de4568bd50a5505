import type { DeclaredScope } from '../manifest/types';
import type { InvalidScope } from '../manifest/invalid-scopes';
import type { ScanResult, ScopeNeed } from '../scan/types';
import type { ScopeModule } from './verdict-types';
import type { UsageExport } from '../usage/format';
import type { UsageWindow } from './usage-window';
import type { EgressManifest } from './egress-types';

/** Everything the analysis reads: plain data, produced by the scanner, manifest reader and store. */
export interface AnalysisInput {
  /** Manifest file name, for reports. */
  manifestFile: string;
  /** Every declaration, repeats included (the report lists each scope once and the repeats in `scopes.duplicates`). */
  declared: readonly DeclaredScope[];
  /** Declared scopes `@forge/manifest` does not know. */
  invalid: readonly InvalidScope[];
  /** Static findings; absent when only runtime usage is analysed. */
  scan?: ScanResult;
  /** Needs beyond REST calls: manifest triggers and modules (the scanner's Forge API needs are in `scan`). */
  manifestNeeds: readonly ScopeNeed[];
  /** The manifest's modules (key, type, title), so verdicts name the modules that rely on a scope. */
  modules?: readonly ScopeModule[];
  /** Runtime usage exports, one per installation. */
  usage?: readonly UsageExport[];
  /** The window the report counts (default: all the usage holds). */
  window?: UsageWindow;
  /** What the manifest declares about egress (`egressManifestOf`); without it the report has no `egress`. */
  egress?: EgressManifest;
}
