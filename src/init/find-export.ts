import type { Node } from '../scan/scope';
import { patternNames, walk, type SourceFile } from './source-file';

/** Where and how a module exports a name, as far as init can edit it. */
export type ExportSite =
  /** `export const name = expr`, `exports.name = expr`, `module.exports = { name: expr }`. */
  | { kind: 'expr'; node: Node; statement: Node }
  /** `module.exports = { name }`. */
  | { kind: 'shorthand'; property: Node }
  /** `export function name() {}` / `export async function name() {}`. */
  | { kind: 'function'; declaration: Node; statement: Node }
  /** `export { local as name }`, `export { name }`. */
  | { kind: 'local'; specifier: Node; local: string }
  /** `export { imported as name } from './x'` (no specifier: found through `export * from './x'`). */
  | { kind: 'reexport'; statement: Node; specifier?: Node; source: string; imported: string }
  /** Not exported by name here, but the module has `export * from ...` sources to look in. */
  | { kind: 'star'; sources: { source: string; statement: Node }[] };

const nameOf = (n: Node | undefined): string | undefined => (n?.type === 'Identifier' ? n.name : n?.type === 'Literal' && typeof n.value === 'string' ? n.value : undefined);

/** `exports.x`, `module.exports.x` (or computed with a string): the exported name, `'*'` for `module.exports` itself, null when computed. */
function exportsTarget(n: Node): string | null | undefined {
  if (n?.type !== 'MemberExpression') return undefined;
  const obj = n.object;
  const isModuleExports = obj.type === 'MemberExpression' && obj.object?.name === 'module' && nameOf(obj.property) === 'exports' && !obj.computed;
  if (obj.type === 'Identifier' && obj.name === 'module' && nameOf(n.property) === 'exports' && !n.computed) return '*';
  if (!(obj.type === 'Identifier' && obj.name === 'exports') && !isModuleExports) return undefined;
  if (!n.computed) return n.property.name;
  return n.property.type === 'Literal' && typeof n.property.value === 'string' ? n.property.value : null;
}

/**
 * Returns where the module exports `name`, or undefined when it does not (statically). Throws a
 * refusal naming the file, line and construct when the exports are built in a way init cannot
 * edit safely (computed names, `Object.assign(module.exports, ...)`, destructured exports).
 */
export function findExport(sf: SourceFile, name: string): ExportSite | undefined {
  const stars: { source: string; statement: Node }[] = [];
  let dynamic: { at: number; what: string } | undefined;
  for (const statement of sf.program.body as Node[]) {
    if (statement.type === 'ExportNamedDeclaration') {
      const d = statement.declaration;
      if (d?.type === 'VariableDeclaration') {
        for (const v of d.declarations) {
          if (v.id.type === 'Identifier' && v.id.name === name) {
            if (!v.init) throw sf.refuse(v.start, `\`${name}\` is exported without a value`);
            return { kind: 'expr', node: v.init, statement };
          }
          if (v.id.type !== 'Identifier' && patternNames(v.id).has(name)) {
            throw sf.refuse(v.start, `\`${name}\` is exported by destructuring (\`export const ${sf.slice(v.id)} = ...\`); export it as \`export const ${name} = ...\``);
          }
        }
      } else if ((d?.type === 'FunctionDeclaration' || d?.type === 'TSDeclareFunction') && d.id?.name === name) {
        return { kind: 'function', declaration: d, statement };
      } else if (d?.type === 'ClassDeclaration' && d.id?.name === name) {
        throw sf.refuse(statement.start, `\`${name}\` is a class, not a function handler`);
      }
      for (const s of statement.specifiers ?? []) {
        if (nameOf(s.exported) !== name || s.exportKind === 'type') continue;
        if (statement.source) return { kind: 'reexport', statement, specifier: s, source: statement.source.value, imported: nameOf(s.local)! };
        return { kind: 'local', specifier: s, local: nameOf(s.local)! };
      }
    } else if (statement.type === 'ExportAllDeclaration' && !statement.exported && statement.exportKind !== 'type') {
      stars.push({ source: statement.source.value, statement });
    } else if (statement.type === 'ExpressionStatement') {
      const e = statement.expression;
      if (e.type === 'AssignmentExpression' && e.operator === '=') {
        const target = exportsTarget(e.left);
        if (target === name) return { kind: 'expr', node: e.right, statement };
        if (target === null) dynamic ??= { at: statement.start, what: `exports are assigned under computed names (\`${sf.slice(e.left)} = ...\`)` };
        if (target === '*') {
          const found = objectProperty(sf, e.right, name);
          if (found) return found.property.shorthand ? { kind: 'shorthand', property: found.property } : { kind: 'expr', node: found.property.value, statement };
          if (e.right.type !== 'ObjectExpression' || e.right.properties.some((p: Node) => p.type === 'SpreadElement' || p.computed)) {
            dynamic ??= { at: statement.start, what: `\`module.exports\` is built at run time (\`module.exports = ${sf.slice(e.right).slice(0, 40)}\`)` };
          }
        }
      } else if (e.type === 'CallExpression' && e.callee.type === 'MemberExpression' && e.callee.object?.name === 'Object' && ['assign', 'defineProperty', 'defineProperties'].includes(nameOf(e.callee.property) ?? '')) {
        const first = e.arguments[0];
        if (first && (exportsTarget(first) === '*' || (first.type === 'Identifier' && first.name === 'exports'))) {
          dynamic ??= { at: statement.start, what: `exports are added at run time (\`Object.${nameOf(e.callee.property)}(${sf.slice(first)}, ...)\`)` };
        }
      }
    }
  }
  if (stars.length > 0) return { kind: 'star', sources: stars };
  // Exports assigned inside loops or functions (`for (const k of names) exports[k] = ...`).
  walk(sf.program, (n) => {
    if (!dynamic && n.type === 'AssignmentExpression' && exportsTarget(n.left) === null) dynamic = { at: n.start, what: `exports are assigned under computed names (\`${sf.slice(n.left)} = ...\`)` };
  });
  if (dynamic) throw sf.refuse(dynamic.at, `the handler \`${name}\` is not exported by name: ${dynamic.what}; export it as \`exports.${name} = ...\` or \`export const ${name} = ...\``, 'INIT_DYNAMIC_HANDLER');
  return undefined;
}

function objectProperty(sf: SourceFile, obj: Node, name: string): { property: Node } | undefined {
  if (obj.type !== 'ObjectExpression') return undefined;
  for (const p of obj.properties) {
    if (p.type !== 'Property' || p.computed || nameOf(p.key) !== name) continue;
    if (p.method || p.kind !== 'init') throw sf.refuse(p.start, `\`${name}\` is a method of \`module.exports\`; write it as \`${name}: async (event, context) => ...\``);
    return { property: p };
  }
  return undefined;
}

/** Returns the top-level `const|let|var name = init` initialiser, if any. */
export function topLevelInit(sf: SourceFile, name: string): Node | undefined {
  for (const statement of sf.program.body as Node[]) {
    const d = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (d?.type !== 'VariableDeclaration') continue;
    for (const v of d.declarations) if (v.id.type === 'Identifier' && v.id.name === name) return v.init ?? undefined;
  }
  return undefined;
}
