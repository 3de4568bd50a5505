import { isMap, isScalar, isSeq, parseDocument, type Document, type Scalar, type YAMLSeq } from 'yaml';
import { ScopeInspectorError } from '../errors';

/** A scope edit: names to add to and remove from `permissions.scopes`. */
export interface ScopeChange {
  add: readonly string[];
  remove: readonly string[];
}

/**
 * Returns manifest.yml text with scopes added to and removed from `permissions.scopes`.
 * A block list is edited line by line, so every byte the edit does not touch — comments,
 * order, quoting, spacing — stays as it was. Anything else (a flow list `[a, b]`, no list
 * yet) is rewritten through yaml's Document API, which keeps comments and quoting.
 */
export function rewriteScopes(text: string, change: ScopeChange, file = 'manifest.yml'): string {
  const doc = parseDocument(text);
  if (doc.errors.length) {
    const e = doc.errors[0];
    throw new ScopeInspectorError('MANIFEST_PARSE', `${file}:${e.linePos?.[0].line ?? '?'}:${e.linePos?.[0].col ?? '?'}: ${e.message}`);
  }
  if (!isMap(doc.contents)) throw new ScopeInspectorError('MANIFEST_SHAPE', `${file}: the top level is not a mapping`);
  const scopes = doc.getIn(['permissions', 'scopes'], true);
  if (scopes !== undefined && !(isScalar(scopes) && scopes.value === null) && !isSeq(scopes)) {
    throw new ScopeInspectorError('MANIFEST_SHAPE', `${file}: permissions.scopes is not a list`);
  }
  const seq = isSeq(scopes) ? (scopes as YAMLSeq) : undefined;
  const lineEdit = seq && !seq.flow && seq.items.length > 0 && seq.items.every((item) => isScalar(item) && item.range) ? editLines(text, seq, change) : undefined;
  return lineEdit ?? rewriteDocument(doc, seq, change);
}

function editLines(text: string, seq: YAMLSeq, change: ScopeChange): string | undefined {
  const items = seq.items as Scalar[];
  const lineOf = (item: Scalar) => {
    const start = item.range![0];
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const newline = text.indexOf('\n', start);
    return { lineStart, lineEnd: newline < 0 ? text.length : newline + 1, prefix: text.slice(lineStart, start) };
  };
  const lines = items.map(lineOf);
  // Each item must start its own line as `- value`, or line edits could cut something else.
  if (!lines.every((l) => /^\s*-\s+$/.test(l.prefix))) return undefined;
  const present = new Set(items.map((i) => String(i.value)));
  const remove = new Set(change.remove);
  const additions = change.add.filter((s) => !present.has(s) && !remove.has(s));
  const last = items[items.length - 1];
  const quote = last.type === 'QUOTE_SINGLE' ? "'" : last.type === 'QUOTE_DOUBLE' ? '"' : '';
  const { prefix, lineEnd } = lines[lines.length - 1];
  const needsNewline = lineEnd === text.length && !text.endsWith('\n') && !remove.has(String(last.value));
  const insert = (needsNewline ? '\n' : '') + additions.map((s) => `${prefix}${quote}${s}${quote}\n`).join('');
  let out = '';
  let at = 0;
  items.forEach((item, i) => {
    if (!remove.has(String(item.value))) return;
    out += text.slice(at, lines[i].lineStart);
    at = lines[i].lineEnd;
  });
  // Additions go right after the last item's line (even when that line is removed).
  out += text.slice(at, Math.max(at, lineEnd)) + insert + text.slice(Math.max(at, lineEnd));
  return out;
}

function rewriteDocument(doc: Document, seq: YAMLSeq | undefined, change: ScopeChange): string {
  let list = seq;
  if (!list) {
    doc.setIn(['permissions', 'scopes'], doc.createNode([]));
    list = doc.getIn(['permissions', 'scopes'], true) as YAMLSeq;
  }
  const remove = new Set(change.remove);
  list.items = list.items.filter((item) => !(isScalar(item) && remove.has(String(item.value))));
  const present = new Set(list.items.map((item) => (isScalar(item) ? String(item.value) : '')));
  for (const scope of change.add) if (!present.has(scope) && !remove.has(scope)) list.add(doc.createNode(scope));
  return doc.toString({ lineWidth: 0 });
}
