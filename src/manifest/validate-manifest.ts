import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import { ScopeInspectorError } from '../errors';

/** The shape of a manifest field Scope Inspector reads: a scalar type, a list, a map with known keys, or a map of anything. */
type Shape =
  | { kind: 'string' | 'number' | 'boolean'; noun?: string }
  | { kind: 'list'; of: Shape; noun: string }
  | { kind: 'map'; fields: Record<string, Shape>; noun: string }
  | { kind: 'mapOf'; of: Shape; noun: string }
  | { kind: 'oneOf'; shapes: Shape[]; noun: string };

const str: Shape = { kind: 'string' };
const num: Shape = { kind: 'number' };
const bool: Shape = { kind: 'boolean' };
const list = (of: Shape, noun: string): Shape => ({ kind: 'list', of, noun });
const map = (noun: string, fields: Record<string, Shape> = {}): Shape => ({ kind: 'map', fields, noun });
const oneOf = (noun: string, ...shapes: Shape[]): Shape => ({ kind: 'oneOf', shapes, noun });

const token = map('a map', { enabled: bool });
const auth = map('a map', { appSystemToken: token, appUserToken: token });
const egress = list(oneOf('a string or a map', str, map('a map')), 'a list of domains');
// Forge's schema: `fetch` holds two lists, `configurable` options; every other type is a list.
const EXTERNAL = map('a map of resource types (fetch, images, scripts, …)', {
  fetch: map('a map', { backend: egress, client: egress }),
  ...Object.fromEntries(['images', 'media', 'scripts', 'styles', 'frames', 'fonts', 'navigation'].map((type) => [type, egress])),
  configurable: map('a map'),
});
const MODULE = map('a module (a map)', {
  key: str,
  function: str,
  resolver: map('a map', { function: str, endpoint: str }),
  resource: str,
  handler: str,
  timeoutSeconds: num,
  timeout: num,
  events: list(str, 'a list of event names'),
  interval: str,
  title: oneOf('a string or a map of translations', str, map('a map')),
  productContexts: list(str, 'a list of strings'),
  auth,
});

/** Every field the audit reads, with the type Forge's manifest schema gives it. Other fields are not checked. */
const MANIFEST: Shape = map('a map', {
  app: map('a map', { id: str, runtime: map('a map', { name: str }) }),
  permissions: map('a map', {
    // A list of names; the schema also allows a map of names to `{ allowImpersonation }`.
    scopes: oneOf('a list of scope names', list({ kind: 'string', noun: 'a scope name (a string)' }, 'a list of scope names'), { kind: 'mapOf', of: map('a map', { allowImpersonation: bool }), noun: 'a map' }),
    external: EXTERNAL,
  }),
  modules: { kind: 'mapOf', of: list(MODULE, 'a list of modules'), noun: 'a map of module types' },
  resources: list(map('a resource (a map)', { key: str, path: str }), 'a list of resources'),
  remotes: list(map('a remote (a map)', { key: str, auth }), 'a list of remotes'),
});

const NOUN: Record<string, string> = { string: 'a string', number: 'a number', boolean: 'true or false' };
const nounOf = (shape: Shape): string => shape.noun ?? NOUN[shape.kind];

const isEmpty = (node: unknown): boolean => node === null || node === undefined || (isScalar(node) && (node.value === null || node.value === undefined));

/** Describes a YAML node for "…, not <this>" in messages. */
function describe(node: unknown): string {
  if (isEmpty(node)) return 'empty';
  if (isAlias(node)) return `an alias (*${node.source})`;
  if (isMap(node)) return 'a map';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    if (typeof v === 'string') return `a string (${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)})`;
    if (typeof v === 'number' || typeof v === 'bigint') return `a number (${String(v)})`;
    if (typeof v === 'boolean') return `${v} (a boolean)`;
    return `a ${typeof v}`;
  }
  return 'something else';
}

function matches(node: unknown, shape: Shape): boolean {
  switch (shape.kind) {
    case 'string': return isScalar(node) && typeof node.value === 'string';
    case 'number': return isScalar(node) && typeof node.value === 'number';
    case 'boolean': return isScalar(node) && typeof node.value === 'boolean';
    case 'list': return isSeq(node);
    case 'map': case 'mapOf': return isMap(node);
    case 'oneOf': return shape.shapes.some((s) => matches(node, s));
  }
}


/**
 * Throws ScopeInspectorError `MANIFEST_SHAPE` at the first field the audit reads whose type is
 * wrong: `manifest.yml:7:5: permissions.scopes must be a list of scope names, not a string ("read:jira-work")`.
 * An empty field counts as absent; a list item may not be empty. Aliases are refused where the
 * audit reads: it reports and edits fields where they are written.
 */
export function validateManifest(doc: Document, lineCounter: LineCounter, file: string): void {
  const fail = (node: unknown, path: string, expected: string): never => {
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    const { line, col } = lineCounter.linePos(range ? range[0] : 0);
    throw new ScopeInspectorError('MANIFEST_SHAPE', `${file}:${line}:${col}: ${path || 'the manifest'} must be ${expected}, not ${describe(node)}`);
  };
  const check = (node: unknown, shape: Shape, path: string, item: boolean): void => {
    if (isEmpty(node)) {
      if (item || !path) fail(node, path, nounOf(shape));
      return;
    }
    if (isAlias(node) || !matches(node, shape)) fail(node, path, nounOf(shape));
    if (shape.kind === 'oneOf') return check(node, shape.shapes.find((s) => matches(node, s))!, path, item);
    if (shape.kind === 'list' && isSeq(node)) node.items.forEach((v, i) => check(v, shape.of, `${path}[${i}]`, true));
    if ((shape.kind === 'map' || shape.kind === 'mapOf') && isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : undefined;
        const name = typeof key === 'string' || typeof key === 'number' ? String(key) : undefined;
        if (name === undefined) fail(pair.key, path, `a map with names as keys`);
        const inner = shape.kind === 'mapOf' ? shape.of : shape.fields[name!];
        if (inner) check(pair.value, inner, path ? `${path}.${name}` : name!, false);
      }
    }
  };
  check(doc.contents, MANIFEST, '', false);
}
