import type { Report } from '../analysis/report-types';

/** The verdicts of the evidence model (issue 9): one per scope that is declared or needed. */
export type ScopeVerdict = 'in-use' | 'code-only' | 'unused' | 'missing' | 'not-granted' | 'platform' | 'unverifiable';

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

/** `report.scopes.details[]` as issue 9 names it; read when the report has it. */
interface ScopeDetail {
  scope: string;
  verdict: ScopeVerdict;
  reasons?: unknown[];
  calls?: number;
  lastSeen?: string;
  sites?: number;
}

const describe = (reason: unknown): string => {
  if (typeof reason === 'string') return reason;
  const r = (reason ?? {}) as Record<string, unknown>;
  const what = r.operation ?? r.need ?? r.reason ?? r.event ?? r.module ?? r.kind;
  return [what, r.file ? `${r.file}:${r.line}` : undefined].filter(Boolean).join(' at ') || JSON.stringify(reason);
};

/**
 * Returns a scope's verdict in a report, or undefined when the report neither declares nor needs
 * it. The one place the release guard reads verdicts: it takes `scopes.details` when the report
 * carries it (issue 9's evidence model), and until then derives the same verdicts from
 * `scopes.used/unused/missing/invalid`, `scopeEvidence` and the endpoints' runtime evidence.
 */
export function scopeVerdictOf(report: Report, scope: string): ScopeVerdictView | undefined {
  const used = report.scopes.used.find((u) => u.name === scope);
  const needs = used ? [...used.neededBy] : [];
  const endpoints = new Map(report.endpoints.map((e) => [e.key, e]));
  const evidence = report.scopeEvidence[scope];
  const sites = Math.max(0, ...needs.map((n) => endpoints.get(n)?.runtime?.sites ?? 0));
  const base = { scope, needs, calls: evidence?.calls ?? 0, sites, ...(evidence?.lastSeen ? { lastSeen: evidence.lastSeen } : {}) };

  const detail = (report.scopes as { details?: ScopeDetail[] }).details?.find((d) => d.scope === scope);
  if (detail) {
    return { ...base, verdict: detail.verdict, reasons: (detail.reasons ?? []).map(describe), calls: detail.calls ?? base.calls, sites: detail.sites ?? sites, ...(detail.lastSeen ? { lastSeen: detail.lastSeen } : {}) };
  }

  const invalid = report.scopes.invalid.find((i) => i.name === scope);
  if (invalid) return { ...base, verdict: 'unverifiable', reasons: [`not a scope @forge/manifest knows${invalid.suggestion ? ` (did you mean ${invalid.suggestion}?)` : ''}`] };
  const notGranted = report.scopes.missing.filter((m) => m.where === 'installation' && m.add.includes(scope));
  if (notGranted.length) return { ...base, verdict: 'not-granted', reasons: notGranted.map((m) => `${m.need}: ${m.scopeMismatch401} runtime 401 "scope does not match"`) };
  if (used) {
    const rest = needs.filter((n) => !endpoints.has(n));
    if (rest.length === needs.length) return { ...base, verdict: 'platform', reasons: rest };
    return { ...base, verdict: base.calls > 0 ? 'in-use' : 'code-only', reasons: needs };
  }
  const unused = report.scopes.unused.find((u) => u.name === scope);
  if (unused) return { ...base, verdict: unused.status === 'unused' ? 'unused' : 'unverifiable', reasons: unused.because };
  if (report.scopes.missingScopes.includes(scope)) {
    const wanted = report.scopes.missing.filter((m) => m.where === 'manifest' && m.add.includes(scope)).map((m) => m.need);
    return { ...base, needs: wanted, verdict: 'missing', reasons: wanted };
  }
  return undefined;
}
