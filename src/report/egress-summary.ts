import type { EgressDetail, EgressReport, EgressUnresolved } from '../analysis/egress-types';

/** The egress verdicts, worst first (the order every surface lists them in). */
export const EGRESS_VERDICTS = ['missing', 'unverifiable', 'unused', 'used'] as const;

/** Returns the egress counts by verdict, from the derived lists (never recounted from details). */
export function egressCounts(egress: EgressReport): Record<(typeof EGRESS_VERDICTS)[number] | 'declared', number> {
  return { declared: egress.declared.length, missing: egress.missing.length, unverifiable: egress.unverifiable.length, unused: egress.unused.length, used: egress.used.length };
}

/** Returns one detail's evidence for people: call sites and runtime calls, or what blocks its verdict, or where it is declared. */
export function egressEvidence(d: EgressDetail, manifest: string): string {
  if (d.verdict === 'unused') return `declared at ${d.declaredAs.map((e) => `${manifest}:${e.line}`).join(', ')}; nothing reaches it`;
  const parts = d.reasons.map((r) => (r.at.length ? `${r.text} (${r.at.join(', ')})` : r.text));
  return [...new Set(parts)].join('; ');
}

/** Returns the details worst first, then by kind and host as the model sorts them. */
export function egressByVerdict(egress: EgressReport): EgressDetail[] {
  return EGRESS_VERDICTS.flatMap((v) => egress.details.filter((d) => d.verdict === v));
}

/** Returns a call whose host the tool could not tell, for people: the reason and where (a call site; nothing for runtime). */
export function egressUnresolvedText(u: EgressUnresolved): string {
  return `${u.reason}${u.at === 'runtime' ? '' : ` (${u.at})`}`;
}

/** Returns a content-policy relaxation (`permissions.content`), for people, with its manifest line. */
export function egressContentText(c: EgressReport['content'][number], manifest: string): string {
  return `${c.list} '${c.keyword}' (${manifest}:${c.line})`;
}
