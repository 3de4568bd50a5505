import type { Report } from '../analysis/report-types';
import type { ManifestPosition } from '../manifest/types';
import { approvalCost } from './approval-cost';
import { entryPath } from './change-paths';
import { RELEASE_RULES, RULE_SOURCES, type RuleId } from './change-rules';
import type { DeclaredManifest } from './declared-manifest';
import type { ManifestFacts } from './manifest-facts';
import { RELEASE_DIFF_VERSION, type CitedRule, type ReleaseBase, type ReleaseDiff } from './release-types';
import { scopeChangeEvidence } from './scope-change-evidence';

/** Everything the release diff is computed from; no I/O happens past this point. */
export interface ReleaseDiffInput {
  base: ReleaseBase;
  baseDeclared: DeclaredManifest;
  head: ManifestFacts;
  /** Audit of this version's code, with removed scopes evaluated as if still declared (needed when scopes change). */
  headReport?: Report;
  /** Audit of the base's code (git bases). */
  baseReport?: Report;
  /** Why the base's code was not audited. */
  baseCodeMissing?: string;
}

/** Returns where the head manifest writes a change: the entry, else the closest enclosing field, else 1:1. */
function positionOf(positions: Record<string, ManifestPosition>, path: string, entry: string | null): ManifestPosition {
  if (entry !== null && positions[entryPath(path, entry)]) return positions[entryPath(path, entry)];
  for (let p = path, parent = ''; p; p = parent) {
    if (positions[p]) return positions[p];
    parent = p.replace(/(\[[^\]]*\]|\.[^.[]*)$/, '');
    if (parent === p) break;
  }
  return { line: 1, column: 1 };
}

/** Returns a rule with its sources resolved to title, URL and quote. */
export function citeRule(id: RuleId): CitedRule {
  const rule = RELEASE_RULES[id];
  return {
    approval: rule.approval,
    says: rule.says,
    ...('reason' in rule ? { reason: rule.reason } : {}),
    sources: rule.quotes.map((q) => ({ ...RULE_SOURCES[q.source], quote: q.text })),
  };
}

/** Returns the release diff: every change from the base to the head manifest, classified, located and with its evidence. */
export function buildReleaseDiff(input: ReleaseDiffInput): ReleaseDiff {
  const cost = approvalCost(input.baseDeclared, input.head.declared);
  const evidenceInput = input.headReport && {
    head: input.headReport,
    headScopes: new Set(input.head.declared.scopes),
    baseScopes: new Set(input.baseDeclared.scopes),
    ...(input.baseReport ? { base: input.baseReport } : {}),
    ...(input.baseCodeMissing ? { baseCodeMissing: input.baseCodeMissing } : {}),
  };
  const changes = cost.changes.map((c) => ({
    ...c,
    ...positionOf(input.head.positions, c.path, c.after),
    evidence: evidenceInput ? scopeChangeEvidence(c, evidenceInput) : [],
  }));
  const rules: Partial<Record<RuleId, CitedRule>> = {};
  for (const c of changes) rules[c.rule] ??= citeRule(c.rule);
  const runtime = input.headReport?.runtime;
  return {
    format: 'scope-inspector-release-diff',
    version: RELEASE_DIFF_VERSION,
    base: input.base,
    head: { manifest: input.head.file },
    approval: cost.approval,
    summary: cost.summary,
    changes,
    rules,
    ...(runtime && runtime.sites > 0 ? { usage: { sites: runtime.sites, daysObserved: runtime.window.daysObserved } } : {}),
  };
}
