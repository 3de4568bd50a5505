import { FORGE_API, unwrap, type ForgeValue } from './forge-values';
import { LineIndex } from './line-index';
import type { Node, Scope } from './scope';
import type { EgressFinding, EgressKind, Side, SourceLocation } from './types';

/** An egress call recognised in code: its kind, the API, the URL expression and what names its target. */
export interface EgressCall {
  kind: EgressKind;
  api: string;
  url?: Node;
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
  // The platform's global fetch: not shadowed by a local or imported `fetch`.
  if (callee.type === 'Identifier' && callee.name === 'fetch' && !scope.lookup('fetch')) return { kind: fetchKind, api: 'fetch', url: node.arguments[0] };
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.name === 'fetch' && callee.object.type === 'Identifier' && GLOBALS.has(callee.object.name) && !scope.lookup(callee.object.name)) {
    return { kind: fetchKind, api: 'fetch', url: node.arguments[0] };
  }
  const axios = (n: Node): boolean => n?.type === 'Identifier' && scope.lookup(n.name)?.import?.source === 'axios';
  if (axios(callee)) return { kind: fetchKind, api: 'axios', url: unwrap(node.arguments[0])?.type === 'ObjectExpression' ? undefined : node.arguments[0] };
  if (callee.type === 'MemberExpression' && !callee.computed && axios(callee.object) && AXIOS_VERBS.has(callee.property.name)) return { kind: fetchKind, api: `axios.${callee.property.name}`, url: node.arguments[0] };
  return undefined;
}

/** Returns the egress kind of a JSX element's URL attribute (`<img src>`, `<script src>`, `<iframe src>`, ...), if it loads something. */
export function jsxEgressKind(tag: string, attr: string): EgressKind | undefined {
  switch (tag) {
    case 'img':
    case 'Image':
      return attr === 'src' || attr === 'srcSet' ? 'images' : undefined;
    case 'script':
      return attr === 'src' ? 'scripts' : undefined;
    case 'link':
      return attr === 'href' ? 'styles' : undefined;
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
      const kind = tag === 'link' ? (FONT.test(m[4]) ? 'fonts' : /rel\s*=\s*['"]?(icon|apple-touch-icon)/i.test(m[0]) ? 'images' : 'styles') : jsxEgressKind(tag, m[2]);
      if (kind) add(m.index!, kind, `<${tag} ${m[2]}>`, m[4]);
    }
  }
  return out;
}
