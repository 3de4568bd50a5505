/**
 * Egress as a second axis (issue 12): each host the app declares in permissions.external (or
 * as a remote) or reaches from code or at runtime gets one verdict, with the same complete-view
 * rule as scopes before anything is called unused. Apps are written here as a developer would.
 */
import { analyze } from '../../src/analysis';
import { entryHost, hostMatches } from '../../src/analysis/egress-host';
import { egressManifestOf } from '../../src/analysis/egress-manifest';
import { parseManifest } from '../../src/manifest/parse-manifest';
import { readManifestFacts } from '../../src/release/manifest-facts';
import { renderSarif } from '../../src/report/sarif';
import { scanFiles, type SourceFile } from '../../src/scan';
import type { SkippedFile } from '../../src/scan/types';
import type { SurfaceUsage, UsageExport } from '../../src/usage/format';
import { usageOf } from './inputs';

const MANIFEST = `modules:
  function:
    - key: main
      handler: index.handler
  endpoint:
    - key: billing-endpoint
      remote: billing
remotes:
  - key: billing
    baseUrl: https://billing.example.com
  - key: preview
    baseUrl: https://preview.example.dev
  - key: legacy
    baseUrl: https://legacy.example.org
permissions:
  scopes:
    - read:jira-work
  external:
    fetch:
      backend:
        - https://api.weather.example
        - '*.hooks.example.net'
        - address: https://status.example.io
        - https://old-api.example.com
      client:
        - remote: preview
    images:
      - https://cdn.example.com
      - https://unused-images.example.com
    scripts:
      - https://js.example.com
  content:
    styles:
      - unsafe-inline
`;

const BACKEND = `import api, { invokeRemote } from '@forge/api';
export async function handler() {
  await api.fetch('https://api.weather.example/v1/forecast?city=x');
  await api.fetch(\`https://eu.hooks.example.net/services/\${'T1'}\`);
  await fetch('https://status.example.io/api/v2/status.json');
  await fetch('https://metrics.example.org/ingest', { method: 'POST' });
  await invokeRemote('billing', { path: '/v1/charge', method: 'POST' });
  await invokeRemote('reports', { path: '/v1/run' });
}
`;
const UI = `import { requestRemote } from '@forge/bridge';
export const Card = ({ user }) => {
  requestRemote('preview', { path: '/api/card' });
  return <div><img src="https://cdn.example.com/logo.svg" /><img src="https://avatars.example.net/a.png" /></div>;
};
`;

interface App {
  manifest?: string;
  files?: SourceFile[];
  skipped?: SkippedFile[];
  usage?: UsageExport[];
}
function egressOf(app: App = {}) {
  const text = app.manifest ?? MANIFEST;
  const scan = scanFiles(app.files ?? [{ file: 'src/index.ts', side: 'backend', text: BACKEND }, { file: 'static/ui/src/Card.jsx', side: 'frontend', text: UI }]);
  if (app.skipped) scan.files.skipped.push(...app.skipped);
  const report = analyze({
    manifestFile: 'manifest.yml',
    declared: [{ name: 'read:jira-work', line: 16, column: 7 }],
    invalid: [],
    scan,
    manifestNeeds: [],
    usage: app.usage,
    egress: egressManifestOf(readManifestFacts(text, 'manifest.yml'), parseManifest(text, 'manifest.yml')),
  });
  const of = (kind: string, domain: string) => report.egress!.details.find((d) => d.kind === kind && d.domain === domain);
  return { report, egress: report.egress!, of, verdicts: report.egress!.details.map((d) => `${d.verdict} ${d.kind} ${d.domain}`) };
}
function fetchRow(target: string | null, calls: number, refused = 0): SurfaceUsage {
  return {
    surface: 'fetch', method: 'GET', target, path: '/x', known: target !== null, principal: 'none', calls, status: { '2xx': calls - refused, '3xx': 0, '4xx': 0, '5xx': 0, network: 0 },
    scopeMismatch401: 0, platformErrors: { NEEDS_AUTHENTICATION_ERR: 0, refused }, firstSeen: '2026-11-20', lastSeen: '2026-11-20', daysSeen: 1, appVersions: ['2.0.0'], environments: ['PRODUCTION'], moduleKeys: ['main'],
  };
}
const withFetch = (installation: string, rows: SurfaceUsage[]): UsageExport => ({ ...usageOf(installation, []), surfaces: rows, excludedSurfaces: [] });

