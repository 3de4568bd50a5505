import { posix } from 'node:path';
import type { PathAliases } from './path-aliases';

const EXTS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts'];

/**
 * Returns the scanned file a specifier points at, or undefined. Pure: it only looks in the set
 * of scanned files, the way bundlers resolve (`./x` → `x.ts`, `x/index.js`; `./x.js` → `x.ts`).
 * Bare specifiers resolve only through the app's tsconfig/jsconfig aliases (`@/lib/jira`,
 * or a `baseUrl` import such as `lib/jira`); packages are never scanned files.
 */
export function resolveModule(fromFile: string, source: string, files: { has(file: string): boolean }, aliases?: PathAliases): string | undefined {
  if (source.startsWith('./') || source.startsWith('../')) return resolveBase(posix.normalize(posix.join(posix.dirname(fromFile), source)), files);
  if (!aliases) return undefined;
  for (const { pattern, targets } of aliases.paths) {
    const star = pattern.indexOf('*');
    const prefix = star < 0 ? pattern : pattern.slice(0, star);
    const suffix = star < 0 ? '' : pattern.slice(star + 1);
    const fits = star < 0 ? source === pattern : source.startsWith(prefix) && source.endsWith(suffix) && source.length >= prefix.length + suffix.length;
    if (!fits) continue;
    const matched = star < 0 ? '' : source.slice(prefix.length, source.length - suffix.length);
    for (const target of targets) {
      const found = resolveBase(posix.normalize(target.replace('*', matched)), files);
      if (found) return found;
    }
  }
  return aliases.baseUrl !== undefined ? resolveBase(posix.normalize(posix.join(aliases.baseUrl, source)), files) : undefined;
}

function resolveBase(base: string, files: { has(file: string): boolean }): string | undefined {
  const stems = [base];
  const ext = posix.extname(base);
  // TypeScript ESM code imports `./x.js` while the file on disk is `x.ts`.
  if (ext && EXTS.includes(ext)) stems.push(base.slice(0, -ext.length));
  for (const stem of stems) {
    if (stem === base && files.has(stem)) return stem;
    for (const e of EXTS) if (files.has(stem + e)) return stem + e;
    for (const e of EXTS) if (files.has(`${stem}/index${e}`)) return `${stem}/index${e}`;
  }
  return undefined;
}
