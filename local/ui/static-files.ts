import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { SESSION_META } from './bridge-client';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Returns the content type for a file name. */
export function contentType(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Returns the file under `root` a request path names (index.html for folders and for unknown
 * extension-less paths, as single-page apps expect), or undefined; never a file outside `root`.
 */
export function resolveStatic(root: string, requestPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return undefined;
  }
  const base = resolve(root);
  const file = resolve(base, '.' + (decoded.startsWith('/') ? decoded : `/${decoded}`));
  if (file !== base && !file.startsWith(base + sep)) return undefined;
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = join(base, 'index.html');
  if ((file === base || !extname(file)) && existsSync(index)) return index;
  return undefined;
}

/**
 * Returns index.html with the page's session (`<meta>`, read by the bridge script) and the
 * bridge script tag placed before anything else in <head>.
 */
export function injectBridge(html: string, scriptSrc: string, session: string): string {
  const tag = `<meta name="${SESSION_META}" content="${session}"><script src="${scriptSrc}"></script>`;
  const head = /<head[^>]*>/i.exec(html);
  return head ? html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length) : tag + html;
}

/** Returns a Content-Security-Policy like Forge's for Custom UI, relaxed only as the manifest allows. */
export function forgeCsp(content: { scripts: string[]; styles: string[] }): string {
  const scripts = ["'self'", ...content.scripts.map((s) => `'${s}'`)];
  const styles = ["'self'", ...content.styles.map((s) => `'${s}'`)];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(' ')}`,
    `style-src ${styles.join(' ')}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');
}

/** Reads a file as bytes. */
export function readStatic(file: string): Buffer {
  return readFileSync(file);
}
