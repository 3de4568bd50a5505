import { scanFiles, type SourceFile } from '../../src/scan';

const scan = (files: Record<string, string>) => scanFiles(Object.entries(files).map(([file, text]): SourceFile => ({ file, side: 'backend', text })));
const egress = (r: ReturnType<typeof scan>) => r.egress.map((e) => `${e.file}:${e.line} ${e.api} ${e.remote ?? '-'} ${e.domain ?? `(${e.unresolved})`}${e.pathTemplate ?? ''}`).sort();

describe('egress to a base URL with a written default', () => {
  it('reports the default host of `process.env.X ?? "https://…"` and, beside it, that the value may be another host', () => {
    const r = scan({ 'src/a.js': "import api from '@forge/api';\nconst root = process.env.BACKEND_URL ?? 'https://api.example.com';\nexport const f = () => api.fetch(`${root.replace(/\\/$/, '')}/v1/items`);" });
    expect(egress(r)).toEqual([
      'src/a.js:3 api.fetch - (path starts with ${root.replace(…)}, which cannot be resolved)',
      'src/a.js:3 api.fetch - api.example.com/v1/items',
    ]);
  });

  it('still reports only an unresolved host when no default is written', () => {
    const r = scan({ 'src/a.js': "import api from '@forge/api';\nexport const f = () => api.fetch(`${process.env.BACKEND_URL}/v1/items`);" });
    expect(egress(r)).toEqual(['src/a.js:2 api.fetch - (path starts with ${process.env.BACKEND_URL}, which cannot be resolved)']);
  });

  it('keeps a provider fetch and a plain fetch of the same URL apart at a helper\'s call site', () => {
    const r = scan({
      'src/svc.js': `import api from '@forge/api';
export async function send(url) {
  const ext = api.asUser().withProvider('backend', 'backend-api');
  if (await ext.hasCredentials()) return ext.fetch(url);
  return api.fetch(url);
}`,
      'src/use.js': "import { send } from './svc';\nexport const go = () => send('https://api.example.com/v1/go');",
    });
    expect(egress(r)).toEqual([
      'src/use.js:2 api.fetch - api.example.com/v1/go',
      'src/use.js:2 withProvider().fetch backend-api api.example.com/v1/go',
    ]);
  });
});

describe('egress to a written host followed at once by a helper parameter', () => {
  const HELPER = "import { fetch } from '@forge/api';\nasync function graphGet(path, token) {\n  const res = await fetch(`https://graph.microsoft.com${path}`, { headers: { Authorization: `Bearer ${token}` } });\n  return res.json();\n}\n";

  it('is resolved at each call site, where the passed path ends the host', () => {
    const r = scan({ 'src/g.js': `${HELPER}export const teams = (t) => graphGet('/v1.0/teams', t);\nexport const me = (t) => graphGet('/v1.0/me?$select=id', t);\n` });
    expect(egress(r)).toEqual(['src/g.js:6 api.fetch - graph.microsoft.com/v1.0/teams', 'src/g.js:7 api.fetch - graph.microsoft.com/v1.0/me']);
  });

  it('stays unresolved where a caller passes a value that may continue the host', () => {
    const r = scan({ 'src/g.js': `${HELPER}export const any = (suffix, t) => graphGet(suffix, t);\n` });
    expect(egress(r)).toEqual(['src/g.js:6 api.fetch - (the host is built from a value)/']);
  });

  it('is also followed through `await import(\'@forge/api\')`', () => {
    const r = scan({ 'src/g.js': "async function get(path) {\n  const { fetch } = await import('@forge/api');\n  return fetch(`https://graph.microsoft.com${path}`);\n}\nexport const teams = () => get('/v1.0/teams');\n" });
    expect(egress(r)).toEqual(['src/g.js:5 api.fetch - graph.microsoft.com/v1.0/teams']);
  });
});
