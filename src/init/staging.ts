import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ScopeInspectorError } from '../errors';

/** A file as init will leave it: text, or bytes copied as they are. */
export interface PlannedFile {
  file: string;
  content: string | Buffer;
}

/** Folders never copied into the staging tree: dependencies and version control. */
const NOT_COPIED = new Set(['node_modules', '.git']);

/**
 * Returns a temporary copy of the app (without node_modules or .git) with the planned files
 * written, so the result can be validated and scanned before the real tree is touched.
 */
export function stageTree(appDir: string, files: readonly PlannedFile[]): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'scope-inspector-init-'));
  for (const entry of readdirSync(appDir)) {
    if (!NOT_COPIED.has(entry)) cpSync(join(appDir, entry), join(dir, entry), { recursive: true, verbatimSymlinks: true });
  }
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.file)), { recursive: true });
    writeFileSync(join(dir, f.file), f.content);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** One problem @forge/manifest found. */
export interface ManifestProblem {
  line?: number;
  message: string;
}

/**
 * Returns the errors `@forge/manifest` (the Forge CLI's own validation) finds in the manifest of
 * `dir`, leaving out those about Custom UI resources that are not built yet (`resources` named
 * in `unbuilt`): a missing build is the app's build state, not a manifest error.
 */
export async function manifestProblems(dir: string, unbuilt: readonly string[]): Promise<ManifestProblem[]> {
  // Loaded on demand: the schema is large and only init and the tests need it.
  const { validate } = require('@forge/manifest') as typeof import('@forge/manifest');
  const result = await validate(false, join(dir, 'manifest.yml'));
  return (result.errors ?? [])
    .filter((e) => e.level === 'error' && !unbuilt.some((path) => e.message.includes(path)))
    .map((e) => ({ line: e.line, message: e.message }));
}

/** Returns the resource paths of the manifest that are not built (no folder, or no index.html in it). */
export function unbuiltResources(appDir: string, resources: readonly { path?: unknown }[]): string[] {
  return resources.map((r) => String(r.path)).filter((p) => {
    const abs = join(appDir, p);
    if (!existsSync(abs)) return true;
    try {
      return readdirSync(abs).length === 0;
    } catch {
      return false; // a file (a UI Kit entry) is built by Forge
    }
  });
}

/** Throws the refusal for an invalid manifest, one line per problem. */
export function refuseInvalidManifest(problems: readonly ManifestProblem[], after: boolean): never {
  const lines = problems.slice(0, 10).map((p) => `  manifest.yml${p.line ? `:${p.line}` : ''}: ${p.message}`);
  const head = after
    ? 'the manifest init would write does not pass @forge/manifest validation (nothing was changed; please report this):'
    : 'manifest.yml does not pass @forge/manifest validation; fix it first (nothing was changed):';
  throw new ScopeInspectorError(after ? 'INIT_RESULT_INVALID' : 'INIT_MANIFEST_INVALID', [head, ...lines, ...(problems.length > 10 ? [`  … and ${problems.length - 10} more`] : [])].join('\n'));
}
