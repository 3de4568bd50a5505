import MagicString from 'magic-string';
import { ScopeInspectorError } from '../errors';
import { checkSource } from '../scan/file-guard';
import { LineIndex } from '../scan/line-index';
import { parseSource } from '../scan/oxc';
import type { Node } from '../scan/scope';

/** Where the kit's recorder is imported from in backend code. */
export const RECORDER = 'forge-scope-inspector/recorder';

/**
 * One source file being edited: its parse (oxc-parser, with TypeScript details) and the pending
 * edits, made at the parser's ranges with magic-string so every other byte stays as it was.
 */
export class SourceFile {
  readonly program: Node;
  readonly edits: MagicString;
  /** `esm` when the file uses import/export syntax, else `cjs`. */
  readonly format: 'esm' | 'cjs';
  readonly newline: string;
  private readonly lines: LineIndex;
  private readonly appended: string[] = [];
  private readonly imports = new Map<string, Set<string>>();
  private readonly defaultImports = new Map<string, { local: string; viaDefault: boolean }>();

  constructor(
    /** Path relative to the app (POSIX). */
    readonly file: string,
    readonly text: string,
  ) {
    this.lines = new LineIndex(text);
    // Parsed in this process: a file too large, or nested deep enough to crash the native parser, is refused.
    const check = checkSource(file, text);
    if ('skip' in check) throw this.refuse(0, check.skip, 'INIT_PARSE_ERROR');
    if ('isolate' in check) throw this.refuse(0, `nested about ${check.isolate.toLocaleString('en-US')} levels deep: too deep to edit safely`, 'INIT_PARSE_ERROR');
    const parsed = parseSource(file, text, 'ts');
    const error = parsed.errors.find((e) => e.severity === 'Error');
    if (error) throw this.refuse(error.labels[0]?.start ?? 0, `cannot be parsed (${error.message})`, 'INIT_PARSE_ERROR');
    this.program = parsed.program;
    this.edits = new MagicString(text);
    const body = this.program.body as Node[];
    const esm = body.some((n) => n.type === 'ImportDeclaration' || n.type.startsWith('Export') || n.type === 'TSExportAssignment');
    this.format = esm || /\.(ts|tsx|mts)$/.test(file) ? 'esm' : 'cjs';
    this.newline = text.includes('\r\n') ? '\r\n' : '\n';
  }

  /** Returns `file:line` of an offset. */
  where(offset: number): string {
    return `${this.file}:${this.lines.at(offset).line}`;
  }

  /** Returns the refusal error naming this file, the line and the construct. */
  refuse(offset: number, what: string, code = 'INIT_CANNOT_WIRE'): ScopeInspectorError {
    return new ScopeInspectorError(code, `${this.where(offset)}: ${what}`);
  }

  /** Returns the source text of a node. */
  slice(node: Node): string {
    return this.text.slice(node.start, node.end);
  }

  /** Queues a line of code for the end of the file. */
  append(code: string): void {
    this.appended.push(code);
  }

  /** Makes `name` importable from `source` (added once, after the file's imports, when it is not imported yet). */
  require(name: string, source: string): void {
    if (this.importsName(name, source)) return;
    if (!this.imports.has(source)) this.imports.set(source, new Set());
    this.imports.get(source)!.add(name);
  }

  /**
   * Returns the local name under which the file has the default export of `source` (module.exports
   * for CommonJS): the binding of an existing `import x from` / `const x = require(...)`, else a new
   * one named after `base` and added after the file's imports. `esModule`: the module is written
   * as ESM, so a CommonJS file reads its `.default`.
   */
  requireDefault(source: string, base: string, esModule: boolean): string {
    for (const n of this.program.body as Node[]) {
      if (n.type === 'ImportDeclaration' && n.source.value === source) {
        const d = (n.specifiers as Node[]).find((s) => s.type === 'ImportDefaultSpecifier');
        if (d) return d.local.name;
      }
      if (n.type === 'VariableDeclaration') {
        for (const d of n.declarations) {
          const call = d.init?.type === 'MemberExpression' && d.init.property?.name === 'default' ? d.init.object : d.init;
          if (d.id.type === 'Identifier' && call?.type === 'CallExpression' && call.callee.name === 'require' && call.arguments[0]?.value === source) return d.id.name;
        }
      }
    }
    const pending = this.defaultImports.get(source);
    if (pending) return pending.local;
    let local = base;
    for (let i = 2; this.declares(local); i++) local = `${base}${i}`;
    this.defaultImports.set(source, { local, viaDefault: esModule && this.format === 'cjs' });
    return local;
  }

  /** Returns true when the file already imports `name` from `source` (ESM or a destructured require). */
  importsName(name: string, source: string): boolean {
    for (const n of this.program.body as Node[]) {
      if (n.type === 'ImportDeclaration' && n.source.value === source && n.specifiers.some((s: Node) => s.local?.name === name)) return true;
      if (n.type === 'VariableDeclaration') {
        for (const d of n.declarations) {
          const call = d.init;
          if (call?.type === 'CallExpression' && call.callee.name === 'require' && call.arguments[0]?.value === source && d.id.type === 'ObjectPattern' && d.id.properties.some((p: Node) => p.value?.name === name)) return true;
        }
      }
    }
    return false;
  }