describe('egress verdicts from code', () => {
  it('calls each declared entry used, unused or missing, per kind, exact hosts, wildcards and address entries alike', () => {
    const { verdicts, egress } = egressOf();
    expect(verdicts).toEqual([
      'used fetch-backend *.hooks.example.net',
      'used fetch-backend api.weather.example',
      'missing fetch-backend metrics.example.org',
      'unused fetch-backend old-api.example.com',
      'used fetch-backend status.example.io',
      'used fetch-client preview.example.dev',
      'used remote billing.example.com',
      'unused remote legacy.example.org',
      'used remote preview.example.dev',
      'missing remote reports',
      'missing images avatars.example.net',
      'used images cdn.example.com',
      'unused images unused-images.example.com',
      'unused scripts js.example.com',
    ]);
    // The derived lists are the details, filtered: nothing can disagree.
    expect(egress.missing).toEqual([
      { domain: 'metrics.example.org', kind: 'fetch-backend' },
      { domain: 'reports', kind: 'remote' },
      { domain: 'avatars.example.net', kind: 'images' },
    ]);
    expect(egress.declared).toHaveLength(11);
    expect(egress.used.length + egress.unused.length + egress.unverifiable.length).toBe(egress.declared.length);
    expect(egress.content).toEqual([{ list: 'styles', keyword: 'unsafe-inline', line: 33 }]);
  });

  it('gives the evidence: call sites, the manifest module that routes to a remote, the entries that declare it', () => {
    const { of } = egressOf();
    expect(of('fetch-backend', '*.hooks.example.net')).toMatchObject({ declaredAs: [{ entry: '*.hooks.example.net', line: 22 }], reasons: [{ kind: 'code', text: 'api.fetch eu.hooks.example.net', at: ['src/index.ts:4'] }] });
    expect(of('remote', 'billing.example.com')).toMatchObject({
      remote: 'billing',
      reasons: [
        { kind: 'code', text: 'invokeRemote remote billing', at: ['src/index.ts:7'] },
        { kind: 'manifest', text: 'endpoint module billing-endpoint routes to it', at: ['manifest.yml:6'] },
      ],
    });
    expect(of('fetch-client', 'preview.example.dev')).toMatchObject({ remote: 'preview', declaredAs: [{ entry: '{"remote":"preview"}' }], verdict: 'used' });
  });
});

describe('the complete-view rule', () => {
  it('keeps a declared host unverifiable, saying why, while a URL of its kind cannot be resolved', () => {
    const files: SourceFile[] = [{ file: 'src/index.ts', side: 'backend', text: `${BACKEND}\nexport const relay = (target: string) => fetch(target);\n` }];
    const { of } = egressOf({ files });
    expect(of('fetch-backend', 'old-api.example.com')).toMatchObject({ verdict: 'unverifiable', reasons: [{ kind: 'blocked', text: expect.stringMatching(/^fetch: .*target/), at: ['src/index.ts:11'] }] });
    // Another kind is not affected.
    expect(of('images', 'unused-images.example.com')?.verdict).toBe('unused');
  });

  it('names the place of each of the first five blockers, then how many more, with no place', () => {
    const relays = Array.from({ length: 7 }, (_, i) => `export const relay${i} = (target: string) => fetch(target);`).join('\n');
    const { of } = egressOf({ files: [{ file: 'src/index.ts', side: 'backend', text: `${BACKEND}\n${relays}\n` }] });
    const reasons = of('fetch-backend', 'old-api.example.com')!.reasons;
    expect(reasons.map((r) => r.at)).toEqual([['src/index.ts:11'], ['src/index.ts:12'], ['src/index.ts:13'], ['src/index.ts:14'], ['src/index.ts:15'], []]);
    expect(reasons[5].text).toBe('and 2 more');
  });

  it('keeps every declared host unverifiable while a file was not read', () => {
    const { egress } = egressOf({ skipped: [{ file: 'src/legacy.js', reason: 'could not be parsed', blocksRemoval: true }] });
    expect(egress.unused).toEqual([]);
    expect(egress.unverifiable.map((r) => r.domain)).toEqual(['old-api.example.com', 'legacy.example.org', 'unused-images.example.com', 'js.example.com']);
  });

  it('treats a third-party script as loading anything and a third-party stylesheet as loading fonts and images', () => {
    const manifest = MANIFEST.replace("    scripts:\n      - https://js.example.com\n", "    scripts:\n      - https://js.example.com\n    fonts:\n      - https://fonts.example.com\n");
    const page = (tag: string) => [{ file: 'static/ui/src/App.jsx', side: 'frontend' as const, text: `export const A = () => <div>${tag}<img src="https://cdn.example.com/x.png" /></div>;` }];
    const script = egressOf({ manifest, files: page('<script src="https://js.example.com/sdk.js" />') });
    expect(script.of('images', 'unused-images.example.com')).toMatchObject({ verdict: 'unverifiable', reasons: [{ text: 'a script from js.example.com can load anything the tool cannot see', at: ['static/ui/src/App.jsx:1'] }] });
    expect(script.of('fonts', 'fonts.example.com')?.verdict).toBe('unverifiable');
    // A function's egress is not the page's.
    expect(script.of('fetch-backend', 'old-api.example.com')?.verdict).toBe('unused');
    expect(egressOf({ manifest, files: page('') }).of('fonts', 'fonts.example.com')?.verdict).toBe('unused');
  });
});

