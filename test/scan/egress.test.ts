import { scanFiles, type SourceFile } from '../../src/scan';
import { assetEgress } from '../../src/scan/egress';

const scan = (files: SourceFile[], assets: SourceFile[] = []) => scanFiles(files, {}, assets);
const egress = (text: string, file = 'src/a.ts', side: SourceFile['side'] = 'backend') =>
  scan([{ file, side, text }]).egress.map((e) => [e.line, e.kind, e.domain ?? e.remote ?? `? ${e.unresolved}`, e.pathTemplate, e.api].filter((x) => x !== undefined).join(' '));

describe('egress in functions', () => {
  it.each([
    ['fetch from @forge/api (named)', "import { fetch } from '@forge/api';\nfetch('https://api.example.com/v1/items?x=1');", ['2 fetch-backend api.example.com /v1/items api.fetch']],
    ['api.fetch with a template, query values dropped', "import api from '@forge/api';\nconst BASE = 'https://Hooks.Example.com';\napi.fetch(`${BASE}/services/${id}?token=${t}`);", ['3 fetch-backend hooks.example.com /services/{} api.fetch']],
    ['the global fetch', "fetch('https://status.example.org/api');", ['1 fetch-backend status.example.org /api fetch']],
    ['axios', "import axios from 'axios';\naxios.post('https://api.example.net/things', {});", ['2 fetch-backend api.example.net /things axios.post']],
    ['withProvider(…).fetch through a helper', "import api from '@forge/api';\nconst g = () => api.asUser().withProvider('google', 'google-apis');\ng().fetch('/drive/v3/files?q=x');", ['3 fetch-backend google-apis /drive/v3/files withProvider().fetch']],
    ['invokeRemote', "import { invokeRemote } from '@forge/api';\ninvokeRemote('billing', { path: '/v1/charge' });", ['2 fetch-backend billing /v1/charge invokeRemote']],
    ['a URL that cannot be resolved is still listed, with why', "import api from '@forge/api';\napi.fetch(config.url);", ['2 fetch-backend ? config.url cannot be resolved api.fetch']],
    ['an axios instance made with a baseURL (relative paths resolved against it, absolute ones kept)', "import axios from 'axios';\nconst events = axios.create({ baseURL: 'https://events.example.com', timeout: 5000 });\nevents.post('/v2/enqueue', {});\nevents.get('https://other.example.org/x');", ['3 fetch-backend events.example.com /v2/enqueue axios.create().post', '4 fetch-backend other.example.org /x axios.create().get']],
    ['fetch packages under any name (node-fetch, cross-fetch required, undici\'s fetch)', "import fetch from 'node-fetch';\nimport { fetch as uFetch } from 'undici';\nconst crossFetch = require('cross-fetch');\nfetch('https://a.example.com/x');\ncrossFetch('https://b.example.com/y');\nuFetch('https://c.example.com/z');", ['4 fetch-backend a.example.com /x node-fetch', '5 fetch-backend b.example.com /y cross-fetch', '6 fetch-backend c.example.com /z undici']],
    ['a helper whose URL parameter is given at its call sites', "import api from '@forge/api';\nconst post = (url: string) => api.fetch(url, { method: 'POST' });\npost('https://a.example.com/x');\npost('https://b.example.com/y');", ['3 fetch-backend a.example.com /x api.fetch', '4 fetch-backend b.example.com /y api.fetch']],
  ])('%s', (_name, text, expected) => {
    expect(egress(text)).toEqual(expected);
  });

  it('never reports egress as a product call, nor a product call as egress', () => {
    const r = scan([{ file: 'src/a.ts', side: 'backend', text: "import api, { route } from '@forge/api';\napi.fetch('https://x.example.com/rest/api/3/myself');\napi.asApp().requestJira(route`/rest/api/3/myself`);" }]);
    expect({ calls: r.calls.map((c) => c.line), egress: r.egress.map((e) => e.line) }).toEqual({ calls: [3], egress: [2] });
  });

  it.each([
    ['a local function called fetch', "function fetch(u: string) { return u; }\nfetch('https://x.example.com');"],
    ['fetch of a relative URL (the app\'s own resources)', "fetch('/assets/data.json');"],
    ['a fetch method on some other object', "cache.fetch('https://x.example.com');"],
    ['another export of a fetch package', "import { Headers } from 'node-fetch';\nHeaders('https://x.example.com');"],
  ])('%s is not egress', (_name, text) => {
    expect(egress(text, 'static/ui/src/a.js', 'frontend')).toEqual([]);
  });
});

