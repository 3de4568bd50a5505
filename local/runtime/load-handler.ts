import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ScopeInspectorError } from '../../src/errors';
import type { AppManifest, ManifestFunction } from '../app-manifest';

/** A Forge function handler: `(event, context) => result`. */
export type Handler = (event: unknown, context: unknown) => unknown;

/** Returns the manifest function with this key, or throws SANDBOX_UNKNOWN_FUNCTION naming the known ones. */
export function findFunction(manifest: AppManifest, functionKey: string): ManifestFunction {
  const fn = manifest.functions.find((f) => f.key === functionKey);
  if (!fn) {
    const known = manifest.functions.map((f) => f.key).join(', ') || 'none';
    throw new ScopeInspectorError('SANDBOX_UNKNOWN_FUNCTION', `[invoke] ${functionKey}: no such function in the manifest (known: ${known})`);
  }
  return fn;
}

/** Loads a module the way the running loader can: `require` (CommonJS, and ESM or TypeScript under tsx/jest), else `import()`. */
async function loadModule(file: string): Promise<Record<string, unknown>> {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(file);
  } catch (error) {
    // Native ESM that `require` cannot take (top-level await, or Node without require(esm)).
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ERR_REQUIRE_ESM' && code !== 'ERR_REQUIRE_ASYNC_MODULE') throw error;
    return (await import(pathToFileURL(require.resolve(file)).href)) as Record<string, unknown>;
  }
}

/**
 * Loads the handler named `file.export` from the app's `src/` folder, as Forge does: TypeScript
 * or JavaScript, CommonJS or ESM (`.ts`, `.tsx`, `.js`, `.jsx`, `.cjs`), a named export
 * or a property of the default export.
 */
export async function loadHandler(manifest: AppManifest, fn: ManifestFunction): Promise<Handler> {
  const dot = fn.handler.lastIndexOf('.');
  if (dot <= 0) {
    throw new ScopeInspectorError('SANDBOX_BAD_HANDLER', `[invoke] ${fn.key}: handler '${fn.handler}' is not of the form file.export`);
  }
  const file = join(manifest.appDir, 'src', fn.handler.slice(0, dot));
  const exportName = fn.handler.slice(dot + 1);
  let mod: Record<string, unknown>;
  try {
    mod = await loadModule(file);
  } catch (cause) {
    throw new ScopeInspectorError('SANDBOX_HANDLER_LOAD_FAILED', `[invoke] ${fn.key}: cannot load ${file}: ${String(cause)}`, { cause });
  }
  const handler = mod[exportName] ?? (mod.default as Record<string, unknown> | undefined)?.[exportName];
  if (typeof handler !== 'function') {
    throw new ScopeInspectorError('SANDBOX_BAD_HANDLER', `[invoke] ${fn.key}: ${file} exports no function '${exportName}'`);
  }
  return handler as Handler;
}
