import { posix } from 'node:path';

const EXTS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts'];

/**
 * Returns the scanned file a relative specifier points at, or undefined. Pure: it only looks
 * in the set of scanned files, the way bundlers resolve (`./x` → `x.ts`, `x/index.js`; `./x.js` → `x.ts`).
 */
export function resolveModule(fromFile: string, source: string, files: ReadonlySet<string>): string | undefined {
  if (!source.startsWith('./') && !source.startsWith('../')) return undefined;
  const base = posix.normalize(posix.join(posix.dirname(fromFile), source));
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
