/**
 * The scanner's facts reach every surface: candidate calls ("one of N entries of T[…] (key
 * unknown)", verdict missing-if-called), followed links and GraphQL surfaces, from one scan
 * through the analysis to the CLI text, Markdown, SARIF and the admin page's components.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { analyze } from '../../src/analysis';
import { renderMarkdown } from '../../src/report/markdown';
import { renderSarif } from '../../src/report/sarif';
import { renderText } from '../../src/report/text';
import { verdictCounts } from '../../src/report/verdict-summary';
import { scanFiles } from '../../src/scan';
import { actionItems } from '../../static/admin-page/src/action-list';
import { LocationsCell, TemplateCell } from '../../static/admin-page/src/endpoint-cells';
import { OpenCalls } from '../../static/admin-page/src/open-calls';
import { ScopeDetailPanel } from '../../static/admin-page/src/scope-detail';
import { scopeRows } from '../../static/admin-page/src/scope-rows';
import { VerdictBar } from '../../static/admin-page/src/verdict-bar';

const SOURCE = `import api, { route, assumeTrustedRoute } from '@forge/api';
const ENDPOINTS = {
  issue: (k: string) => route\`/rest/api/3/issue/\${k}\`,
  me: () => route\`/rest/api/3/myself\`,
};
export async function run({ payload }: { payload: { name: 'issue' | 'me'; key: string } }) {
  return api.asUser().requestJira(ENDPOINTS[payload.name](payload.key));
}
export async function pages(space: string) {
  let next: string | undefined = \`/wiki/api/v2/spaces/\${space}/pages\`;
  while (next) {
    const res = await api.asApp().requestConfluence(assumeTrustedRoute(next));
    const data = await res.json();
    next = data._links?.next;
  }
}
export const teams = () => api.asApp().requestGraph('query Teams { team { teamSearch { nodes { id } } } }');
`;
const report = analyze({
  manifestFile: 'manifest.yml',
  declared: [{ name: 'read:jira-work', line: 3, column: 7 }],
  invalid: [],
  scan: scanFiles([{ file: 'src/index.ts', side: 'backend', text: SOURCE }]),
  manifestNeeds: [],
});
const CANDIDATE = 'one of 2 entries of ENDPOINTS[…] (key unknown)';
const MYSELF = 'GET /rest/api/3/myself';

it('the model: a candidate call, a missing-if-called scope, a followed link and a GraphQL surface', () => {
  expect(report.candidateCalls.map((c) => `${c.line} ${c.text}`)).toEqual([`7 ${CANDIDATE}`]);
  expect(report.scopes.missingIfCalled.map((m) => `${m.need} ${m.add.join('+')}`)).toEqual([`${MYSELF} read:jira-user`]);
  expect(report.unresolved.map((u) => [u.line, u.link?.returnedBy, u.surface, u.graphql?.operation])).toEqual([
    [12, ['GET /wiki/api/v2/spaces/{id}/pages'], undefined, undefined],
    [17, undefined, 'requestGraph', 'Teams'],
  ]);
});

it('CLI text, Markdown and SARIF name the candidates, the link and the GraphQL operation', () => {
  const text = renderText(report, { color: false });
  expect(text).toContain(`src/index.ts:7  ${CANDIDATE}: GET /rest/api/3/issue/{issueIdOrKey}, ${MYSELF}`);
  expect(text).toMatch(/src\/index\.ts:12 {2}follows a link \(_links\.next\) returned by GET \/wiki\/api\/v2\/spaces\/\{id\}\/pages/);
  expect(text).toMatch(/src\/index\.ts:17 {2}requestGraph: the tool cannot tell which scopes GraphQL query Teams \(team\) needs/);
  const md = renderMarkdown(report);
  expect(md).toContain(`| src/index.ts:7 | ${CANDIDATE} |`);
  expect(md).toContain('follows a link (_links.next) returned by GET /wiki/api/v2/spaces/{id}/pages');
  const sarif = renderSarif(report, 'test') as { runs: { results: { ruleId: string; message: { text: string } }[] }[] };
  const messages = sarif.runs[0].results.map((r) => `${r.ruleId}: ${r.message.text}`);
  expect(messages).toEqual(expect.arrayContaining([
    expect.stringMatching(/^missing-if-called-scope: GET \/rest\/api\/3\/myself needs read:jira-user, .* if this call selects it \(src\/index\.ts:7: one of 2 entries/),
    expect.stringMatching(/^candidate-call: one of 2 entries of ENDPOINTS\[…\] \(key unknown\): GET/),
    expect.stringMatching(/^unresolved-call: follows a link \(_links\.next\) returned by GET \/wiki\/api\/v2\/spaces\/\{id\}\/pages/),
  ]));
});

it('the admin page: the verdict tile, the scope detail, the endpoint cells, the open calls and the action list', () => {
  const tiles = renderToStaticMarkup(<VerdictBar counts={verdictCounts(report.scopes.details)} onOpen={() => undefined} />);
  expect(tiles).toMatch(/data-testid="count-missing-if-called"><span class="si-stat-value">1<\/span> <span class="si-stat-label">Missing if called<\/span>/);
  const row = scopeRows(report).find((r) => r.name === 'read:jira-user')!;
  expect(row.status).toBe('missing-if-called');
  const detail = renderToStaticMarkup(<ScopeDetailPanel row={row} report={report} onClose={() => undefined} onShowEndpoints={() => undefined} />);
  expect(detail).toContain('candidate');
  expect(detail).toContain(CANDIDATE);
  const me = report.endpoints.find((e) => e.key === MYSELF)!;
  expect(renderToStaticMarkup(<TemplateCell endpoint={me} />)).toContain('candidate: the code may call it');
  expect(renderToStaticMarkup(<LocationsCell endpoint={me} />)).toContain('(a candidate)');
  const open = renderToStaticMarkup(<OpenCalls report={report} />);
  expect(open).toContain(`${CANDIDATE}: GET /rest/api/3/issue/{issueIdOrKey}, ${MYSELF}`);
  expect(open).toContain('follows a link (_links.next) returned by GET /wiki/api/v2/spaces/{id}/pages');
  expect(open).toContain('requestGraph: the tool cannot tell which scopes GraphQL query Teams (team) needs');
  expect(actionItems(report).map((a) => a.text)).toEqual(expect.arrayContaining([expect.stringContaining(`${MYSELF} would need read:jira-user, which manifest.yml does not declare, if the code selects it`)]));
});
