import { match, normalizeMethod, type Family, type MatchResult, type Operation, type PathForm } from '../catalog';
import { ScopeInspectorError } from '../errors';
import { styler, type CliIo } from './output';

const FAMILY_BY_PREFIX: [RegExp, Family][] = [
  [/^\/wiki(\/|$)/, 'requestConfluence'],
  [/^\/2\.0(\/|$)/, 'requestBitbucket'],
];

/** Returns the product function a path is called through, from its prefix (Jira by default). */
export function familyOfPath(path: string): Family {
  return FAMILY_BY_PREFIX.find(([pattern]) => pattern.test(path))?.[1] ?? 'requestJira';
}

/** Returns the JSON line `lookup --stdin` prints for one request. */
export function lookupRecord(method: string, path: string, result: MatchResult): object {
  if (!result.operation) return { method, path, error: result.reason, code: result.code };
  const op = result.operation;
  return {
    method,
    path,
    template: op.template,
    operationId: op.operationId,
    product: op.product,
    alternatives: op.alternatives.map((a) => ({ kind: a.kind, scopes: a.scopes })),
    ...(op.undocumented ? { undocumented: true } : {}),
    ...(op.partial ? { partial: op.partial, ...(op.probableScopes ? { probableScopes: op.probableScopes } : {}) } : {}),
    ...(result.pathForm ? { pathForm: result.pathForm } : {}),
    ...(op.forgePathUnverified ? { forgePathUnverified: true } : {}),
    ...(op.removed ? { removed: op.removed } : {}),
    ...(op.deprecated ? { deprecated: true } : {}),
    docUrl: op.docUrl,
  };
}

/** What each path form means for the person who wrote the path (docs/catalog.md, "Path forms"). */
const PATH_FORM_NOTE: Record<PathForm, string> = {
  forge: 'path form: forge (the form Atlassian documents for Forge apps)',
  'cloud-id': 'path form: cloud-id (the basic-auth form, with the cloud id in the path; requestJira is reported to answer 401 to it: drop the cloud id)',
  unverified: 'path form: unverified (Atlassian documents no Forge form of this path; a Forge app may not reach it)',
};

function describeOperation(op: Operation, io: CliIo, pathForm?: PathForm): string {
  const s = styler(io.color);
  const lines = [
    `${s.bold(op.key)}  ${s.dim(`(${op.product}, ${op.family})`)}`,
    `  ${op.operationId ? `${op.operationId}: ` : ''}${op.summary}`,
  ];
  if (pathForm) lines.push(pathForm === 'forge' ? s.dim(`  ${PATH_FORM_NOTE[pathForm]}`) : s.yellow(`  ${PATH_FORM_NOTE[pathForm]}`));
  if (op.partial) lines.push(s.yellow(`  partial entry: ${op.partial}${op.probableScopes ? ` (probably ${op.probableScopes.join(' AND ')})` : ''}`));
  if (op.removed) lines.push(s.yellow(`  removed from Atlassian's current documentation (last documented ${op.removed})`));
  if (op.deprecated) lines.push(s.yellow('  deprecated'));
  if (op.undocumented && !op.partial) lines.push(s.yellow('  the documents list no Forge scope for it: requirement undocumented'));
  op.alternatives.forEach((a, i) => {
    const scopes = a.scopes.length ? a.scopes.join(' AND ') : '(no scope needed)';
    lines.push(`  ${i ? 'or ' : '   '}${a.kind.padEnd(8)} ${scopes}${a.source === 'inferred' ? s.dim('  [inferred, see docs/catalog.md]') : ''}`);
  });
  lines.push(`  ${s.cyan(op.docUrl)}`);
  return lines.join('\n');
}

/** Runs `lookup METHOD PATH` (or `--stdin`); returns the exit code. */
export async function runLookup(io: CliIo, method: string | undefined, path: string | undefined, options: { json?: boolean; stdin?: boolean }): Promise<number> {
  if (options.stdin) {
    const input = await io.readStdin();
    const lines = input.split(/\r?\n/);
    let failures = 0;
    lines.forEach((line, i) => {
      const text = line.trim();
      if (!text || text.startsWith('#')) return;
      const [m, ...rest] = text.split(/\s+/);
      const p = rest.join(' ');
      const result = p ? match(familyOfPath(p), m, p) : undefined;
      if (!result) io.out(JSON.stringify({ method: m, path: p, error: `stdin line ${i + 1}: expected "METHOD PATH"` }));
      else io.out(JSON.stringify(lookupRecord(m, p, result)));
      if (!result?.operation) failures++;
    });
    return failures ? 1 : 0;
  }
  if (!method || !path) throw new ScopeInspectorError('USAGE', 'lookup needs METHOD and PATH, e.g. lookup GET /rest/api/3/issue/ABC-1 (or --stdin)');
  if (!normalizeMethod(method)) throw new ScopeInspectorError('USAGE', `unknown HTTP method "${method}"`);
  const result = match(familyOfPath(path), method, path);
  if (options.json) io.out(JSON.stringify(lookupRecord(method, path, result), null, 2));
  else if (result.operation) io.out(describeOperation(result.operation, io, result.pathForm));
  else io.err(`${result.code}: ${result.reason}`);
  return result.operation ? 0 : 1;
}
