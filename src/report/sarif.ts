import type { Report } from '../analysis/report-types';
import { scopeName } from './scope-name';

const RULES = [
  { id: 'missing-scope', level: 'error', text: 'The declared scopes do not authorize this call.' },
  { id: 'invalid-scope', level: 'error', text: '@forge/manifest does not know this scope.' },
  { id: 'unused-scope', level: 'warning', text: 'Nothing the app does needs this declared scope.' },
  { id: 'duplicate-scope', level: 'warning', text: 'This scope is already declared earlier in the manifest.' },
  { id: 'unresolved-call', level: 'note', text: 'The endpoint of this product call could not be determined statically.' },
] as const;

type RuleId = (typeof RULES)[number]['id'];

function result(ruleId: RuleId, message: string, file: string, line: number, column: number) {
  return {
    ruleId,
    level: RULES.find((r) => r.id === ruleId)!.level,
    message: { text: message },
    locations: [{ physicalLocation: { artifactLocation: { uri: file.split('\\').join('/') }, region: { startLine: line, startColumn: column } } }],
  };
}

/** Returns a SARIF 2.1.0 log for GitHub code scanning: missing scopes at call sites, unused ones at their manifest line. */
export function renderSarif(report: Report, toolVersion: string): object {
  const results = [
    ...report.scopes.missing.flatMap((m) =>
      (m.locations.length ? m.locations : [{ file: report.manifest, line: 1, column: 1 }]).map((l) =>
        result('missing-scope', `${m.need} needs ${m.add.join(' + ')}, which ${report.manifest} does not declare.`, l.file, l.line, l.column),
      ),
    ),
    ...report.scopes.invalid.map((i) => result('invalid-scope', `Invalid scope ${scopeName(i.name)}: ${i.reason}${i.suggestion ? `; did you mean ${i.suggestion}?` : ''}`, report.manifest, i.line, i.column)),
    ...report.scopes.duplicates.map((d) => result('duplicate-scope', `${scopeName(d.name)} is declared again (first at line ${d.first.line}).`, report.manifest, d.line, d.column)),
    ...report.scopes.unused.map((u) =>
      result('unused-scope', `${u.name} is declared but nothing needs it${u.status === 'unused-unless-unresolved' ? ` (unless: ${u.because.join('; ')})` : ''}.`, report.manifest, u.line, u.column),
    ),
    ...report.unresolved.map((u) => result('unresolved-call', `${u.reason}${u.candidates.length ? ` (may be one of ${u.candidates.length} operations)` : ''}`, u.file, u.line, u.column)),
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
      },
    ],
  };
}
