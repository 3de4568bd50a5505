import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { ScopeInspectorError } from '../errors';

/** A scope edit: names to add to and remove from `permissions.scopes`. */
export interface ScopeChange {
  add: readonly string[];
  remove: readonly string[];
}

/** How the file writes what an edit adds: its line break, its indentation step, its quotes. */
interface Style {
  eol: string;
  indent: string;
}

/**
 * Returns manifest.yml text with scopes added to and removed from `permissions.scopes`. yaml's
 * Document API finds the nodes; the edit then changes only their lines (or the flow list's
 * brackets), so every byte it does not touch — comments, order, quoting, spacing, the BOM, CRLF
 * line breaks — stays as it was, and what it adds uses the file's own line break. An edit is
 * checked by parsing its result; should it not read back as intended, the Document API rewrites
 * the file instead (comments and quoting survive, spacing may not).
 */
export function rewriteScopes(text: string, change: ScopeChange, file = 'manifest.yml'): string {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    throw new ScopeInspectorError('MANIFEST_PARSE', `${file}:${e.linePos?.[0].line ?? '?'}:${e.linePos?.[0].col ?? '?'}: ${e.message.split('\n')[0]}`);
  }
  if (!isMap(doc.contents)) throw new ScopeInspectorError('MANIFEST_SHAPE', `${file}: the top level is not a mapping`);
  const permissions = doc.get('permissions', true);
  if (permissions !== undefined && !isEmpty(permissions) && !isMap(permissions)) throw new ScopeInspectorError('MANIFEST_SHAPE', `${file}: permissions is not a map`);
  const scopes = doc.getIn(['permissions', 'scopes'], true);
  if (scopes !== undefined && !isEmpty(scopes) && !isSeq(scopes)) throw new ScopeInspectorError('MANIFEST_SHAPE', `${file}: permissions.scopes is not a list`);
  const seq = isSeq(scopes) ? scopes : undefined;
  const present = new Set(seq?.items.map((i) => (isScalar(i) ? String(i.value) : '')) ?? []);
  const remove = new Set(change.remove);
  const add = [...new Set(change.add)].filter((s) => !present.has(s) && !remove.has(s));
  if (!add.length && ![...present].some((s) => remove.has(s))) return text;

  const expected = [...(seq?.items.map((i) => (isScalar(i) ? String(i.value) : '')) ?? []).filter((s) => !remove.has(s)), ...add];
  const style: Style = { eol: /\r\n/.test(text.slice(0, text.search(/\n|$/) + 1)) ? '\r\n' : '\n', indent: indentStep(text) };
  const edited = seq?.flow ? editFlow(text, seq, remove, add) : seq?.items.length ? editBlock(text, seq, remove, add, style) : addList(text, doc, add, style);
  if (edited !== undefined && readsBack(edited, expected)) return edited;
  return rewriteDocument(doc, seq, remove, add, text, style);
}

const isEmpty = (node: unknown): boolean => isScalar(node) && (node.value === null || node.value === undefined);
const lineBreak = /\r\n|\n/;

/** True when `text` parses and its `permissions.scopes` list is exactly `expected`. */
function readsBack(text: string, expected: string[]): boolean {
  const doc = parseDocument(text);
  if (doc.errors.length) return false;
  const scopes = (doc.toJS() as { permissions?: { scopes?: unknown } } | null)?.permissions?.scopes;
  return Array.isArray(scopes) && scopes.length === expected.length && scopes.every((s, i) => s === expected[i]);
}

