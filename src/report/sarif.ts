import type { Report } from '../analysis/report-types';
import { candidateCallText, pathFormSites, unresolvedText } from './call-facts';
import { egressCounts, egressEvidence, egressUnresolvedText } from './egress-summary';
import { scopeName } from './scope-name';
import { verdictCounts } from './verdict-summary';

const RULES = [
  { id: 'missing-scope', level: 'error', text: 'The declared scopes do not authorize this call.' },
  { id: 'missing-if-called-scope', level: 'warning', text: 'A call that selects one of several operations (the tool cannot tell which) may call one the declared scopes do not authorize.' },
  { id: 'not-granted-scope', level: 'error', text: 'A declared scope a site has not granted: its calls fail there.' },
  { id: 'invalid-scope', level: 'error', text: '@forge/manifest does not know this scope.' },
  { id: 'unused-scope', level: 'warning', text: 'Nothing the app does needs this declared scope (complete view): safe to remove.' },
  { id: 'unverifiable-scope', level: 'note', text: 'Nothing known needs this declared scope, but the tool cannot prove it unused.' },
  { id: 'duplicate-scope', level: 'warning', text: 'This scope is already declared earlier in the manifest.' },
  { id: 'unresolved-call', level: 'note', text: 'The endpoint of this product call could not be determined statically.' },
  { id: 'candidate-call', level: 'note', text: 'This call selects one of several operations and the tool cannot tell which: each is a candidate.' },
  { id: 'unread-file', level: 'warning', text: 'A source file the scanner could not read or parse: no scope can be proven unused.' },
  { id: 'missing-egress', level: 'error', text: 'The app reaches a host (or remote) its manifest does not allow: Forge refuses the request.' },
  { id: 'unused-egress', level: 'warning', text: 'A declared egress entry nothing reaches (complete view): safe to remove.' },
  { id: 'unverifiable-egress', level: 'note', text: 'Nothing known reaches this declared host, but the tool cannot prove it unused.' },
  { id: 'path-form', level: 'warning', text: 'This JSM Operations call writes a path form other than the one Atlassian documents for Forge apps.' },
  { id: 'unresolved-egress', level: 'note', text: 'A call that reaches outside Atlassian whose host the tool could not tell: no declared host of its kind can be proven unused.' },
] as const;

type RuleId = (typeof RULES)[number]['id'];

function result(ruleId: RuleId, message: string, file: string, line: number, column: number, properties?: Record<string, unknown>) {
  return {
    ruleId,
    level: RULES.find((r) => r.id === ruleId)!.level,
    message: { text: message },
    locations: [{ physicalLocation: { artifactLocation: { uri: file.split('\\').join('/') }, region: { startLine: line, startColumn: column } } }],
    ...(properties ? { properties } : {}),
  };
}

/** Splits an evidence location (`src/a.ts:12`) into file and line. */
function siteOf(at: string): { file: string; line: number } {
  const colon = at.lastIndexOf(':');
  return { file: at.slice(0, colon), line: Number(at.slice(colon + 1)) || 1 };
}

/**
 * Returns a SARIF 2.1.0 log for GitHub code scanning: missing scopes at call sites; unused,
 * unverifiable and not-granted scopes at their manifest line; unread files. The run's
 * properties carry every verdict's count.
 */
