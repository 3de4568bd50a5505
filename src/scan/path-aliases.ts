import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
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

/** Options as inherited along an `extends` chain, with absolute directories. */
interface Inherited {
  baseUrl?: string;
  paths?: Record<string, unknown>;
  /** The folder of the config that set `paths` (their base when no `baseUrl` is set). */
  pathsDir?: string;
}

const MAX_EXTENDS = 16;
const toPosix = (p: string): string => p.split(sep).join(posix.sep);

/**
 * Returns the app's path aliases from tsconfig.json (else jsconfig.json) at its root, or
 * undefined when there are none. Both files allow comments and trailing commas (JSONC); `extends`
 * chains are followed (relative files, packages from node_modules such as
 * `@tsconfig/node20/tsconfig.json`, and TS 5 arrays, later entries overriding earlier ones).
 */
export function readPathAliases(appDir: string): PathAliases | undefined {
  for (const name of ['tsconfig.json', 'jsconfig.json']) {
    const file = join(appDir, name);
    if (!existsSync(file)) continue;
    const options = load(file, new Set());
    const baseUrl = options.baseUrl !== undefined ? toPosix(relative(appDir, options.baseUrl)) || '.' : undefined;
    const paths: PathAliases['paths'] = [];
    const base = options.baseUrl ?? options.pathsDir ?? appDir;
    for (const [pattern, targets] of Object.entries(options.paths ?? {})) {
      if (!Array.isArray(targets)) continue;
      // `paths` targets are relative to baseUrl when set, else to the config file that declares them.
      paths.push({ pattern, targets: targets.filter((t): t is string => typeof t === 'string').map((t) => toPosix(relative(appDir, resolve(base, t))) || '.') });
    }
    return baseUrl !== undefined || paths.length ? { ...(baseUrl !== undefined ? { baseUrl } : {}), paths } : undefined;
  }
  return undefined;
}

/** Reads one config and what it inherits; a config that cannot be read or parsed contributes nothing. */
function load(file: string, seen: Set<string>): Inherited {
  if (seen.has(file) || seen.size > MAX_EXTENDS) return {};
  seen.add(file);
  let config: { extends?: unknown; compilerOptions?: { baseUrl?: unknown; paths?: unknown } } | undefined;
  try {
    const errors: ParseError[] = [];
    config = parse(readInputFile(file, CONFIG), errors, { allowTrailingComma: true });
  } catch {
    return {};
  }
  let out: Inherited = {};
  const parents = typeof config?.extends === 'string' ? [config.extends] : Array.isArray(config?.extends) ? config.extends.filter((e): e is string => typeof e === 'string') : [];
  for (const spec of parents) {
    const parent = resolveExtends(spec, dirname(file));
    if (parent) out = { ...out, ...definedOnly(load(parent, seen)) };
  }
  const own = config?.compilerOptions;
  if (typeof own?.baseUrl === 'string') out.baseUrl = resolve(dirname(file), own.baseUrl);
  if (own?.paths && typeof own.paths === 'object') out = { ...out, paths: own.paths as Record<string, unknown>, pathsDir: dirname(file) };
  return out;
}

const definedOnly = (o: Inherited): Inherited => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Inherited;

/** Resolves an `extends` entry: a file relative to the config, or a package config found in node_modules. */
function resolveExtends(spec: string, fromDir: string): string | undefined {
  const asFile = (p: string): string | undefined => {
    for (const candidate of [p, `${p}.json`]) if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    return undefined;
  };
  if (spec.startsWith('./') || spec.startsWith('../') || isAbsolute(spec)) return asFile(resolve(fromDir, spec));
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const target = join(dir, 'node_modules', spec);
    const found = asFile(target);
    if (found) return found;
    if (existsSync(target) && statSync(target).isDirectory()) {
      // A package: its package.json `tsconfig` field, else its tsconfig.json.
      let field: unknown;
      try { field = (JSON.parse(readFileSync(join(target, 'package.json'), 'utf8')) as { tsconfig?: unknown }).tsconfig; } catch { field = undefined; }
      return asFile(join(target, typeof field === 'string' ? field : 'tsconfig.json'));
    }
    if (dirname(dir) === dir) return undefined;
  }
}
