import type { Report } from '../analysis/report-types';
import { ScopeInspectorError } from '../errors';
import { parseDeclaredManifest, type DeclaredManifest } from '../release/declared-manifest';
import { scopeName } from '../report/scope-name';

/** A reviewed state of an app's findings; `audit --baseline` fails only on what is not in it. */
export interface Baseline {
  format: 'scope-inspector-baseline';
  version: 1;
  missing: string[];
  unused: string[];
  invalid: string[];
  endpoints: string[];
  unresolved: string[];
  /** The declared manifest facts (scopes, egress, remotes, providers, licensing, modules) the release guard compares with; absent in older baselines. */
  manifest?: DeclaredManifest;
  /** Egress accepted as missing / unused, as `kind domain` (absent in older baselines). */
  missingEgress?: string[];
  unusedEgress?: string[];
  /** Scopes accepted as `missing-if-called` (absent in older baselines). */
  missingIfCalled?: string[];
}

/** The finding categories `--fail-on` can select. */
export type FailOn = 'missing' | 'missing-if-called' | 'unused' | 'invalid' | 'new' | 'missing-egress' | 'unused-egress';
export const FAIL_ON_VALUES: readonly FailOn[] = ['missing', 'missing-if-called', 'unused', 'invalid', 'new', 'missing-egress', 'unused-egress'];

/** Returns the scopes only candidate calls may need (verdict `missing-if-called`): what `--add-candidates` adds. */
export function candidateScopes(report: Report): string[] {
  return report.scopes.details.filter((d) => d.verdict === 'missing-if-called').map((d) => d.scope);
}

const egressKey = (r: { kind: string; domain: string }) => `${r.kind} ${r.domain}`;

const unresolvedKey = (u: Report['unresolved'][number]) => `${u.file}: ${u.reason}`;

/** Returns the baseline that accepts every current finding of the report, with the declared manifest when given. */
export function baselineOf(report: Report, manifest?: DeclaredManifest): Baseline {
  return {
    format: 'scope-inspector-baseline',
    version: 1,
    missing: [...report.scopes.missingScopes],
    unused: report.scopes.unused.map((u) => u.name).sort(),
    invalid: report.scopes.invalid.map((i) => i.name).sort(),
    endpoints: report.endpoints.map((e) => e.key),
    unresolved: [...new Set(report.unresolved.map(unresolvedKey))].sort(),
    ...(manifest ? { manifest } : {}),
    ...(report.egress ? { missingEgress: report.egress.missing.map(egressKey), unusedEgress: report.egress.unused.map(egressKey) } : {}),
    missingIfCalled: candidateScopes(report),
  };
}

/** Parses a baseline file's JSON, naming the file and field on error. */
export function parseBaseline(text: string, file: string): Baseline {
  let value: any;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ScopeInspectorError('INVALID_BASELINE', `${file}: not valid JSON: ${(error as Error).message}`);
  }
  if (value?.format !== 'scope-inspector-baseline' || value.version !== 1) throw new ScopeInspectorError('INVALID_BASELINE', `${file}: not a scope-inspector baseline (format/version)`);
  for (const field of ['missing', 'unused', 'invalid', 'endpoints', 'unresolved'] as const) {
    if (!Array.isArray(value[field]) || !value[field].every((x: unknown) => typeof x === 'string')) {
      throw new ScopeInspectorError('INVALID_BASELINE', `${file}: field "${field}" must be a list of strings`);
    }
  }
  if (value.manifest !== undefined) parseDeclaredManifest(value.manifest, file);
  for (const field of ['missingEgress', 'unusedEgress', 'missingIfCalled'] as const) {
    if (value[field] !== undefined && (!Array.isArray(value[field]) || !value[field].every((x: unknown) => typeof x === 'string'))) {
      throw new ScopeInspectorError('INVALID_BASELINE', `${file}: field "${field}" must be a list of strings`);
    }
  }
  return value as Baseline;
}

/** Returns the findings that fail the audit: those in the selected categories and not in the baseline. */
export function failingFindings(report: Report, failOn: readonly FailOn[], baseline?: Baseline): string[] {
  const accepted = (list: string[] | undefined, item: string) => Boolean(list?.includes(item));
  const findings: string[] = [];
  if (failOn.includes('missing')) for (const s of report.scopes.missingScopes) if (!accepted(baseline?.missing, s)) findings.push(`missing scope ${s}`);
  if (failOn.includes('missing-if-called')) for (const s of candidateScopes(report)) if (!accepted(baseline?.missingIfCalled, s)) findings.push(`scope ${s} missing if a candidate call is made`);
  if (failOn.includes('invalid')) for (const i of report.scopes.invalid) if (!accepted(baseline?.invalid, i.name)) findings.push(`invalid scope ${scopeName(i.name)}`);
  if (failOn.includes('unused')) {
    for (const u of report.scopes.unused) if (!accepted(baseline?.unused, u.name)) findings.push(`unused scope ${u.name}`);
  }
  if (failOn.includes('missing-egress')) for (const r of report.egress?.missing ?? []) if (!accepted(baseline?.missingEgress, egressKey(r))) findings.push(`missing egress ${egressKey(r)}`);
  if (failOn.includes('unused-egress')) for (const r of report.egress?.unused ?? []) if (!accepted(baseline?.unusedEgress, egressKey(r))) findings.push(`unused egress ${egressKey(r)}`);
  if (failOn.includes('new')) {
    if (!baseline) throw new ScopeInspectorError('USAGE', '--fail-on new needs --baseline FILE (write one with --write-baseline FILE)');
    for (const e of report.endpoints) if (!baseline.endpoints.includes(e.key)) findings.push(`new endpoint ${e.key}`);
    for (const u of report.unresolved) if (!baseline.unresolved.includes(unresolvedKey(u))) findings.push(`new unresolved call ${unresolvedKey(u)}`);
  }
  return findings;
}
