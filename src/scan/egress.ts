import { FORGE_API, GLOBAL_FETCH, unwrap, type ForgeValue } from './forge-values';
import { LineIndex } from './line-index';
import type { Binding, Node, Scope } from './scope';
import type { EgressFinding, EgressKind, Side, SourceLocation } from './types';

/** An egress call recognised in code: its kind, the API, the URL expression and what names its target. */
export interface EgressCall {
  kind: EgressKind;
  api: string;
  url?: Node;
  /** An axios instance's `baseURL` (`axios.create({ baseURL })`), which a relative `url` is resolved against. */
  base?: { node: Node; scope: Scope };
  remote?: string;
  provider?: string;
}

const AXIOS_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request']);
const GLOBALS = new Set(['window', 'globalThis', 'self']);
const FONT = /\.(woff2?|ttf|otf|eot)(\?|#|$)/i;

/**
 * Returns the egress a call makes: `fetch` (global, `window.fetch`, `@forge/api`'s), `axios`,
 * `asUser().withProvider(…).fetch`. Product requests and Forge's own APIs are never egress.
 */
export function egressOfCall(node: Node, scope: Scope, fv: ForgeValue | undefined, side: Side): EgressCall | undefined {
  const fetchKind: EgressKind = side === 'frontend' ? 'fetch-client' : 'fetch-backend';
  if (fv?.k === 'export' && fv.pkg === FORGE_API && fv.name === 'fetch') return { kind: 'fetch-backend', api: 'api.fetch', url: node.arguments[0] };
  if (fv?.k === 'providerFn' && fv.name === 'fetch') return { kind: 'fetch-backend', api: 'withProvider().fetch', url: node.arguments[0], ...(fv.remote ? { remote: fv.remote } : {}), ...(fv.provider ? { provider: fv.provider } : {}) };
  if (fv) return undefined;
  const callee = unwrap(node.callee);
  const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && !callee.computed ? callee.property.name : undefined;
  if (name !== 'fetch' && !AXIOS_VERBS.has(name ?? '') && callee.type !== 'Identifier') return undefined;
  // The platform's global fetch: not shadowed by a local or imported `fetch` (init's recorded one is the global one).
  if (callee.type === 'Identifier' && callee.name === 'fetch' && isGlobalFetch(scope.lookup('fetch'))) return { kind: fetchKind, api: 'fetch', url: node.arguments[0] };
  if (callee.type === 'Identifier' && fetchPackage(scope.lookup(callee.name))) return { kind: fetchKind, api: scope.lookup(callee.name)!.import!.source, url: node.arguments[0] };
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.name === 'fetch' && callee.object.type === 'Identifier' && GLOBALS.has(callee.object.name) && !scope.lookup(callee.object.name)) {
    return { kind: fetchKind, api: 'fetch', url: node.arguments[0] };
  }
  const axios = (n: Node): boolean => n?.type === 'Identifier' && scope.lookup(n.name)?.import?.source === 'axios';
  if (axios(callee)) return { kind: fetchKind, api: 'axios', url: unwrap(node.arguments[0])?.type === 'ObjectExpression' ? undefined : node.arguments[0] };
  if (callee.type === 'MemberExpression' && !callee.computed && axios(callee.object) && AXIOS_VERBS.has(callee.property.name)) return { kind: fetchKind, api: `axios.${callee.property.name}`, url: node.arguments[0] };
  // `const events = axios.create({ baseURL: 'https://events.example.com' }); events.post('/v2/enqueue')`.
  const instance = callee.type === 'MemberExpression' && !callee.computed && AXIOS_VERBS.has(callee.property.name) ? axiosInstance(callee.object, scope, axios) : undefined;
  if (instance) {
    const url = callee.property.name === 'request' && unwrap(node.arguments[0])?.type === 'ObjectExpression' ? undefined : node.arguments[0];
    return { kind: fetchKind, api: `axios.create().${callee.property.name}`, ...(url ? { url } : {}), ...(instance.base ? { base: instance.base } : {}) };
  }
  return undefined;
}

