/**
 * What the scanner knows of a resolved call site reaches every surface: the JSM Operations path
 * form it wrote (Atlassian documents two; requestJira is reported to refuse the cloud-id one) and
 * the helper a call went through ("via"), from one scan to the CLI text, Markdown, SARIF, the
 * endpoints CSV and the admin page's Endpoints table.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { analyze } from '../../src/analysis';
import { PATH_FORM_NOTE, pathFormSites } from '../../src/report/call-facts';
import { renderEndpointsCsv } from '../../src/report/csv';
import { renderMarkdown } from '../../src/report/markdown';
import { renderSarif } from '../../src/report/sarif';
import { renderText } from '../../src/report/text';
import { scanFiles } from '../../src/scan';
import { LocationsCell } from '../../static/admin-page/src/endpoint-cells';
import { OpenCalls } from '../../static/admin-page/src/open-calls';
import { parseCsv } from '../e2e/downloads';

// An on-call helper written for this test: the alert id comes from the page; one call was
// copied from the basic-auth docs with the cloud id still in it.
const CLIENT = `import api, { route } from '@forge/api';
export async function opsGet(path: ReturnType<typeof route>) {
  const res = await api.asApp().requestJira(path);
  return res.json();
}
`;
const INDEX = `import api, { route } from '@forge/api';
import { opsGet } from './ops-client';
const CLOUD_ID = '0b7a4c2e-9d1f-4e8a-b3c6-5f2d8e1a7c90';
const VIEWS = { watchers: (k: string) => route\`/rest/api/3/issue/\${k}/watchers\`, votes: (k: string) => route\`/rest/api/3/issue/\${k}/votes\` };
export async function alert(id: string) {
  const forge = await api.asApp().requestJira(route\`/jsm/ops/api/v1/alerts/\${id}\`);
  const copied = await api.asApp().requestJira(route\`/jsm/ops/api/\${CLOUD_ID}/v1/alerts/\${id}/notes\`);
  return [forge, copied, await opsGet(route\`/rest/api/3/issue/\${id}\`)];
}
export const view = (name: keyof typeof VIEWS, key: string) => api.asUser().requestJira(VIEWS[name](key));
export const pulls = (issueId: string) => api.asApp().requestJira(route\`/rest/dev-status/latest/issue/detail?issueId=\${issueId}\`);
`;
const report = analyze({
  manifestFile: 'manifest.yml',
  declared: [
    { name: 'read:ops-alert:jira-service-management', line: 3, column: 7 },
    { name: 'read:jira-work', line: 4, column: 7 },
  ],
  invalid: [],
  scan: scanFiles([
    { file: 'src/ops-client.ts', side: 'backend', text: CLIENT },
    { file: 'src/index.ts', side: 'backend', text: INDEX },
  ]),
  manifestNeeds: [],
});
const forms = pathFormSites(report);

it('the model: each JSM Operations call with the form it wrote, the helper call with its via', () => {
  expect(forms.map((p) => `${p.file}:${p.line} ${p.operation} ${p.pathForm}`)).toEqual([
    'src/index.ts:6 GET /jsm/ops/api/v1/alerts/{id} forge',
    'src/index.ts:7 GET /jsm/ops/api/v1/alerts/{id}/notes cloud-id',
  ]);
  const issue = report.endpoints.find((e) => e.key === 'GET /rest/api/3/issue/{issueIdOrKey}')!;
  expect(issue.calls.map((c) => [c.file, c.line, c.via?.map((v) => `${v.file}:${v.line}`)])).toEqual([['src/index.ts', 8, ['src/ops-client.ts:3']]]);
});

it('CLI text and Markdown list each form with what it means', () => {
  const text = renderText(report, { color: false });
  const markdown = renderMarkdown(report);
  for (const p of forms) {
    expect(text).toContain(`${p.file}:${p.line}  ${p.operation}  ${PATH_FORM_NOTE[p.pathForm]}`);
    expect(markdown).toContain(`| ${p.file}:${p.line} | ${p.operation} | ${PATH_FORM_NOTE[p.pathForm]} |`);
  }
});

it('SARIF warns at the call that wrote the cloud-id form, and only there', () => {
  const sarif = renderSarif(report, 'test') as { runs: { results: { ruleId: string; message: { text: string }; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
  const found = sarif.runs[0].results.filter((r) => r.ruleId === 'path-form');
  expect(found.map((r) => [r.locations[0].physicalLocation.region.startLine, r.message.text])).toEqual([[7, `GET /jsm/ops/api/v1/alerts/{id}/notes: ${PATH_FORM_NOTE['cloud-id']}.`]]);
});

it('the endpoints CSV and the admin page name the form, the helper and a candidate at each location', () => {
  const rows = parseCsv(renderEndpointsCsv(report));
  const column = rows[0].indexOf('locations');
  const byTemplate = new Map(rows.slice(1).map((r) => [`${r[0]} ${r[1]}`, r[column]]));
  expect(byTemplate.get('GET /jsm/ops/api/v1/alerts/{id}')).toBe('src/index.ts:6 (forge path form)');
  expect(byTemplate.get('GET /jsm/ops/api/v1/alerts/{id}/notes')).toBe('src/index.ts:7 (cloud-id path form)');
  expect(byTemplate.get('GET /rest/api/3/issue/{issueIdOrKey}')).toBe('src/index.ts:8 via src/ops-client.ts:3');
  expect(byTemplate.get('GET /rest/api/3/issue/{issueIdOrKey}/watchers')).toBe('src/index.ts:10 (a candidate)');
  const cell = (key: string) => renderToStaticMarkup(<LocationsCell endpoint={report.endpoints.find((e) => e.key === key)!} />).replace(/<[^>]+>/g, '');
  expect(cell('GET /jsm/ops/api/v1/alerts/{id}/notes')).toBe('src/index.ts:7 (cloud-id path form)');
  expect(cell('GET /rest/api/3/issue/{issueIdOrKey}')).toBe('src/index.ts:8 via src/ops-client.ts:3');
  // The page and the CSV write each location alike.
  for (const e of report.endpoints) expect(cell(e.key)).toBe(byTemplate.get(e.key));
});

it('the admin page labels a call to an undocumented internal API as such', () => {
  expect(report.unresolved.map((u) => [u.line, u.code])).toEqual([[11, 'INTERNAL_API']]);
  const html = renderToStaticMarkup(<OpenCalls report={report} />).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  expect(html).toContain('internal API src/index.ts:11 GET /rest/dev-status/latest/issue/detail: undocumented internal API');
});
