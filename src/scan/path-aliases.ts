import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parse, type ParseError } from 'jsonc-parser';
import { readInputFile, type InputKind } from '../input-file';

// tsconfig.json and jsconfig.json are a few kilobytes; opened without blocking (a FIFO is refused).
const CONFIG: InputKind = { what: 'TypeScript/JavaScript config', maxBytes: 1024 * 1024, code: 'CONFIG_UNREADABLE' };

/**
 * Module specifier aliases of an app (`compilerOptions.baseUrl` and `paths` of its tsconfig.json
 * or jsconfig.json), with every target relative to the app directory, e.g.
 * `{ pattern: '@/*', targets: ['src/*'] }`.
 */
export interface PathAliases {
  baseUrl?: string;
  paths: { pattern: string; targets: string[] }[];
}

/**
 * Returns the app's path aliases from tsconfig.json (else jsconfig.json) at its root, or
 * undefined when there are none. Both files allow comments and trailing commas (JSONC).
 */
export function readPathAliases(appDir: string): PathAliases | undefined {
  for (const name of ['tsconfig.json', 'jsconfig.json']) {
    const file = join(appDir, name);
    if (!existsSync(file)) continue;
    const errors: ParseError[] = [];
    const config = parse(readInputFile(file, CONFIG), errors, { allowTrailingComma: true }) as { compilerOptions?: { baseUrl?: unknown; paths?: unknown } } | undefined;
    const options = config?.compilerOptions;
    if (!options) return undefined;
    const baseUrl = typeof options.baseUrl === 'string' ? posix.normalize(options.baseUrl.split('\\').join('/')) : undefined;
    const paths: PathAliases['paths'] = [];
    if (options.paths && typeof options.paths === 'object') {
      for (const [pattern, targets] of Object.entries(options.paths as Record<string, unknown>)) {
        if (!Array.isArray(targets)) continue;
        // `paths` targets are relative to baseUrl when set, else to the config file's folder.
        paths.push({ pattern, targets: targets.filter((t): t is string => typeof t === 'string').map((t) => posix.normalize(posix.join(baseUrl ?? '.', t))) });
      }
    }
    return baseUrl !== undefined || paths.length ? { ...(baseUrl !== undefined ? { baseUrl } : {}), paths } : undefined;
  }
  return undefined;
}