/** Packages whose default export (or `fetch` export) is a `fetch` that reaches the network like the global one. */
const FETCH_PACKAGES: ReadonlySet<string> = new Set(['node-fetch', 'cross-fetch', 'isomorphic-fetch', 'isomorphic-unfetch', 'unfetch', 'undici']);

/** True when `fetch` is the global one: no binding, or the one `scope-inspector init` generates (`instrumented-fetch`). */
const isGlobalFetch = (b: Binding | undefined): boolean => !b || (b.import?.source === GLOBAL_FETCH && b.import.name === 'fetch');
/** True when a name is a fetch package's fetch, whatever the app calls it (`import fetch from 'node-fetch'`, `const f = require('cross-fetch')`). */
const fetchPackage = (b: Binding | undefined): boolean => !!b?.import && FETCH_PACKAGES.has(b.import.source) && ['default', '*', 'fetch'].includes(b.import.name);

/** Returns the instance `x` is when it is bound to `axios.create(config)`, with the config's `baseURL` when it is written there. */
function axiosInstance(x: Node, scope: Scope, isAxios: (n: Node) => boolean): { base?: { node: Node; scope: Scope } } | undefined {
  x = unwrap(x);
  const b = x?.type === 'Identifier' ? scope.lookup(x.name) : undefined;
  const init = b && !b.param && !b.import && b.inits.length === 1 && b.inits[0].key === undefined ? b.inits[0] : undefined;
  const call = init ? unwrap(init.node) : undefined;
  const c = call?.type === 'CallExpression' ? unwrap(call.callee) : undefined;
  if (c?.type !== 'MemberExpression' || c.computed || c.property.name !== 'create' || !isAxios(c.object)) return undefined;
  const config = unwrap(call.arguments[0]);
  const base = config?.type === 'ObjectExpression' ? config.properties.find((p: Node) => p.type === 'Property' && !p.computed && (p.key.name ?? p.key.value) === 'baseURL') : undefined;
  return base ? { base: { node: base.value, scope: init!.scope } } : {};
}

/** What a `<link>` says about what it loads: its `rel` and `as`, lower-cased; `null` when written but not literal. */
export interface LinkAttrs {
  rel?: string | null;
  as?: string | null;
}

const PRELOAD_AS: Record<string, EgressKind> = { style: 'styles', script: 'scripts', font: 'fonts', image: 'images', fetch: 'fetch-client', audio: 'media', video: 'media', track: 'media', document: 'frames', iframe: 'frames' };

/**
 * Returns the `permissions.external` list a `<link href>` is checked against, by what the browser
 * fetches for it (the CSP directive of its destination), or undefined when it fetches nothing Forge's
 * content policy governs. `stylesheet` → styles; icons → images (`img-src`); `preload` by its `as`
 * (font → fonts, image → images, script → scripts, style → styles, fetch → fetch client, …; a
 * preload without a known `as` is ignored by browsers), `modulepreload` → scripts. Connection hints
 * (`preconnect`, `dns-prefetch`) load nothing and no CSP directive governs them; `prefetch`,
 * `prerender`, `manifest` and non-loading relations (`canonical`, `alternate`, `author`…) match no
 * `permissions.external` list, and a blocked hint never breaks the page: none is egress. A `rel`
 * that is not literal is read as a stylesheet, the usual loading link.
 */
export function linkEgressKind(attrs: LinkAttrs): EgressKind | undefined {
  if (attrs.rel === null) return 'styles';
  const rels = (attrs.rel ?? '').split(/\s+/).filter(Boolean);
  if (rels.includes('stylesheet')) return 'styles';
  if (rels.some((r) => r === 'icon' || r === 'apple-touch-icon' || r === 'apple-touch-icon-precomposed' || r === 'mask-icon')) return 'images';
  if (rels.includes('modulepreload')) return 'scripts';
  if (rels.includes('preload')) return attrs.as === null ? 'styles' : PRELOAD_AS[attrs.as ?? ''];
  return undefined;
}

