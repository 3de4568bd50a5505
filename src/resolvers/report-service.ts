import { createTwoFilesPatch } from 'diff';
import type { AnalysisInput } from '../analysis/analysis-input';
import { analyze } from '../analysis/analyze';
import { analyzeEndpoints } from '../analysis/endpoints';
import type { EndpointReport, Report } from '../analysis/report-types';
import { rewriteScopes } from '../fix/rewrite-scopes';
import { planYaml } from '../report/plan-yaml';
import type { UsageExport } from '../usage/format';
import type { StaticAnalysis } from './static-analysis';

/** Returns the analysis input for this installation: the bundled static findings joined with its usage. */
function inputFor(bundle: StaticAnalysis, usage: UsageExport): AnalysisInput {
  return { manifestFile: bundle.manifestFile, declared: bundle.declared, invalid: bundle.invalid, scan: bundle.scan, manifestNeeds: bundle.manifestNeeds, modules: bundle.modules ?? [], usage: [usage] };
}

/** Returns the report for this installation. */
export function reportFor(bundle: StaticAnalysis, usage: UsageExport): Report {
  return analyze(inputFor(bundle, usage));
}

/** Returns this installation's endpoints only (no plan search): what `getEndpoints` pages. */
export function endpointsFor(bundle: StaticAnalysis, usage: UsageExport): EndpointReport[] {
  return analyzeEndpoints(inputFor(bundle, usage));
}

/** Returns the plan as YAML and as a unified diff against the deployed manifest. */
export function planTexts(bundle: StaticAnalysis, report: Report): { planYaml: string; planDiff: string } {
  const proposed = rewriteScopes(bundle.manifestText, { add: report.plan.add, remove: report.plan.remove }, bundle.manifestFile);
  return {
    planYaml: planYaml(report),
    planDiff: proposed === bundle.manifestText ? '' : createTwoFilesPatch(bundle.manifestFile, bundle.manifestFile, bundle.manifestText, proposed, 'deployed', 'plan'),
  };
}