describe('egress in Custom UI', () => {
  it.each([
    ['fetch', "fetch('https://status.example.io/api/v2/status.json').then((r) => r.json());", ['1 fetch-client status.example.io /api/v2/status.json fetch']],
    ['<img src> literal and template', "const I = 'https://img.example.org/icons';\nexport const A = () => <div><img src=\"https://cdn.example.net/logo.svg\" /><img src={`${I}/x.svg`} /></div>;",
      ['2 images cdn.example.net /logo.svg <img src>', '2 images img.example.org /icons/x.svg <img src>']],
    ['<iframe src>, <script src>, <video src>', "export const A = () => <>\n<iframe src=\"https://docs.example.com/embed\" />\n<script src=\"https://js.example.com/sdk.js\" />\n<video src=\"https://media.example.com/a.mp4\" />\n</>;",
      ['2 frames docs.example.com /embed <iframe src>', '3 scripts js.example.com /sdk.js <script src>', '4 media media.example.com /a.mp4 <video src>']],
    ['requestRemote', "import { requestRemote } from '@forge/bridge';\nrequestRemote('preview', { path: '/api/p' });", ['2 fetch-client preview /api/p requestRemote']],
    ['an <img> from data is listed without a host', "export const A = ({ u }) => <img src={u.avatar} />;", ['1 images ? u.avatar cannot be resolved <img src>']],
  ])('%s', (_name, text, expected) => {
    expect(egress(text, 'static/ui/src/App.jsx', 'frontend')).toEqual(expected);
  });

  it('reads stylesheets and HTML for the resources they load', () => {
    const css = "@import url('https://fonts.example.com/css2?family=Inter');\n@import 'https://cdn.example.com/base.css';\n.a { background: url(https://img.example.com/bg.png); }\n@font-face { src: url('https://fonts.example.com/a.woff2') format('woff2'); }\n.b { background: url(./local.png); }";
    const html = '<link rel="stylesheet" href="https://styles.example.com/x.css">\n<link rel="icon" href="https://img.example.com/fav.ico">\n<script src="https://js.example.com/a.js"></script>\n<img src="/logo.png">';
    const found = [...assetEgress('static/ui/src/a.css', css, 'frontend'), ...assetEgress('static/ui/public/index.html', html, 'frontend')].map((e) => `${e.file}:${e.line} ${e.kind} ${e.domain}${e.pathTemplate}`);
    expect(found).toEqual([
      'static/ui/src/a.css:1 styles fonts.example.com/css2',
      'static/ui/src/a.css:2 styles cdn.example.com/base.css',
      'static/ui/src/a.css:3 images img.example.com/bg.png',
      'static/ui/src/a.css:4 fonts fonts.example.com/a.woff2',
      'static/ui/public/index.html:1 styles styles.example.com/x.css',
      'static/ui/public/index.html:2 images img.example.com/fav.ico',
      'static/ui/public/index.html:3 scripts js.example.com/a.js',
    ]);
  });
});

describe('<link> elements: what the browser fetches for them', () => {
  const html = [
    '<link rel="preconnect" href="https://fonts.googleapis.com">',
    '<link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>',
    '<link rel="dns-prefetch" href="//cdn.example.com">',
    '<link href="https://fonts.googleapis.com/css2?family=Inter" rel="stylesheet">',
    '<link rel="preload" as="font" href="https://fonts.example.com/a.woff2" crossorigin>',
    '<link rel="preload" href="https://img.example.com/hero.webp" as="image">',
    "<link rel='preload' as='script' href='https://js.example.com/sdk.js'>",
    '<link rel="preload" as="style" href="https://styles.example.com/x.css">',
    '<link rel="modulepreload" href="https://js.example.com/mod.js">',
    '<link rel="prefetch" href="https://next.example.com/page.json">',
    '<link rel="shortcut icon" href="https://img.example.com/favicon.ico">',
    '<link rel="manifest" href="https://app.example.com/manifest.json">',
    '<link rel="canonical" href="https://www.example.com/">',
    '<link rel="preload" href="https://x.example.com/unknown-as">',
  ].join('\n');

  it('classifies each rel in HTML: hints (preconnect, dns-prefetch, prefetch) and non-loading relations are not egress', () => {
    expect(assetEgress('static/ui/public/index.html', html, 'frontend').map((e) => `${e.line} ${e.kind} ${e.domain}`)).toEqual([
      '4 styles fonts.googleapis.com',
      '5 fonts fonts.example.com',
      '6 images img.example.com',
      '7 scripts js.example.com',
      '8 styles styles.example.com',
      '9 scripts js.example.com',
      '11 images img.example.com',
    ]);
  });

  it('classifies <link> in JSX the same way, by literal rel and as', () => {
    const jsx = "export const Head = () => <>\n<link rel=\"preconnect\" href=\"https://fonts.gstatic.com\" crossOrigin=\"anonymous\" />\n<link rel=\"dns-prefetch\" href=\"https://www.gravatar.com\" />\n<link rel=\"stylesheet\" href=\"https://fonts.googleapis.com/css2?family=Inter\" />\n<link rel=\"preload\" as=\"font\" href=\"https://fonts.example.com/a.woff2\" />\n<link rel={kind} href=\"https://maybe.example.com/x.css\" />\n</>;";
    expect(egress(jsx, 'static/ui/src/Head.jsx', 'frontend')).toEqual([
      '4 styles fonts.googleapis.com /css2 <link href>',
      '5 fonts fonts.example.com /a.woff2 <link href>',
      '6 styles maybe.example.com /x.css <link href>',
    ]);
  });
});

describe('the global fetch as scope-inspector init records it', () => {
  it.each([
    ['an ESM import of the generated instrumented-fetch', "import { fetch } from './scope-inspector/instrumented-fetch';\nexport const ping = () => fetch('https://status.example.org/api');"],
    ['a CommonJS destructured require of it', "const { fetch } = require('./scope-inspector/instrumented-fetch.cjs');\nexports.ping = () => fetch('https://status.example.org/api');"],
  ])('%s is still the global fetch: egress, not an app helper', (_name, text) => {
    expect(egress(text, 'src/ping.js')).toEqual(['2 fetch-backend status.example.org /api fetch']);
  });
  it('a fetch imported from anywhere else stays the app\'s own', () => {
    expect(egress("import { fetch } from './http';\nfetch('https://status.example.org/api');", 'src/ping.js')).toEqual([]);
  });
});

it("init's generated instrumented-fetch module is no egress of its own: it forwards the calls its importers make", () => {
  const generated = "import { instrumentFetch } from 'forge-scope-inspector/recorder';\nexport const fetch = instrumentFetch((...args) => globalThis.fetch(...args));";
  expect(egress(generated, 'src/scope-inspector/instrumented-fetch.js')).toEqual([]);
  expect(egress(generated, 'src/lib/my-fetch.js')).toEqual(['2 fetch-backend ? SpreadElement cannot be evaluated statically fetch']);
});
