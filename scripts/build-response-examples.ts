/**
 * Builds local/generated/response-examples.json: for every operation of Atlassian's OpenAPI
 * documents, its documented success status and a small example body, so the sandbox's product
 * stand-in can answer operations that have no hand-written fixture.
 *
 *   tsx scripts/build-response-examples.ts [--from DIR] [--out FILE] [--check]
 *
 * --from DIR  folder with the OpenAPI documents (default ../shared/openapi next to the repo)
 * --check     build in memory and exit 1 if the committed file differs
 * Examples are depth-limited, arrays hold one item and long strings are cut, to stay small.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readHandWritten } from './catalog/hand-written';

const ROOT = resolve(__dirname, '..');
const DOCUMENTS = ['jira-platform', 'jira-software', 'jira-service-management', 'assets', 'jsm-ops', 'confluence-v1', 'confluence-v2', 'bitbucket'];
const METHODS = ['get', 'post', 'put', 'delete', 'patch', 'head', 'options'];
const MAX_DEPTH = 4;
const MAX_PROPERTIES = 12;
const MAX_STRING = 120;

type Json = any;

/** Path prefix an app writes before the document's paths (`/wiki/api/v2`, `/2.0`), from `servers[0].url`. */
function serverPrefix(doc: Json): string {
  const url = String(doc.servers?.[0]?.url ?? '');
  const path = url.replace(/^[a-z]*:?\/\/[^/]*/i, '');
  return path.replace(/\/+$/, '');
}

function resolveRef(doc: Json, ref: string): Json {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce((node: Json, part) => node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
}

/** Shrinks a documented example: arrays to one item, depth-limited, long strings cut. */
function compact(value: Json, depth = 0): Json {
  if (typeof value === 'string') return value.length > MAX_STRING ? value.slice(0, MAX_STRING) : value;
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH + 2) return Array.isArray(value) ? [] : {};
  if (Array.isArray(value)) return value.slice(0, 1).map((v) => compact(v, depth + 1));
  const out: Json = {};
  for (const [k, v] of Object.entries(value).slice(0, MAX_PROPERTIES * 2)) out[k] = compact(v, depth + 1);
  return out;
}

function stringFor(schema: Json): string {
  switch (schema.format) {
    case 'date-time':
      return '2024-01-01T00:00:00.000Z';
    case 'date':
      return '2024-01-01';
    case 'uri':
    case 'url':
      return 'https://sandbox.atlassian.net/';
    case 'uuid':
      return '00000000-0000-4000-8000-000000000000';
    default:
      return 'string';
  }
}

/** Returns a plausible value for a schema: its example, first enum value, or one built from its shape. */
function sample(doc: Json, schema: Json, depth: number, seen: Set<string>): Json {
  if (!schema || typeof schema !== 'object') return undefined;
  if (schema.$ref) {
    if (seen.has(schema.$ref) || depth > MAX_DEPTH) return undefined;
    const next = new Set(seen).add(schema.$ref);
    return sample(doc, resolveRef(doc, schema.$ref), depth, next);
  }
  if (schema.example !== undefined) return compact(schema.example);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (schema.allOf) {
    const parts = schema.allOf.map((s: Json) => sample(doc, s, depth, seen));
    return parts.every((p: Json) => p && typeof p === 'object' && !Array.isArray(p)) ? Object.assign({}, ...parts) : parts.find((p: Json) => p !== undefined);
  }
  if (schema.oneOf || schema.anyOf) return sample(doc, (schema.oneOf ?? schema.anyOf)[0], depth, seen);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'array' || schema.items) {
    if (depth >= MAX_DEPTH) return [];
    const item = sample(doc, schema.items, depth + 1, seen);
    return item === undefined ? [] : [item];
  }
  if (type === 'object' || schema.properties || schema.additionalProperties) {
    if (depth >= MAX_DEPTH) return {};
    const out: Json = {};
    const required = new Set<string>(schema.required ?? []);
    // Required properties first, so the cut keeps what clients rely on.
    const names = Object.keys(schema.properties ?? {}).sort((a, b) => Number(required.has(b)) - Number(required.has(a)));
    for (const name of names.slice(0, MAX_PROPERTIES)) {
      const v = sample(doc, schema.properties[name], depth + 1, seen);
      if (v !== undefined) out[name] = v;
    }
    return out;
  }
  if (type === 'string') return stringFor(schema);
  if (type === 'integer' || type === 'number') return schema.minimum ?? 0;
  if (type === 'boolean') return false;
  return undefined;
}

/** Returns `{ status, body }` for an operation's documented success answer. */
function successExample(doc: Json, operation: Json): { status: number; body?: Json } {
  const responses = operation.responses ?? {};
  const codes = Object.keys(responses).filter((c) => /^2\d\d$/.test(c)).sort();
  const status = codes.length ? Number(codes[0]) : 200;
  let response = responses[String(status)] ?? {};
  if (response.$ref) response = resolveRef(doc, response.$ref) ?? {};
  const media = response.content?.['application/json'] ?? Object.values(response.content ?? {})[0];
  if (!media || status === 204) return { status };
  let example = media.example ?? (Object.values(media.examples ?? {})[0] as Json)?.value;
  if (typeof example === 'string' && /^\s*[[{]/.test(example)) {
    try {
      example = JSON.parse(example);
    } catch {
      example = undefined;
    }
  }
  const body = example !== undefined ? compact(example) : sample(doc, media.schema, 0, new Set());
  return body === undefined ? { status } : { status, body };
}

/** Returns the generated file's text for the documents in `from`. */
export function buildResponseExamples(from: string): { text: string; count: number } {
  const operations: Record<string, { status: number; body?: Json }> = {};
  const historyDir = join(from, 'history');
  // Older editions come last: they only fill in operations today's documents dropped.
  const history = existsSync(historyDir) ? readdirSync(historyDir).filter((f) => f.endsWith('.json')).sort().map((f) => `history/${f.slice(0, -5)}`) : [];
  for (const name of [...DOCUMENTS, ...history]) {
    const file = join(from, `${name}.json`);
    if (!existsSync(file)) throw new Error(`${file}: not found (pass --from DIR)`);
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    const prefix = serverPrefix(doc);
    for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
      for (const method of METHODS) {
        if (!item[method]) continue;
        const key = `${method.toUpperCase()} ${prefix}${path}`;
        // The first document to define an operation wins, as in the catalog.
        operations[key] ??= successExample(doc, item[method]);
      }
    }
  }
  // The catalog's hand-written entries have no document: their pages give no body, only success.
  for (const { extracted } of readHandWritten()) for (const op of extracted.operations) operations[`${op.method} ${op.template}`] ??= { status: 200 };
  const lines = Object.keys(operations)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${JSON.stringify(operations[key])}`);
  const text =
    `{"generated":"DO NOT EDIT: written by scripts/build-response-examples.ts from Atlassian's OpenAPI documents",\n` +
    `"operations":{\n${lines.join(',\n')}\n}}\n`;
  return { text, count: lines.length };
}

function main(argv: string[]): number {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const from = resolve(arg('--from') ?? join(ROOT, '..', 'shared', 'openapi'));
  const out = resolve(arg('--out') ?? join(ROOT, 'local', 'generated', 'response-examples.json'));
  const { text, count } = buildResponseExamples(from);
  if (argv.includes('--check')) {
    const same = existsSync(out) && readFileSync(out, 'utf8') === text;
    console.log(same ? `${out} is up to date` : `${out} is stale: run tsx scripts/build-response-examples.ts`);
    return same ? 0 : 1;
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  console.log(`${out}: ${count} operations, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