  /** True when a top-level binding of this name exists that is not the given import. */
  declares(name: string): boolean {
    const names = new Set<string>();
    for (const n of this.program.body as Node[]) {
      const d = n.type.startsWith('Export') && n.declaration ? n.declaration : n;
      if ((d.type === 'FunctionDeclaration' || d.type === 'ClassDeclaration') && d.id) names.add(d.id.name);
      if (d.type === 'VariableDeclaration') for (const v of d.declarations) collectNames(v.id, names);
      if (d.type === 'ImportDeclaration') for (const s of d.specifiers) names.add(s.local.name);
    }
    return names.has(name);
  }

  /** Returns the edited text (the input itself when nothing changed). */
  result(): string {
    const nl = this.newline;
    if (this.imports.size > 0 || this.defaultImports.size > 0) {
      const lines = [...this.imports].map(([source, names]) =>
        this.format === 'esm' ? `import { ${[...names].join(', ')} } from '${source}';` : `const { ${[...names].join(', ')} } = require('${source}');`,
      );
      for (const [source, { local, viaDefault }] of this.defaultImports) {
        lines.push(this.format === 'esm' ? `import ${local} from '${source}';` : `const ${local} = require('${source}')${viaDefault ? '.default' : ''};`);
      }
      const at = this.importInsertionPoint();
      if (at.afterLine) this.edits.appendLeft(at.offset, nl + lines.join(nl));
      else this.edits.prependRight(at.offset, lines.join(nl) + nl);
    }
    if (this.appended.length > 0) {
      const sep = this.text.endsWith('\n') ? '' : nl;
      this.edits.append(sep + this.appended.join(nl) + nl);
    }
    return this.edits.toString();
  }

  /** After the last top-level import or require, else before the first statement (after directives). */
  private importInsertionPoint(): { offset: number; afterLine: boolean } {
    const body = this.program.body as Node[];
    let last: Node | undefined;
    for (const n of body) {
      if (n.type === 'ImportDeclaration' || isRequireStatement(n)) last = n;
      else if (n.type === 'ExpressionStatement' && n.directive) last = n;
      else if (last || n.type !== 'ExpressionStatement') break;
    }
    if (last) return { offset: last.end, afterLine: true };
    return { offset: body[0] ? this.docCommentStart(body[0].start) : this.text.length, afterLine: false };
  }

  /** Returns where the comment right above a statement begins (its doc comment, no blank line between), else the statement's start. */
  private docCommentStart(offset: number): number {
    let at = offset;
    for (;;) {
      // Back over the indentation and one line break before `at`.
      let p = at;
      while (p > 0 && (this.text[p - 1] === ' ' || this.text[p - 1] === '\t')) p--;
      if (p > 0 && this.text[p - 1] === '\n') p--;
      if (p > 0 && this.text[p - 1] === '\r') p--;
      const lineStart = this.text.lastIndexOf('\n', p - 1) + 1;
      const line = this.text.slice(lineStart, p).trim();
      if (line.endsWith('*/')) {
        const open = this.text.lastIndexOf('/*', p);
        if (open < 0) return at;
        at = this.text.lastIndexOf('\n', open - 1) + 1;
      } else if (line.startsWith('//')) at = lineStart;
      else return at;
      if (at === 0) return 0;
    }
  }
}

function isRequireStatement(n: Node): boolean {
  const isRequire = (e: Node | undefined): boolean => e?.type === 'CallExpression' && e.callee?.name === 'require';
  // `const x = require('x')` and `const X = require('x').default`.
  return n.type === 'VariableDeclaration' && n.declarations.every((d: Node) => isRequire(d.init) || (d.init?.type === 'MemberExpression' && isRequire(d.init.object)));
}

/** Returns the names a binding pattern declares (`{ a, b: [c] }` → a, c). */
export function patternNames(id: Node): Set<string> {
  const out = new Set<string>();
  collectNames(id, out);
  return out;
}

function collectNames(id: Node, out: Set<string>): void {
  if (!id) return;
  if (id.type === 'Identifier') out.add(id.name);
  else if (id.type === 'ObjectPattern') for (const p of id.properties) collectNames(p.type === 'RestElement' ? p.argument : p.value, out);
  else if (id.type === 'ArrayPattern') for (const e of id.elements) collectNames(e, out);
  else if (id.type === 'AssignmentPattern') collectNames(id.left, out);
  else if (id.type === 'RestElement') collectNames(id.argument, out);
}

/** Calls `visit(node, parent)` for every node of a tree, parents first. */
export function walk(node: Node, visit: (node: Node, parent: Node | undefined) => void, parent?: Node): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit, parent);
    return;
  }
  if (typeof node.type !== 'string') return;
  visit(node, parent);
  for (const key of Object.keys(node)) {
    if (key === 'start' || key === 'end' || key === 'type' || key === 'range' || key === 'loc') continue;
    const value = node[key];
    if (value && typeof value === 'object') walk(value, visit, node);
  }
}

/** True when `node` is `withUsageRecording(...)` (or the name a file imports it as). */
export function isRecorded(node: Node | undefined): boolean {
  return node?.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'withUsageRecording';
}
