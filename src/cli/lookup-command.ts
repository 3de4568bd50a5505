import { match, normalizeMethod, routeIndex, type Family, type MatchResult, type Operation, type PathForm, type RouteIndex } from '../catalog';
import { ScopeInspectorError } from '../errors';
import { styler, type CliIo } from './output';
import { PATH_FORM_NOTE } from '../report/call-facts';

const FAMILY_BY_PREFIX: [RegExp, Family][] = [
  [/^\/wiki(\/|$)/, 'requestConfluence'],
  [/^\/2\.0(\/|$)/, 'requestBitbucket'],
];

/** The products `lookup --product` accepts, and the product function each is called through. */
export const LOOKUP_PRODUCTS: Readonly<Record<string, Family>> = { jira: 'requestJira', confluence: 'requestConfluence', bitbucket: 'requestBitbucket' };
const PRODUCT_OF_FAMILY = Object.fromEntries(Object.entries(LOOKUP_PRODUCTS).map(([p, f]) => [f, p])) as Record<Family, string>;

/** Returns the product function a path is called through, from its prefix (Jira by default). */
export function familyOfPath(path: string): Family {
  return FAMILY_BY_PREFIX.find(([pattern]) => pattern.test(path))?.[1] ?? 'requestJira';
}

/** HTTP methods are ASCII tokens: `toUpperCase` would turn `poſt` into `POST`, so anything else is refused first. */
const ASCII_METHOD = /^[A-Za-z]+$/;

/** A lookup's outcome: a match or why not, and the products that document the path when more than one does. */
export interface LookupResult {
  result: MatchResult;
  ambiguous?: string[];
}

/**
 * Matches a request in the given product. Without one, a path under `/wiki` or `/2.0` is looked
 * up in Confluence or Bitbucket first; any other path, or one that product does not document, in
 * every product. One product documenting it is the answer; several are ambiguous (listed): a path
 * an older edition documented without its product prefix (`/atlassian-connect/1/app/module/dynamic`
 * was Confluence's) can collide with another product's.
 */
export function lookupRequest(method: string, path: string, product?: string, index: RouteIndex = routeIndex()): LookupResult {
  if (!ASCII_METHOD.test(method)) return { result: { operation: undefined, code: 'UNKNOWN_METHOD', reason: `unknown HTTP method ${JSON.stringify(method)} (ASCII letters only, e.g. GET)` } };
  if (product) return { result: match(LOOKUP_PRODUCTS[product], method, path, index) };
  const first = familyOfPath(path);
  const primary = match(first, method, path, index);
  const prefixed = FAMILY_BY_PREFIX.some(([pattern]) => pattern.test(path));
  if ((prefixed && primary.operation) || (!primary.operation && primary.code !== 'NOT_FOUND' && primary.code !== 'METHOD_NOT_ALLOWED')) return { result: primary };
  const others = (Object.values(LOOKUP_PRODUCTS) as Family[]).filter((f) => f !== first).map((f) => match(f, method, path, index));
  const found = [primary, ...others].filter((r) => r.operation);
  if (found.length === 1) return { result: found[0] };
  if (found.length === 0) return { result: primary };
  const ambiguous = found.map((r) => PRODUCT_OF_FAMILY[r.operation!.family]).sort();
  return { result: { operation: undefined, code: 'NOT_FOUND', reason: `[${method.toUpperCase()}] ${path}: documented by ${ambiguous.join(' and ')}; choose one with --product ${ambiguous.join('|')}` }, ambiguous };
}

/** Returns the JSON line `lookup --stdin` prints for one request. */
export function lookupRecord(method: string, path: string, lookup: LookupResult): object {
  const { result } = lookup;
  if (!result.operation) return { method, path, error: result.reason, code: result.code, ...(lookup.ambiguous ? { products: lookup.ambiguous } : {}) };
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

/** Reads one `--stdin` line: `METHOD PATH`, or `PRODUCT METHOD PATH`. */
function parseLine(text: string): { product?: string; method: string; path: string } {
  const words = text.split(/\s+/);
  const product = Object.hasOwn(LOOKUP_PRODUCTS, words[0]) ? words.shift() : undefined;
  const [method = '', ...rest] = words;
  return { product, method, path: rest.join(' ') };
}

/** Runs `lookup METHOD PATH` (or `--stdin`); returns the exit code. */
export async function runLookup(io: CliIo, method: string | undefined, path: string | undefined, options: { json?: boolean; stdin?: boolean; product?: string }): Promise<number> {
  if (options.product !== undefined && !Object.hasOwn(LOOKUP_PRODUCTS, options.product)) {
    throw new ScopeInspectorError('USAGE', `--product: unknown "${options.product}" (choose from ${Object.keys(LOOKUP_PRODUCTS).join(', ')})`);
  }
  if (options.stdin) {
    const input = await io.readStdin();
    const lines = input.split(/\r?\n/);
    let failures = 0;
    lines.forEach((line, i) => {
      const text = line.trim();
      if (!text || text.startsWith('#')) return;
      const request = parseLine(text);
      if (!request.path) {
        io.out(JSON.stringify({ method: request.method, path: request.path, error: `stdin line ${i + 1}: expected "METHOD PATH" or "PRODUCT METHOD PATH"` }));
        failures++;
        return;
      }
      const lookup = lookupRequest(request.method, request.path, request.product ?? options.product);
      io.out(JSON.stringify(lookupRecord(request.method, request.path, lookup)));
      if (!lookup.result.operation) failures++;
    });
    return failures ? 1 : 0;
  }
  if (!method || !path) throw new ScopeInspectorError('USAGE', 'lookup needs METHOD and PATH, e.g. lookup GET /rest/api/3/issue/ABC-1 (or --stdin)');
  if (!ASCII_METHOD.test(method) || !normalizeMethod(method)) throw new ScopeInspectorError('USAGE', `unknown HTTP method ${JSON.stringify(method)} (ASCII letters only, e.g. GET)`);
  const lookup = lookupRequest(method, path, options.product);
  const { result } = lookup;
  if (options.json) io.out(JSON.stringify(lookupRecord(method, path, lookup), null, 2));
  else if (result.operation) io.out(describeOperation(result.operation, io, result.pathForm));
  else io.err(`${result.code}: ${result.reason}`);
  return result.operation ? 0 : 1;
}
