import type { Report, ScopeVerdict } from '../analysis/report-types';

export type { ScopeVerdict };

/** What the release guard needs to know of one scope's verdict. */
export interface ScopeVerdictView {
  scope: string;
  verdict: ScopeVerdict;
  /** Why: what needs it, or what may need it, or why it cannot be judged. */
  reasons: string[];
  /** Operation keys and other-need reasons the scope helps authorize (empty when nothing does). */
  needs: string[];
  /** Runtime calls of the needs it serves (0 without usage data). */
  calls: number;
  lastSeen?: string;
  /** Installations that saw those calls. */
  sites: number;
}

/**
 * Returns a scope's verdict in a report, or undefined when the report neither declares nor needs
 * it. The one place the release guard reads verdicts: `report.scopes.details`, the evidence model
 * every surface renders (docs/analysis.md), so the guard never judges a scope on its own.
 */
export function scopeVerdictOf(report: Report, scope: string): ScopeVerdictView | undefined {
  const detail = report.scopes.details.find((d) => d.scope === scope);
  if (!detail) return undefined;
  const needs = detail.reasons.filter((r) => r.kind !== 'not-granted' && r.kind !== 'blocked').map((r) => r.operation ?? r.text);
  return {
    scope,
    verdict: detail.verdict,
    reasons: detail.reasons.map((r) => (r.at.length && !r.text.includes(r.at[0]) ? `${r.text} at ${r.at.join(', ')}` : r.text)),
    needs,
    calls: detail.calls,
    sites: detail.sites,
    ...(detail.lastSeen ? { lastSeen: detail.lastSeen } : {}),
  };
}
