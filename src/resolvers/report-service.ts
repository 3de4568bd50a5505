import { createTwoFilesPatch } from 'diff';
import type { AnalysisInput } from '../analysis/analysis-input';
import { analyze } from '../analysis/analyze';
import { analyzeEndpoints } from '../analysis/endpoints';
import { egressManifestOf } from '../analysis/egress-manifest';
import type { EgressManifest } from '../analysis/egress-types';
import { parseManifest } from '../manifest/parse-manifest';
import { readManifestFacts } from '../release/manifest-facts';
import type { EndpointReport, Report } from '../analysis/report-types';
import { rewriteScopes } from '../fix/rewrite-scopes';
import { planYaml } from '../report/plan-yaml';
import type { UsageExport } from '../usage/format';
import { todayUtc, type UsageWindow } from '../analysis/usage-window';
import type { ReportWindow } from './contract';
import type { StaticAnalysis } from './static-analysis';

/** Returns the window of the last `window` days up to the usage's generation day, or everything. */
function usageWindow(window: ReportWindow | undefined, usage: UsageExport): UsageWindow | undefined {
  if (window === undefined || window === 'all') return undefined;
  return { days: window, endDay: todayUtc(Date.parse(usage.generatedAt)) };
}

const egressOfBundle = new WeakMap<StaticAnalysis, EgressManifest | null>();

/** Returns what the bundled manifest declares about egress, read once per bundle; null when it cannot be read (the report then has no egress, never an error). */
function egressOf(bundle: StaticAnalysis): EgressManifest | null {
  let egress = egressOfBundle.get(bundle);
  if (egress === undefined) {
    try {
      egress = egressManifestOf(readManifestFacts(bundle.manifestText, bundle.manifestFile), parseManifest(bundle.manifestText, bundle.manifestFile));
    } catch {
      egress = null;
    }
    egressOfBundle.set(bundle, egress);
  }
  return egress;
}

const withEgress = (bundle: StaticAnalysis): { egress?: EgressManifest } => {
  const egress = egressOf(bundle);
  return egress ? { egress } : {};
};

/** Returns the analysis input for this installation: the bundled static findings joined with its usage, for a window. */
function inputFor(bundle: StaticAnalysis, usage: UsageExport, window?: ReportWindow): AnalysisInput {
  const counted = usageWindow(window, usage);
  return { manifestFile: bundle.manifestFile, declared: bundle.declared, invalid: bundle.invalid, scan: bundle.scan, manifestNeeds: bundle.manifestNeeds, modules: bundle.modules ?? [], usage: [usage], ...(counted ? { window: counted } : {}), ...withEgress(bundle) };
}

/** Returns the report for this installation, counting the usage of `window` (default: all). */
export function reportFor(bundle: StaticAnalysis, usage: UsageExport, window?: ReportWindow): Report {
  return analyze(inputFor(bundle, usage, window));
}

/** Returns this installation's endpoints only (no plan search): what `getEndpoints` pages. */
export function endpointsFor(bundle: StaticAnalysis, usage: UsageExport, window?: ReportWindow): EndpointReport[] {
  return analyzeEndpoints(inputFor(bundle, usage, window));
}

/** Returns the plan as YAML and as a unified diff against the deployed manifest. */
export function planTexts(bundle: StaticAnalysis, report: Report): { planYaml: string; planDiff: string } {
  const proposed = rewriteScopes(bundle.manifestText, { add: report.plan.add, remove: report.plan.remove }, bundle.manifestFile);
  return {
    planYaml: planYaml(report),
    planDiff: proposed === bundle.manifestText ? '' : createTwoFilesPatch(bundle.manifestFile, bundle.manifestFile, bundle.manifestText, proposed, 'deployed', 'plan'),
  };
}