/** Returns the egress kind of a JSX element's URL attribute (`<img src>`, `<script src>`, `<iframe src>`, `<link rel href>`, ...), if it loads something. */
export function jsxEgressKind(tag: string, attr: string, link: LinkAttrs = {}): EgressKind | undefined {
  switch (tag) {
    case 'img':
    case 'Image':
      return attr === 'src' || attr === 'srcSet' ? 'images' : undefined;
    case 'script':
      return attr === 'src' ? 'scripts' : undefined;
    case 'link':
      return attr === 'href' ? linkEgressKind(link) : undefined;
    case 'iframe':
      return attr === 'src' ? 'frames' : undefined;
    case 'video':
    case 'audio':
    case 'source':
    case 'track':
      return attr === 'src' || attr === 'poster' ? (attr === 'poster' ? 'images' : 'media') : undefined;
    case 'embed':
    case 'object':
      return attr === 'src' || attr === 'data' ? 'media' : undefined;
    default:
      return undefined;
  }
}

const ABSOLUTE = /^(?:https?:)?\/\/([^/?#:]+)(?::\d+)?([^?#]*)/i;

/**
 * Returns the finding for a URL as far as it is known: the host, the path with `{}` for unknown
 * parts and no query, or the reason the host is unknown. Undefined for relative URLs (the app's own resources).
 */
export function egressFinding(loc: SourceLocation, side: Side, call: Pick<EgressCall, 'kind' | 'api' | 'remote' | 'provider'>, url: string | undefined, why?: string): EgressFinding | undefined {
  const base = { ...loc, kind: call.kind, side, api: call.api, ...(call.remote ? { remote: call.remote } : {}), ...(call.provider ? { provider: call.provider } : {}) };
  if (url === undefined) return { ...base, unresolved: why ?? 'the URL cannot be resolved' };
  const m = ABSOLUTE.exec(url);
  if (m && !m[1].includes('{}')) return { ...base, domain: m[1].toLowerCase(), pathTemplate: m[2] || '/' };
  if (m) return { ...base, unresolved: 'the host is built from a value', pathTemplate: m[2] || '/' };
  // A remote or a provider names its host in the manifest; the URL is a path on it.
  if (call.remote || call.provider) return { ...base, pathTemplate: url.replace(/[?#].*$/s, '') || '/' };
  if (url.startsWith('{}')) return { ...base, unresolved: why ?? 'the URL starts with a value that cannot be resolved' };
  return undefined;
}

const CSS_URL = /(@import\s+)?url\(\s*(['"]?)([^'")\s]+)\2\s*\)|@import\s+(['"])([^'"]+)\4/g;
const HTML_REF = /<(img|script|link|iframe|video|audio|source|embed)\b[^>]*?\s(src|href|data)\s*=\s*(['"])([^'"]+)\3[^>]*>/gi;

/** Returns an HTML tag's attribute value, lower-cased (undefined when absent). */
function htmlAttr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]).toLowerCase() : undefined;
}

/** Finds external references in Custom UI stylesheets and HTML (`url()`, `@import`, `<script src>`, `<link href>`, ...). */
export function assetEgress(file: string, text: string, side: Side): EgressFinding[] {
  const out: EgressFinding[] = [];
  const lines = new LineIndex(text);
  const add = (offset: number, kind: EgressKind, api: string, url: string): void => {
    const f = ABSOLUTE.test(url) ? egressFinding({ file, ...lines.at(offset) }, side, { kind, api }, url) : undefined;
    if (f) out.push(f);
  };
  if (/\.(css|scss|sass|less)$/i.test(file)) {
    for (const m of text.matchAll(CSS_URL)) {
      const imported = m[1] !== undefined || m[5] !== undefined;
      const url = m[3] ?? m[5];
      add(m.index!, imported ? 'styles' : FONT.test(url) ? 'fonts' : 'images', imported ? '@import' : 'url()', url);
    }
  } else {
    for (const m of text.matchAll(HTML_REF)) {
      const tag = m[1].toLowerCase();
      const kind = jsxEgressKind(tag, m[2], tag === 'link' ? { rel: htmlAttr(m[0], 'rel'), as: htmlAttr(m[0], 'as') } : {});
      if (kind) add(m.index!, kind, `<${tag} ${m[2]}>`, m[4]);
    }
  }
  return out;
}
