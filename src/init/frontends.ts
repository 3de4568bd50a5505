import { posix } from 'node:path';
import type { Node } from '../scan/scope';
import type { AppSources } from './app-sources';
import { walk } from './source-file';

/** A Custom UI or UI Kit frontend: its source files and the resolver functions of the modules showing it. */
export interface Frontend {
  resource: string;
  kind: 'custom-ui' | 'ui-kit';
  files: string[];
  /** Function keys of the resolvers of the modules that show it (where its tally is sent). */
  resolvers: string[];
  /** Modules that show it without a resolver. */
  withoutResolver: string[];
}

type Raw = Record<string, any>;
const BUILD_DIRS = new Set(['build', 'dist', 'out']);
const literal = (n: Node | undefined): string | undefined => (n?.type === 'Literal' && typeof n.value === 'string' ? n.value : undefined);

/** Returns the source folder of a Custom UI resource (its build folder's parent: `static/app/build` → `static/app`). */
export function sourceRoot(resourcePath: string): string {
  const parts = resourcePath.replace(/^\.\//, '').replace(/\/+$/, '').split('/');
  while (parts.length > 1 && BUILD_DIRS.has(parts[parts.length - 1])) parts.pop();
  return parts.join('/');
}

/** Returns the files an entry reaches through relative (and aliased) imports. */
function reachable(sources: AppSources, entry: string): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || !sources.files.has(file)) continue;
    seen.add(file);
    walk(sources.get(file).program, (n) => {
      const s = n.type === 'ImportDeclaration' || n.type === 'ExportNamedDeclaration' || n.type === 'ExportAllDeclaration' || n.type === 'ImportExpression' ? literal(n.source) : n.type === 'CallExpression' && n.callee?.name === 'require' ? literal(n.arguments[0]) : undefined;
      const target = s ? sources.resolve(file, s) : undefined;
      if (target) queue.push(target);
    });
  }
  return [...seen].sort();
}

/**
 * Returns the app's frontends: every resource shown by a module. UI Kit resources (`render:
 * native`, a source file) are the files their entry reaches; Custom UI resources are every
 * source file under the folder their build comes from. Init's own resource is left out.
 */
export function findFrontends(manifest: Raw, sources: AppSources, ownResource: string): Frontend[] {
  const resources = new Map<string, string>();
  for (const r of Array.isArray(manifest.resources) ? manifest.resources : []) if (r?.key && r.key !== ownResource) resources.set(String(r.key), String(r.path));
  const byResource = new Map<string, Frontend>();
  for (const [type, list] of Object.entries((manifest.modules ?? {}) as Raw)) {
    if (!Array.isArray(list)) continue;
    for (const m of list) {
      const path = typeof m?.resource === 'string' ? resources.get(m.resource) : undefined;
      if (path === undefined) continue;
      let frontend = byResource.get(m.resource);
      if (!frontend) {
        const file = path.replace(/^\.\//, '');
        const uiKit = m.render === 'native' || sources.files.has(file);
        const root = sourceRoot(path);
        const files = uiKit && sources.files.has(file) ? reachable(sources, file) : [...sources.files].filter((f) => f.startsWith(`${root}/`)).sort();
        frontend = { resource: m.resource, kind: uiKit ? 'ui-kit' : 'custom-ui', files, resolvers: [], withoutResolver: [] };
        byResource.set(m.resource, frontend);
      }
      const fn = m.resolver?.function;
      if (typeof fn === 'string') {
        if (!frontend.resolvers.includes(fn)) frontend.resolvers.push(fn);
      } else frontend.withoutResolver.push(`${type} ${m.key}`);
    }
  }
  return [...byResource.values()];
}

/** Returns the deepest folder holding all the files (where a frontend's generated module goes). */
export function commonDir(files: readonly string[]): string {
  const split = files.map((f) => posix.dirname(f).split('/'));
  const out: string[] = [];
  for (let i = 0; split.every((p) => i < p.length && p[i] === split[0][i]); i++) out.push(split[0][i]);
  return out.join('/');
}
