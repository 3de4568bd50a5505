import { operationsAuthorizedBy, scopeInfo } from '../catalog';
import { ScopeInspectorError } from '../errors';
import { styler, type CliIo } from './output';

/** Runs `scopes SCOPE...`: the operations those scopes authorize together; returns the exit code. */
export function runScopes(io: CliIo, scopes: string[], options: { json?: boolean }): number {
  if (!scopes.length) throw new ScopeInspectorError('USAGE', 'scopes needs at least one scope name, e.g. scopes read:jira-work');
  const unknown = scopes.filter((s) => !scopeInfo(s));
  const ops = operationsAuthorizedBy(scopes);
  if (options.json) {
    io.out(
      JSON.stringify(
        { scopes, unknown, count: ops.length, operations: ops.map((o) => ({ key: o.key, product: o.product, operationId: o.operationId })) },
        null,
        2,
      ),
    );
  } else {
    const s = styler(io.color);
    for (const name of unknown) io.err(s.yellow(`unknown scope: ${name} (not in the catalog nor in @forge/manifest's list)`));
    io.out(s.bold(`${ops.length} operations authorized by ${scopes.join(' + ')}`));
    for (const op of ops) io.out(`  ${op.key}${op.removed ? s.dim(` (removed ${op.removed})`) : ''}`);
  }
  return unknown.length === scopes.length ? 1 : 0;
}
