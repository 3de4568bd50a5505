import { posix } from 'node:path';
import type { Node } from '../scan/scope';
import { walk, type SourceFile } from './source-file';

/** A Forge package whose imports init sends through a generated module of the app. */
export interface Facade {
  /** The package, `@forge/api` or `@forge/bridge`. */
  pkg: string;
  /** The generated module, relative to the app without extension (`src/scope-inspector/instrumented-api`). */
  module: string;
  /** Exports that make product calls: importing any of them (or the whole module) goes through the facade. */
  surface: ReadonlySet<string>;
  /** The generated module's extension when importers must spell it (`.cjs`). */
  extension?: string;
}

const literal = (n: Node | undefined): string | undefined => (n?.type === 'Literal' && typeof n.value === 'string' ? n.value : undefined);

/**
 * Returns the specifier of `target` (an app path without extension) as `sf` imports it, in the
 * file's own style; `extension` is spelled out when given (a `.cjs` module is found by no other name).
 */
export function specifierFor(sf: SourceFile, target: string, extension?: string): string {
  let rel = posix.relative(posix.dirname(sf.file), target);
  if (!rel.startsWith('.')) rel = `./${rel}`;
  if (extension) return `${rel}${extension}`;
  // Node-style ESM (and TypeScript written for it) spells relative imports with `.js`; follow the file.
  const withJs = relativeSpecifiers(sf).some((s) => /\.[cm]?js$/.test(s));
  return withJs ? `${rel}.js` : rel;
}

function relativeSpecifiers(sf: SourceFile): string[] {
  const out: string[] = [];
  walk(sf.program, (n) => {
    const s = n.type === 'ImportDeclaration' || n.type === 'ExportNamedDeclaration' || n.type === 'ExportAllDeclaration' || n.type === 'ImportExpression' ? literal(n.source) : isRequire(n) ? literal(n.arguments[0]) : undefined;
    if (s?.startsWith('.')) out.push(s);
  });
  return out;
}

const isRequire = (n: Node): boolean => n.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === 'require' && n.arguments.length === 1;

/**
 * Returns the module strings of the file's imports of `facade.pkg` that can make product calls:
 * `import api, { route }`, `import * as api`, `import { asApp }`, `export { requestJira } from`,
 * `require(...)` kept whole or destructured with a request function, `import(...)`. Type-only
 * imports and imports of other exports only (`route`, `storage`) are not among them.
 */
export function facadeImports(sf: SourceFile, facade: Facade): Node[] {
  const found: Node[] = [];
  const bringsSurface = (names: string[]) => names.some((n) => n === '*' || n === 'default' || facade.surface.has(n));
  walk(sf.program, (n, parent) => {
    if (n.type === 'ImportDeclaration' && literal(n.source) === facade.pkg && n.importKind !== 'type') {
      const names = (n.specifiers as Node[]).filter((s) => s.importKind !== 'type').map((s) => (s.type === 'ImportDefaultSpecifier' ? 'default' : s.type === 'ImportNamespaceSpecifier' ? '*' : (literal(s.imported) ?? s.imported.name)));
      if (bringsSurface(names)) found.push(n.source);
    } else if ((n.type === 'ExportNamedDeclaration' || n.type === 'ExportAllDeclaration') && literal(n.source) === facade.pkg && n.exportKind !== 'type') {
      const names = n.type === 'ExportAllDeclaration' ? ['*'] : (n.specifiers as Node[]).map((s) => literal(s.local) ?? s.local.name);
      if (bringsSurface(names)) found.push(n.source);
    } else if (n.type === 'ImportExpression' && literal(n.source) === facade.pkg) {
      found.push(n.source);
    } else if (n.type === 'TSImportEqualsDeclaration' && n.importKind !== 'type' && literal(n.moduleReference?.expression) === facade.pkg) {
      found.push(n.moduleReference.expression);
    } else if (isRequire(n) && literal(n.arguments[0]) === facade.pkg) {
      // `const { route } = require('@forge/api')` takes nothing that calls a product.
      const keys = parent?.type === 'VariableDeclarator' && parent.init === n && parent.id.type === 'ObjectPattern' ? (parent.id.properties as Node[]).map((p) => (p.type === 'RestElement' ? '*' : (literal(p.key) ?? p.key?.name))) : undefined;
      if (keys === undefined || bringsSurface(keys)) found.push(n.arguments[0]);
    }
  });
  return found;
}

/** Points those imports at the facade (only the module string changes, quotes kept); returns how many. */
export function rewriteImports(sf: SourceFile, facade: Facade): number {
  const sources = facadeImports(sf, facade);
  for (const source of sources) {
    const quote = sf.text[source.start];
    sf.edits.overwrite(source.start, source.end, `${quote}${specifierFor(sf, facade.module, facade.extension)}${quote}`);
  }
  return sources.length;
}
