import { RELEASE_RULES, RULE_SOURCES, type RuleId } from './change-rules';
import type { ReleaseDiff } from './release-types';
import { changePhrases } from './summary';

const LEVEL = { required: 'warning', unclear: 'warning', 'not-required': 'note' } as const;
/** Evidence that points at code and deserves its own result there. */
const CODE_RESULTS = {
  breaks: { id: 'release-removal-breaks-call', level: 'error', text: 'This change removes a scope that this call still needs.' },
  'missing-all-along': { id: 'release-missing-all-along', level: 'warning', text: 'The base already made this call without a scope that authorizes it.' },
} as const;

const location = (uri: string, line: number, column = 1) => ({
  physicalLocation: { artifactLocation: { uri: uri.split('\\').join('/') }, region: { startLine: line, startColumn: column } },
});

/**
 * Returns the release guard as a SARIF 2.1.0 log: one result per change at its manifest line
 * (warning when it needs or may need approval, note when it rolls out automatically), and one at
 * each call a removal breaks or that was missing all along. `uriPrefix` maps app-relative paths
 * to repository-relative ones.
 */
export function renderReleaseSarif(diff: ReleaseDiff, toolVersion: string, uriPrefix = ''): object {
  const uri = (file: string) => `${uriPrefix}${file}`;
  const results = diff.changes.flatMap((c) => [
    {
      ruleId: `release-${c.rule}`,
      level: LEVEL[c.approval],
      message: { text: `${changePhrases([c])[0]}: ${RELEASE_RULES[c.rule].says}${c.reason ? ` (${c.reason})` : ''}${c.evidence.length ? ` Evidence: ${c.evidence.map((e) => e.message).join('; ')}` : ''}` },
      locations: [location(uri(diff.head.manifest), c.line, c.column)],
    },
    ...c.evidence.flatMap((e) => {
      const kind = e.kind === 'breaks' || e.kind === 'missing-all-along' ? CODE_RESULTS[e.kind] : undefined;
      // Missing-all-along locations are the base's; they still name this version's files when the call stayed.
      return kind && e.locations?.length
        ? e.locations.map((l) => {
            const [file, line] = [l.slice(0, l.lastIndexOf(':')), Number(l.slice(l.lastIndexOf(':') + 1))];
            return { ruleId: kind.id, level: kind.level, message: { text: e.message }, locations: [location(uri(file), line || 1)] };
          })
        : [];
    }),
  ]);
  const ruleIds = Object.keys(RELEASE_RULES) as RuleId[];
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
            rules: [
              ...ruleIds.map((id) => ({
                id: `release-${id}`,
                shortDescription: { text: RELEASE_RULES[id].says },
                helpUri: RULE_SOURCES[RELEASE_RULES[id].quotes[0].source].url,
                defaultConfiguration: { level: LEVEL[RELEASE_RULES[id].approval] },
              })),
              ...Object.values(CODE_RESULTS).map((r) => ({ id: r.id, shortDescription: { text: r.text }, defaultConfiguration: { level: r.level } })),
            ],
          },
        },
        results,
      },
    ],
  };
}
