/**
 * One egress model, many renderers: every count taken from each rendered surface (CLI text,
 * Markdown, SARIF, the admin page's Egress tab) agrees with the model's derived lists.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { analyze } from '../../src/analysis';
import { egressManifestOf } from '../../src/analysis/egress-manifest';
import { parseManifest } from '../../src/manifest/parse-manifest';
import { readManifestFacts } from '../../src/release/manifest-facts';
import { renderMarkdown } from '../../src/report/markdown';
import { renderSarif } from '../../src/report/sarif';
import { renderText } from '../../src/report/text';
import { renderScopesCsv } from '../../src/report/csv';
import { egressByVerdict, egressEvidence } from '../../src/report/egress-summary';
import { parseCsv } from '../e2e/downloads';
import { scanFiles } from '../../src/scan';
import EgressTab from '../../static/admin-page/src/egress-tab';

// The tab's module graph reaches the page's resolver client, which needs a Custom UI host; rendering never calls it.
jest.mock('../../static/admin-page/src/api', () => ({}));

const MANIFEST = `permissions:
  scopes:
    - read:jira-work
  external:
    fetch:
      backend:
        - https://api.example.com
        - https://stale.example.com
      client:
        - '*.status.example.io'
    images:
      - https://cdn.example.com
  content:
    styles:
      - unsafe-inline
remotes:
  - key: worker
    baseUrl: https://worker.example.dev
`;
const FILES = [
  { file: 'src/index.ts', side: 'backend' as const, text: "import api, { invokeRemote } from '@forge/api';\nexport const run = async (u: string) => {\n  await api.fetch('https://api.example.com/v2/items');\n  await api.fetch('https://uncharted.example.net/x');\n  await invokeRemote('worker', { path: '/jobs' });\n};\n" },
  { file: 'static/ui/src/App.jsx', side: 'frontend' as const, text: "export const App = ({ u }) => { fetch('https://eu.status.example.io/api'); return <img src={u.picture} />; };\n" },
];
const report = analyze({
  manifestFile: 'manifest.yml',
  declared: [{ name: 'read:jira-work', line: 3, column: 7 }],
  invalid: [],
  scan: scanFiles(FILES),
  manifestNeeds: [],
  egress: egressManifestOf(readManifestFacts(MANIFEST, 'manifest.yml'), parseManifest(MANIFEST, 'manifest.yml')),
});
const model = report.egress!;
const expected = { declared: model.declared.length, missing: model.missing.length, unverifiable: model.unverifiable.length, unused: model.unused.length, used: model.used.length };

it('the model: this app has one of each verdict', () => {
  expect(model.details.map((d) => `${d.verdict} ${d.kind} ${d.domain}`)).toEqual([
    'used fetch-backend api.example.com',
    'unused fetch-backend stale.example.com',
    'missing fetch-backend uncharted.example.net',
    'used fetch-client *.status.example.io',
    'used remote worker.example.dev',
    'unverifiable images cdn.example.com',
  ]);
});

it('every surface shows the same counts', () => {
  const numbers = (text: string, pattern: RegExp) => Object.fromEntries([...text.matchAll(pattern)].map((m) => [m[1], Number(m[2])]));
  const text = renderText(report, { color: false });
  const header = text.split('\n').find((l) => l.startsWith('Egress'))!;
  expect(numbers(header, /(declared|missing|unverifiable|unused|used) (\d+)/g)).toEqual(expected);
  const markdown = renderMarkdown(report);
  const egressSection = markdown.slice(markdown.indexOf('## Egress'));
  const { Declared, ...rest } = numbers(egressSection.split('\n').find((l) => l.startsWith('Declared: '))!, /(Declared|missing|unverifiable|unused|used): (\d+)/g);
  expect({ declared: Declared, ...rest }).toEqual(expected);
  expect(egressSection.split('\n').filter((l) => /^\| `/.test(l))).toHaveLength(model.details.length);
  const sarif = renderSarif(report, 'test') as { runs: { results: { ruleId: string }[]; properties: { egress: unknown } }[] };
  expect(sarif.runs[0].properties.egress).toEqual(expected);
  const byRule = (id: string) => sarif.runs[0].results.filter((r) => r.ruleId === id).length;
  expect([byRule('missing-egress'), byRule('unused-egress'), byRule('unverifiable-egress')]).toEqual([expected.missing, expected.unused, expected.unverifiable]);
  const html = renderToStaticMarkup(<EgressTab report={report} />);
  const rows = [...html.matchAll(/data-testid="egress-row" data-verdict="(\w+)"/g)].map((m) => m[1]);
  expect({ declared: expected.declared, missing: rows.filter((v) => v === 'missing').length, unverifiable: rows.filter((v) => v === 'unverifiable').length, unused: rows.filter((v) => v === 'unused').length, used: rows.filter((v) => v === 'used').length }).toEqual(expected);
  const counts = /data-testid="egress-counts"[^>]*>([^<]*)/.exec(html)![1];
  // The declared hosts are those of the three verdicts a declaration can have; missing ones are apart.
  expect(expected.declared).toBe(expected.unverifiable + expected.unused + expected.used);
  expect(counts).toMatch(new RegExp(`^${expected.declared} declared hosts: ${expected.unverifiable} cannot tell · ${expected.unused} unused · ${expected.used} used; ${expected.missing} missing \\(reached, not declared`));
  expect(html).toContain('unsafe-inline');
  expect(html).toContain('u.picture');
});

it('every surface shows the same facts: each host with its evidence, the calls whose host is unknown, the content policy', () => {
  const text = renderText(report, { color: false });
  const markdown = renderMarkdown(report);
  const sarif = renderSarif(report, 'test') as { runs: { results: { ruleId: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
  const html = renderToStaticMarkup(<EgressTab report={report} />);
  expect(model.unresolved).toHaveLength(1);
  const [unknown] = model.unresolved;
  // The reason names code (u.picture), never a value; each surface gives it with its place.
  // Markdown and HTML show `<img src>` as text, escaped.
  for (const [surface, body, show] of [['text', text, (x: string) => x], ['markdown', markdown, escapeHtml], ['admin page', html, escapeHtml]] as const) {
    expect([surface, body.includes(show(`${unknown.reason} (${unknown.at})`))]).toEqual([surface, true]);
    expect([surface, body.includes(show(`styles 'unsafe-inline' (manifest.yml:`).replace(/'/g, surface === 'admin page' ? '&#x27;' : "'"))]).toEqual([surface, true]);
  }
  const unresolved = sarif.runs[0].results.filter((r) => r.ruleId === 'unresolved-egress');
  expect(unresolved.map((r) => [r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region.startLine])).toEqual([[unknown.at.split(':')[0], Number(unknown.at.split(':')[1])]]);
  expect(unresolved[0].message.text).toContain(unknown.reason);
  const [head, ...rows] = parseCsv(renderScopesCsv(report));
  const csv = rows.filter((r) => r[head.indexOf('type')] === 'egress').map((r) => [r[head.indexOf('name')], r[head.indexOf('verdict')], r[head.indexOf('reasons')]]);
  expect(csv).toEqual([
    ...egressByVerdict(model).map((d) => [`${d.kind} ${d.domain}`, d.verdict, egressEvidence(d, 'manifest.yml')]),
    [unknown.kind, 'unresolved', `${unknown.reason} (${unknown.at})`],
  ]);
  for (const d of model.details) {
    const evidence = egressEvidence(d, 'manifest.yml');
    expect(text).toContain(`${d.kind} ${d.domain}  ${evidence}`);
    expect(html).toContain(escapeHtml(evidence));
  }
});

it('Markdown shows HTML-like evidence as text: `<img src>` is escaped, not an image tag', () => {
  const markdown = renderMarkdown(report);
  const images = markdown.split('\n').filter((l) => l.includes('| images |'));
  expect(images.length).toBeGreaterThan(0);
  for (const row of images) {
    expect(row).not.toMatch(/<img/);
  }
  expect(markdown).toMatch(/&lt;img src&gt;/);
  // Line breaks inside a cell are the only tags left.
  expect(markdown.replace(/<br>/g, '')).not.toMatch(/<[a-z]/i);
});

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
