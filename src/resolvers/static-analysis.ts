import type { InvalidScope } from '../manifest/invalid-scopes';
import type { DeclaredScope } from '../manifest/types';
import type { ScanResult, ScopeNeed } from '../scan/types';

/**
 * What the scanner found in this app's own source at build time (scripts/build-static-analysis.ts),
 * bundled with the app so the admin page shows static and runtime evidence together.
 */
export interface StaticAnalysis {
  _generated: string;
  version: string;
  manifestFile: string;
  manifestText: string;
  declared: DeclaredScope[];
  invalid: InvalidScope[];
  manifestNeeds: ScopeNeed[];
  /** The manifest's modules and remotes (key, type, title), so verdicts name the modules relying on a scope. */
  modules?: { key: string; type: string; title?: string }[];
  scan: ScanResult;
}

let provided: StaticAnalysis | undefined;

/** Makes `staticAnalysis()` return this bundle (an app embedding the admin page passes its own). */
export function provideStaticAnalysis(bundle: StaticAnalysis): void {
  provided = bundle;
}

/** Returns the bundled static analysis of this app. */
export function staticAnalysis(): StaticAnalysis {
  if (provided) return provided;
  // A JSON import is bundled by Forge's packager; loaded lazily so tests can run without it.
  return require('../generated/static-analysis.json') as StaticAnalysis;
}