describe('runtime evidence joins the verdicts', () => {
  it('counts observed calls and sites; a host only observed at runtime is used or missing too; refused calls are named', () => {
    const usage = [withFetch('s1', [fetchRow('old-api.example.com', 4), fetchRow('telemetry.example.org', 3, 3)]), withFetch('s2', [fetchRow('old-api.example.com', 2)])];
    const { of } = egressOf({ usage });
    expect(of('fetch-backend', 'old-api.example.com')).toMatchObject({ verdict: 'used', calls: 6, sites: 2 });
    expect(of('fetch-backend', 'telemetry.example.org')).toMatchObject({
      verdict: 'missing',
      calls: 3,
      refused: 3,
      reasons: [expect.objectContaining({ kind: 'runtime', calls: 3 }), { kind: 'refused', text: 'Forge refused 3 of them: not allowed by the manifest the site runs', at: [], calls: 3 }],
    });
  });

  it('keeps backend hosts unverifiable while runtime calls had a URL that could not be read', () => {
    const { of } = egressOf({ usage: [withFetch('s1', [fetchRow(null, 2)])] });
    expect(of('fetch-backend', 'old-api.example.com')).toMatchObject({ verdict: 'unverifiable', reasons: [{ text: '2 fetch calls whose URL could not be read' }] });
  });
});

describe('outputs', () => {
  it('puts missing hosts at their call sites and unused entries at their manifest line in SARIF', () => {
    const sarif = renderSarif(egressOf().report, 'test') as { runs: { results: { ruleId: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[]; properties: Record<string, unknown> }[] };
    const egress = sarif.runs[0].results.filter((r) => r.ruleId.endsWith('-egress')).map((r) => `${r.ruleId} ${r.locations[0].physicalLocation.artifactLocation.uri}:${r.locations[0].physicalLocation.region.startLine}`);
    expect(egress).toEqual([
      'missing-egress src/index.ts:6',
      'unused-egress manifest.yml:24',
      'unused-egress manifest.yml:13',
      'missing-egress src/index.ts:8',
      'missing-egress static/ui/src/Card.jsx:4',
      'unused-egress manifest.yml:29',
      'unused-egress manifest.yml:31',
    ]);
    expect(sarif.runs[0].properties.egress).toEqual({ declared: 11, missing: 3, unverifiable: 0, unused: 4, used: 7 });
  });
});

describe('matching hosts as Forge documents the entries', () => {
  it.each([
    ['https://api.example.com', 'api.example.com'],
    ['api.example.com', 'api.example.com'],
    ['*.example.com', '*.example.com'],
    ['https://*.Example.com/path/', '*.example.com'],
    ['wss://socket.example.com:443', 'socket.example.com'],
    ['*', '*'],
    ['not a host at all', undefined],
  ])('reads the host of %s', (entry, host) => {
    expect(entryHost(entry)).toBe(host);
  });

  it.each([
    ['*.example.com', 'a.example.com', true],
    ['*.example.com', 'a.b.example.com', true],
    ['*.example.com', 'example.com', false],
    ['*.example.com', 'evilexample.com', false],
    ['*', 'anything.example.org', true],
    ['api.example.com', 'api.example.com', true],
    ['api.example.com', 'api.example.com.evil.net', false],
  ])('%s allows %s: %s', (pattern, host, allowed) => {
    expect(hostMatches(pattern, host)).toBe(allowed);
  });
});