export function renderSarif(report: Report, toolVersion: string): object {
  const { scopes } = report;
  const lineOf = new Map(scopes.declared.map((d) => [d.name, d]));
  const at = (name: string) => lineOf.get(name) ?? { line: 1, column: 1 };
  const results = [
    ...scopes.missing
      .filter((m) => m.where === 'manifest')
      .flatMap((m) =>
        (m.locations.length ? m.locations : [{ file: report.manifest, line: 1, column: 1 }]).map((l) =>
          result('missing-scope', `${m.need} needs ${m.add.join(' + ')}, which ${report.manifest} does not declare.`, l.file, l.line, l.column, { scopes: m.add, verdict: 'missing' }),
        ),
      ),
    ...scopes.missingIfCalled.flatMap((m) =>
      m.locations.map((l) => result('missing-if-called-scope', `${m.need} needs ${m.add.join(' + ')}, which ${report.manifest} does not declare, if this call selects it (${m.candidateOf.join('; ')}).`, l.file, l.line, l.column, { scopes: m.add, verdict: 'missing-if-called' })),
    ),
    ...scopes.details
      .filter((d) => d.verdict === 'not-granted')
      .map((d) => result('not-granted-scope', `${d.scope}: ${d.reasons.filter((r) => r.kind === 'not-granted').map((r) => r.text).join('; ')}.`, report.manifest, at(d.scope).line, at(d.scope).column, { scope: d.scope, verdict: d.verdict })),
    ...scopes.invalid.map((i) => result('invalid-scope', `Invalid scope ${scopeName(i.name)}: ${i.reason}${i.suggestion ? `; did you mean ${i.suggestion}?` : ''}`, report.manifest, i.line, i.column)),
    ...scopes.duplicates.map((d) => result('duplicate-scope', `${scopeName(d.name)} is declared again (first at line ${d.first.line}).`, report.manifest, d.line, d.column)),
    ...scopes.unused.map((u) => result('unused-scope', `${scopeName(u.name)} is declared but nothing needs it.`, report.manifest, u.line, u.column, { scope: u.name, verdict: 'unused' })),
    ...scopes.unverifiable.map((u) => result('unverifiable-scope', `${scopeName(u.name)}: nothing known needs it, but ${u.because.join('; ')}.`, report.manifest, u.line, u.column, { scope: u.name, verdict: 'unverifiable' })),
    ...report.unresolved.map((u) => result('unresolved-call', unresolvedText(u), u.file, u.line, u.column)),
    ...report.candidateCalls.map((c) => result('candidate-call', candidateCallText(c, c.operations.length), c.file, c.line, c.column, { operations: c.operations })),
    ...report.files.skipped.filter((f) => f.blocksRemoval).map((f) => result('unread-file', `${f.file}: ${f.reason}`, f.file, 1, 1)),
    // Only the forms a Forge app should not write are findings; the Forge form is in the JSON.
    ...pathFormSites(report)
      .filter((p) => p.pathForm !== 'forge')
      .map((p) => result('path-form', `${p.operation}: ${p.note}.`, p.file, p.line, p.column, { operation: p.operation, pathForm: p.pathForm })),
    ...(report.egress?.details ?? []).flatMap((d) => {
      const props = { domain: d.domain, kind: d.kind, verdict: d.verdict };
      if (d.verdict === 'missing') {
        // At each call site; runtime-only evidence points at the manifest that should allow it.
        const sites = [...new Set(d.reasons.flatMap((r) => r.at))].map(siteOf);
        return (sites.length ? sites : [{ file: report.manifest, line: 1 }]).map((l) => result('missing-egress', `${d.kind} ${d.domain}: ${egressEvidence(d, report.manifest)}; ${report.manifest} does not allow it.`, l.file, l.line, 1, props));
      }
      if (d.verdict === 'unused' || d.verdict === 'unverifiable') {
        const rule = d.verdict === 'unused' ? 'unused-egress' : 'unverifiable-egress';
        return d.declaredAs.map((e) => result(rule, `${d.kind} ${d.domain}: ${egressEvidence(d, report.manifest)}.`, report.manifest, e.line, e.column, props));
      }
      return [];
    }),
    ...(report.egress?.unresolved ?? []).map((u) => {
      const site = u.at === 'runtime' ? { file: report.manifest, line: 1 } : siteOf(u.at);
      return result('unresolved-egress', `${u.kind}: ${egressUnresolvedText(u)}.`, site.file, site.line, 1, { kind: u.kind });
    }),
  ];
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'scope-inspector',
            version: toolVersion,
            informationUri: 'https://github.com/forge-scope-inspector',
            rules: RULES.map((r) => ({ id: r.id, shortDescription: { text: r.text }, defaultConfiguration: { level: r.level } })),
          },
        },
        results,
        properties: {
          verdicts: verdictCounts(scopes.details),
          ...(report.egress ? { egress: egressCounts(report.egress) } : {}),
          filesNotScanned: report.files.skipped.map((f) => ({ file: f.file, reason: f.reason, blocksRemoval: f.blocksRemoval })),
          symlinksFollowed: report.files.symlinks,
        },
      },
    ],
  };
}