/** The file's indentation step: the indentation of its first indented line (two spaces when none is). */
function indentStep(text: string): string {
  return /^(?:\uFEFF)?[^\s#].*\r?\n( +)\S/m.exec(text)?.[1] ?? '  ';
}

/** A scope written as a YAML scalar: in `quote` when given, plain when that reads back the same, else double-quoted. */
function scalar(name: string, quote: string): string {
  if (quote === "'") return `'${name.replace(/'/g, "''")}'`;
  if (quote === '"' || !/^[A-Za-z0-9][\w:.\-/]*$/.test(name)) return JSON.stringify(name);
  return name;
}

const quoteOf = (item: Scalar | undefined): string => (item?.type === 'QUOTE_SINGLE' ? "'" : item?.type === 'QUOTE_DOUBLE' ? '"' : '');

/** Start and end (after its line break) of the line holding `offset`. */
function lineAround(text: string, offset: number): { start: number; end: number } {
  const start = Math.max(text.lastIndexOf('\n', offset - 1) + 1, 0);
  const newline = text.indexOf('\n', offset);
  return { start, end: newline < 0 ? text.length : newline + 1 };
}

/** Edits a block list line by line; undefined when an item is not alone on its own line. */
function editBlock(text: string, seq: YAMLSeq, remove: Set<string>, add: string[], style: Style): string | undefined {
  const items = seq.items as Node[];
  if (!items.every((i) => isScalar(i) && i.range && !lineBreak.test(text.slice(i.range[0], i.range[1])))) return undefined;
  const lines = (items as Scalar[]).map((item) => ({ ...lineAround(text, item.range![0]), prefix: text.slice(lineAround(text, item.range![0]).start, item.range![0]) }));
  // Each item must start its own line as `- value`, or line edits could cut something else.
  if (!lines.every((l) => /^[ \t]*-[ \t]+$/.test(l.prefix))) return undefined;
  const last = lines[lines.length - 1];
  const lastItem = items[items.length - 1] as Scalar;
  // The last line may end the file without a line break: the additions then need one first.
  const endsFile = last.end === text.length && !/\n$/.test(text);
  const insert = (endsFile && add.length && !remove.has(String(lastItem.value)) ? style.eol : '') + add.map((s) => `${last.prefix}${scalar(s, quoteOf(lastItem))}${style.eol}`).join('');
  let out = '';
  let at = 0;
  (items as Scalar[]).forEach((item, i) => {
    if (!remove.has(String(item.value))) return;
    out += text.slice(at, lines[i].start);
    at = lines[i].end;
  });
  // Additions go right after the last item's line (even when that line is removed).
  return out + text.slice(at, Math.max(at, last.end)) + insert + text.slice(Math.max(at, last.end));
}

/** Rewrites a one-line flow list `[a, b]` in place, keeping each kept item as written; undefined for anything else. */
function editFlow(text: string, seq: YAMLSeq, remove: Set<string>, add: string[]): string | undefined {
  const [start, end] = seq.range ?? [];
  if (start === undefined || end === undefined || text[start] !== '[' || !text.slice(start, end).trimEnd().endsWith(']')) return undefined;
  const source = text.slice(start, end).trimEnd();
  if (lineBreak.test(source) || source.includes('#') || !seq.items.every((i) => isScalar(i) && i.range)) return undefined;
  const items = seq.items as Scalar[];
  const kept = items.filter((i) => !remove.has(String(i.value))).map((i) => text.slice(i.range![0], i.range![1]).trimEnd());
  const separator = /,\s/.test(source) || items.length < 2 ? ', ' : ',';
  const inner = [...kept, ...add.map((s) => scalar(s, quoteOf(items[items.length - 1])))].join(separator);
  const padded = /^\[\s/.test(source) ? `[ ${inner} ]` : `[${inner}]`;
  return text.slice(0, start) + (inner ? padded : '[]') + text.slice(start + source.length);
}

/** Adds a block list where there is none: under an empty `scopes:`, a `permissions:` without one, or a new `permissions:` at the end. */
function addList(text: string, doc: Document, add: string[], style: Style): string | undefined {
  if (!add.length) return text;
  const root = doc.contents as YAMLMap;
  const pair = (map: YAMLMap, key: string) => map.items.find((p) => isScalar(p.key) && p.key.value === key);
  const indentOf = (node: Node | undefined) => (node?.range ? text.slice(lineAround(text, node.range[0]).start, node.range[0]) : '');
  const list = (indent: string) => add.map((s) => `${indent}- ${scalar(s, '')}${style.eol}`).join('');
  /** Inserts lines after the line of `key`, dropping the text of its empty value (`null`, `~`) first. */
  const after = (key: Node, value: unknown, insert: string) => {
    const { end } = lineAround(text, key.range![0]);
    const range = isEmpty(value) ? (value as Scalar).range : undefined;
    const empty = range && range[1] > range[0] && range[1] <= end;
    let from = empty ? range[0] : end;
    const to = empty ? range[1] : end;
    if (from < to) while (text[from - 1] === ' ' || text[from - 1] === '\t') from--;
    const gap = end === text.length && !/\n$/.test(text) ? style.eol : '';
    return text.slice(0, from) + text.slice(to, end) + gap + insert + text.slice(end);
  };
  if (root.flow) return undefined;
  const permissions = pair(root, 'permissions');
  if (!permissions) {
    const gap = text === '' || /\n$/.test(text) ? '' : style.eol;
    return text + gap + `permissions:${style.eol}${style.indent}scopes:${style.eol}` + list(style.indent.repeat(2));
  }
  const keyIndent = indentOf(permissions.key as Node);
  if (/\S/.test(keyIndent)) return undefined;
  if (isEmpty(permissions.value)) return after(permissions.key as Node, permissions.value, `${keyIndent}${style.indent}scopes:${style.eol}` + list(keyIndent + style.indent.repeat(2)));
  if (!isMap(permissions.value) || permissions.value.flow) return undefined;
  const scopes = pair(permissions.value, 'scopes');
  const innerIndent = indentOf(permissions.value.items[0]?.key as Node) || keyIndent + style.indent;
  if (!scopes) return after(permissions.key as Node, undefined, `${innerIndent}scopes:${style.eol}` + list(innerIndent + style.indent));
  if (!isEmpty(scopes.value)) return undefined;
  return after(scopes.key as Node, scopes.value, list(indentOf(scopes.key as Node) + style.indent));
}

/** The fallback: yaml's Document API (keeps comments and quoting, may respace), then the file's line breaks and BOM. */
function rewriteDocument(doc: Document, seq: YAMLSeq | undefined, remove: Set<string>, add: string[], text: string, style: Style): string {
  let list = seq;
  if (!list) {
    if (isEmpty(doc.get('permissions', true))) doc.set('permissions', doc.createNode({}));
    doc.setIn(['permissions', 'scopes'], doc.createNode([]));
    list = doc.getIn(['permissions', 'scopes'], true) as YAMLSeq;
  }
  list.items = list.items.filter((item) => !(isScalar(item) && remove.has(String(item.value))));
  for (const scope of add) list.add(doc.createNode(scope));
  const out = doc.toString({ lineWidth: 0 }).replace(/\r?\n/g, style.eol);
  return text.startsWith('\uFEFF') && !out.startsWith('\uFEFF') ? `\uFEFF${out}` : out;
}
