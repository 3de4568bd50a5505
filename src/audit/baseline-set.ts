import { dirname, relative, resolve, sep } from 'node:path';
import { ScopeInspectorError } from '../errors';
import { parseBaseline, type Baseline } from './baseline';

/**
 * The baselines of several apps in one file (`audit DIR... --write-baseline FILE`), keyed by each
 * app's manifest path relative to the file's own folder, so the file stays valid wherever the
 * command runs from.
 */
export interface BaselineSet {
  format: 'scope-inspector-baselines';
  version: 1;
  apps: Record<string, Baseline>;
}

/** The baseline of an app the set does not know yet: it accepts nothing, so all its findings are new. */
export const EMPTY_BASELINE: Baseline = { format: 'scope-inspector-baseline', version: 1, missing: [], unused: [], invalid: [], endpoints: [], unresolved: [] };

/** Returns the key of an app in a baseline set file: its manifest path relative to the set file's folder, with `/`. */
export function baselineKey(setFile: string, appDir: string): string {
  return relative(dirname(resolve(setFile)), resolve(appDir, 'manifest.yml')).split(sep).join('/');
}

/** Parses a baseline set file's JSON, naming the file and the app on error. */
export function parseBaselineSet(text: string, file: string): BaselineSet {
  let value: any;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ScopeInspectorError('INVALID_BASELINE', `${file}: not valid JSON: ${(error as Error).message}`);
  }
  if (value?.format === 'scope-inspector-baseline') {
    throw new ScopeInspectorError('INVALID_BASELINE', `${file}: one app's baseline; with several apps --baseline takes the set that \`audit DIR... --write-baseline FILE\` writes`);
  }
  if (value?.format !== 'scope-inspector-baselines' || value.version !== 1 || typeof value.apps !== 'object' || value.apps === null || Array.isArray(value.apps)) {
    throw new ScopeInspectorError('INVALID_BASELINE', `${file}: not a scope-inspector baseline set (format/version/apps)`);
  }
  for (const [key, baseline] of Object.entries(value.apps)) parseBaseline(JSON.stringify(baseline), `${file} (apps["${key}"])`);
  return value as BaselineSet;
}
