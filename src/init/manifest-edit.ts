import { isMap, isScalar, isSeq, parse, parseDocument, stringify, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { isDeepStrictEqual } from 'node:util';
import { ScopeInspectorError } from '../errors';
import { rewriteScopes } from '../fix/rewrite-scopes';

/** Items to append to a list of manifest.yml, e.g. `['modules', 'jira:adminPage']` or `['resources']`. */
export interface ListAddition {
  path: string[];
  items: Record<string, unknown>[];
}

/** Returns the parsed manifest document, or throws `INIT_MANIFEST_INVALID` naming the line. */
export function manifestDocument(text: string, file: string): Document {
  const doc = parseDocument(text);
  const e = doc.errors[0];
  if (e) throw new ScopeInspectorError('INIT_MANIFEST_INVALID', `${file}:${e.linePos?.[0].line ?? '?'}: ${e.message.split('\n')[0]}`);
  if (!isMap(doc.contents)) throw new ScopeInspectorError('INIT_MANIFEST_INVALID', `${file}: the top level is not a mapping`);
  return doc;
}

const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;
const indentAt = (text: string, at: number) => /^[ \t]*/.exec(text.slice(lineStart(text, at)))![0];

/** Renders `value` as block YAML, every line indented by `indent`. */
function block(value: unknown, indent: string): string {
  return stringify(value, { lineWidth: 0 })
    .split('\n')
    .map((line) => (line ? indent + line : line))
    .join('\n');
}

/** Returns the text with `insert` placed at `at`, starting on a line of its own. */
function spliceLines(text: string, at: number, insert: string): string {
  const before = text.slice(0, at);
  return before + (before === '' || before.endsWith('\n') ? '' : '\n') + insert + text.slice(at);
}

/**
 * Returns `text` with the items appended, editing only where they go: a block list gets them
 * after its last item, at its indentation; a missing list becomes a key at the end of its parent
 * mapping. Located with yaml's Document API, rendered with yaml, so comments, quoting and the
 * layout of everything else survive byte for byte. Undefined when the layout is not one this
 * splicing handles (flow collections): the caller then edits through the Document.
 */
function spliceList(text: string, addition: ListAddition): string | undefined {
  const doc = parseDocument(text);
  const node = doc.getIn(addition.path, true);
  if (isSeq(node) && !node.flow && node.items.length > 0 && node.range) {
    const first = node.items[0] as { range?: [number, number, number] };
    if (!first.range) return undefined;
    const dash = indentAt(text, first.range[0]);
    // Items written as `- key: ...` start at the dash; the rendered item does too.
    return spliceLines(text, node.range[2], block(addition.items, dash));
  }
  if (isSeq(node) && node.flow && node.range) {
    // `key: [a, b]` stays a flow list: only its own text is rewritten.
    const list = node.clone() as YAMLSeq;
    for (const item of addition.items) list.add(doc.createNode(item));
    return text.slice(0, node.range[0]) + stringify(list, { lineWidth: 0 }).trimEnd() + text.slice(node.range[1]);
  }
  if (node !== undefined && !(isScalar(node) && node.value === null)) return undefined;
  const parentPath = addition.path.slice(0, -1);
  const parent = (parentPath.length ? doc.getIn(parentPath, true) : doc.contents) as YAMLMap | undefined;
  const key = addition.path[addition.path.length - 1];
  if (parent === undefined && parentPath.length === 1) {
    // `resources:` or `permissions:` absent: a new top-level key at the end.
    return spliceLines(text, text.length, block({ [parentPath[0]]: { [key]: addition.items } }, ''));
  }
  if (!isMap(parent) || parent.flow || !parent.range || parent.items.length === 0) return undefined;
  if (node !== undefined) return undefined; // `key:` present but empty: the Document handles it
  const firstKey = parent.items[0].key as { range?: [number, number, number] };
  if (!firstKey?.range) return undefined;
  const keyIndent = parentPath.length === 0 ? '' : indentAt(text, firstKey.range[0]);
  // Match how this manifest indents a list under its key (`key:\n  - a` or `key:\n- a`).
  const listIndent = keyIndent + listOffset(doc, text);
  const rendered = `${keyIndent}${stringify(key).trimEnd()}:\n${block(addition.items, listIndent)}`;
  return spliceLines(text, parent.range[2], rendered);
}

/** Returns the indentation this manifest gives a block list under its key (two spaces when it has none). */
function listOffset(doc: Document, text: string): string {
  let found: string | undefined;
  const visit = (node: unknown, keyStart?: number): void => {
    if (found !== undefined) return;
    if (isSeq(node) && !node.flow && keyStart !== undefined && node.items[0] && (node.items[0] as { range?: number[] }).range) {
      const dash = indentAt(text, (node.items[0] as { range: number[] }).range[0]).length;
      found = ' '.repeat(Math.max(0, dash - indentAt(text, keyStart).length));
      return;
    }
    if (isMap(node)) for (const pair of node.items) visit(pair.value, (pair.key as { range?: number[] })?.range?.[0]);
  };
  visit(doc.contents);
  return found ?? '  ';
}

/** The same edits through the Document (used when splicing cannot place them). */
function documentEdit(text: string, additions: readonly ListAddition[]): string {
  const doc = parseDocument(text);
  for (const a of additions) {
    const node = doc.getIn(a.path, true);
    if (isSeq(node)) for (const item of a.items) (node as YAMLSeq).add(doc.createNode(item));
    else doc.setIn(a.path, doc.createNode(a.items));
  }
  return doc.toString({ lineWidth: 0 });
}

/** Returns the plain value of the manifest after the additions, for checking an edit. */
function expectedValue(text: string, additions: readonly ListAddition[], scopes: readonly string[]): unknown {
  const value = (parse(text) ?? {}) as Record<string, any>;
  for (const a of additions) {
    let at = value;
    for (const k of a.path.slice(0, -1)) at = at[k] ??= {};
    const last = a.path[a.path.length - 1];
    at[last] = [...(Array.isArray(at[last]) ? at[last] : []), ...a.items];
  }
  if (scopes.length) {
    value.permissions ??= {};
    const present: string[] = Array.isArray(value.permissions.scopes) ? value.permissions.scopes : [];
    value.permissions.scopes = [...present, ...scopes.filter((s) => !present.includes(s))];
  }
  return value;
}

/**
 * Returns manifest.yml text with the lists extended and the scopes added (keeping the text of
 * everything else). The result is checked: it must parse to exactly the expected manifest.
 */
export function editManifest(text: string, additions: readonly ListAddition[], scopes: readonly string[], file: string): string {
  const expected = expectedValue(text, additions, scopes);
  const existing = parseDocument(text).getIn(['permissions', 'scopes'], true);
  // A block list is edited line by line (rewriteScopes); a flow list or none, like the other lists.
  const scopeList = isSeq(existing) && !existing.flow && existing.items.length > 0;
  const all = scopes.length && !scopeList ? [...additions, { path: ['permissions', 'scopes'], items: scopes as unknown as Record<string, unknown>[] }] : additions;
  let out: string | undefined = text;
  for (const a of all) out = out === undefined ? undefined : spliceList(out, a);
  if (out === undefined || !isDeepStrictEqual(parse(out), expectedValue(text, all, []))) out = documentEdit(text, all);
  if (scopes.length && scopeList) out = rewriteScopes(out, { add: scopes, remove: [] }, file);
  if (!isDeepStrictEqual(parse(out), expected)) {
    throw new ScopeInspectorError('INIT_MANIFEST_EDIT', `${file}: cannot add the admin page modules without changing something else`);
  }
  return out;
}
