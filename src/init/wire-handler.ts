import { ScopeInspectorError } from '../errors';
import type { Node } from '../scan/scope';
import type { AppSources } from './app-sources';
import { findExport, topLevelInit, type ExportSite } from './find-export';
import { specifierFor } from './rewrite-imports';
import { isRecorded, RECORDER, walk, type SourceFile } from './source-file';

/** A manifest function whose handler init wires. */
export interface HandlerRef {
  /** Function key in the manifest. */
  key: string;
  /** `path/file.export` as the manifest writes it. */
  handler: string;
}

const MAX_DEPTH = 8;

/** Returns a name for a new top-level binding that the file does not use yet. */
function freshName(sf: SourceFile, base: string): string {
  let name = base;
  for (let i = 2; sf.declares(name); i++) name = `${base}${i}`;
  return name;
}

const recordedName = (name: string) => `${name.replace(/[^\w$]/g, '_')}Recorded`;

/** Returns the file and export site of a handler, following `export *`; throws a refusal when there is none. */
export function locateExport(sources: AppSources, file: string, name: string, depth = 0): { sf: SourceFile; site: Exclude<ExportSite, { kind: 'star' }> } | undefined {
  const sf = sources.get(file);
  const site = findExport(sf, name);
  if (!site || site.kind !== 'star') return site ? { sf, site } : undefined;
  if (depth >= MAX_DEPTH) return undefined;
  for (const { source } of site.sources) {
    const target = sources.resolve(file, source);
    if (target && locateExport(sources, target, name, depth + 1)) return { sf, site: { kind: 'reexport', statement: site.sources.find((s) => s.source === source)!.statement, source, imported: name } };
  }
  return undefined;
}

/**
 * Wraps the export of one handler with `withUsageRecording`, in the file that exports it to
 * Forge (so the module's own callers still get the plain function). A named export is wrapped
 * where it is defined; a function declaration keeps its name inside the module and is exported
 * wrapped; a re-export (`export { run } from`, `export *`) becomes an import plus a wrapped
 * export. Already wrapped: nothing to do. Returns false when it was already wrapped.
 */
export function wrapHandler(sources: AppSources, ref: HandlerRef): boolean {
  const dot = ref.handler.lastIndexOf('.');
  const path = ref.handler.slice(0, dot);
  const name = ref.handler.slice(dot + 1);
  const file = sources.handlerFile(path);
  if (!file) throw new ScopeInspectorError('INIT_HANDLER_NOT_FOUND', `manifest.yml: function ${ref.key}: no file src/${path}.{ts,tsx,js,jsx,cjs} for handler ${ref.handler}`);
  const found = locateExport(sources, file, name);
  const sf = sources.get(file);
  if (!found) throw sf.refuse(0, `does not export \`${name}\` (the handler of function ${ref.key}), or exports it in a way init cannot follow`, 'INIT_HANDLER_NOT_FOUND');
  const { site } = found;
  const wrap = (code: string) => `withUsageRecording(${code})`;
  switch (site.kind) {
    case 'expr':
      if (isRecorded(site.node)) return false;
      sf.require('withUsageRecording', RECORDER);
      sf.edits.prependRight(site.node.start, 'withUsageRecording(');
      sf.edits.appendLeft(site.node.end, ')');
      return true;
    case 'shorthand':
      sf.require('withUsageRecording', RECORDER);
      sf.edits.overwrite(site.property.start, site.property.end, `${name}: ${wrap(name)}`);
      return true;
    case 'function': {
      const alias = freshName(sf, recordedName(name));
      sf.require('withUsageRecording', RECORDER);
      // `export function run` → `function run`: the module keeps calling its own function; Forge gets the wrapped one.
      sf.edits.remove(site.statement.start, site.declaration.start);
      sf.append(`const ${alias} = ${wrap(name)};`);
      sf.append(`export { ${alias} as ${name} };`);
      return true;
    }
    case 'local': {
      if (isRecorded(topLevelInit(sf, site.local))) return false;
      const alias = freshName(sf, recordedName(name));
      sf.require('withUsageRecording', RECORDER);
      sf.edits.overwrite(site.specifier.start, site.specifier.end, `${alias} as ${name}`);
      sf.append(`const ${alias} = ${wrap(site.local)};`);
      return true;
    }
    case 'reexport': {
      const alias = freshName(sf, `${name.replace(/[^\w$]/g, '_')}Unrecorded`);
      sf.require('withUsageRecording', RECORDER);
      const quote = sf.text[site.statement.source.start];
      const importLine = `import { ${site.imported === name ? name : `${site.imported}`} as ${alias} } from ${quote}${site.source}${quote};`;
      const exportLine = `export const ${name} = ${wrap(alias)};`;
      if (site.specifier === undefined) {
        // Found through `export * from`: the local export shadows the star's.
        sf.append(importLine);
        sf.append(exportLine);
      } else if ((site.statement.specifiers as Node[]).length === 1) {
        sf.edits.overwrite(site.statement.start, site.statement.end, importLine + sf.newline + exportLine);
      } else {
        removeSpecifier(sf, site.statement, site.specifier);
        sf.edits.appendLeft(site.statement.end, sf.newline + importLine + sf.newline + exportLine);
      }
      return true;
    }
  }
}

/** Removes one of several specifiers of `export { a, b } from '...'`, with its comma. */
function removeSpecifier(sf: SourceFile, statement: Node, specifier: Node): void {
  const specs = statement.specifiers as Node[];
  const i = specs.indexOf(specifier);
  if (i < specs.length - 1) sf.edits.remove(specifier.start, specs[i + 1].start);
  else sf.edits.remove(specs[i - 1].end, specifier.end);
}

/**
 * Returns where the `@forge/resolver` instance behind a resolver function is: the file and the
 * identifier `X` of `X.getDefinitions()` the handler exports (through wrappers, local exports and
 * re-exports). Throws a refusal naming the file when the handler is something else.
 */
export function resolverInstance(sources: AppSources, ref: HandlerRef, depth = 0): { sf: SourceFile; name: string; statement: Node } {
  const dot = ref.handler.lastIndexOf('.');
  const file = sources.handlerFile(ref.handler.slice(0, dot))!;
  return findDefinitions(sources, file, ref.handler.slice(dot + 1), ref.key, depth);
}

function findDefinitions(sources: AppSources, file: string, name: string, key: string, depth: number): { sf: SourceFile; name: string; statement: Node } {
  const found = locateExport(sources, file, name);
  const sf = sources.get(file);
  const refuse = (at: number, what: string) => sf.refuse(at, `function ${key} is a Custom UI resolver, but ${what}; define the bridge usage resolver yourself: defineBridgeUsageResolver(resolver, { staticAnalysis })`, 'INIT_RESOLVER_NOT_FOUND');
  if (!found || depth > MAX_DEPTH) throw refuse(0, `\`${name}\` cannot be followed to a @forge/resolver`);
  const { site } = found;
  if (site.kind === 'reexport') {
    const target = sources.resolve(file, site.source);
    if (!target) throw refuse(site.statement.start, `\`${name}\` comes from ${site.source}, which is not a source file of the app`);
    return findDefinitions(sources, target, site.imported, key, depth + 1);
  }
  let expr: Node | undefined;
  let statement: Node | undefined;
  if (site.kind === 'expr') ({ node: expr, statement } = site);
  else if (site.kind === 'local') {
    expr = topLevelInit(sf, site.local);
    statement = (sf.program.body as Node[]).find((s) => expr && s.start <= expr.start && s.end >= expr.end);
  }
  while (isRecorded(expr)) expr = expr!.arguments[0];
  if (expr?.type === 'Identifier') {
    // `withUsageRecording(handlerUnrecorded)`: follow the import or the constant it names.
    const imported = importOf(sf, expr.name);
    if (imported) {
      const target = sources.resolve(file, imported.source);
      if (!target) throw refuse(expr.start, `\`${expr.name}\` comes from ${imported.source}, which is not a source file of the app`);
      return findDefinitions(sources, target, imported.name, key, depth + 1);
    }
    const init = topLevelInit(sf, expr.name);
    if (init) {
      expr = init;
      while (isRecorded(expr)) expr = expr!.arguments[0];
    }
  }
  if (expr?.type === 'CallExpression' && expr.callee.type === 'MemberExpression' && !expr.callee.computed && expr.callee.property.name === 'getDefinitions' && expr.callee.object.type === 'Identifier' && statement) {
    return { sf, name: expr.callee.object.name, statement };
  }
  throw refuse(expr?.start ?? 0, `its handler \`${name}\` is not \`resolver.getDefinitions()\``);
}

/** Returns the module and export a top-level import binding comes from. */
function importOf(sf: SourceFile, local: string): { source: string; name: string } | undefined {
  for (const n of sf.program.body as Node[]) {
    if (n.type !== 'ImportDeclaration') continue;
    for (const s of n.specifiers as Node[]) {
      if (s.local.name !== local) continue;
      const name = s.type === 'ImportDefaultSpecifier' ? 'default' : s.type === 'ImportNamespaceSpecifier' ? '*' : (s.imported.name ?? s.imported.value);
      return { source: n.source.value, name };
    }
  }
  return undefined;
}

/** The generated static analysis module the bridge usage resolver verifies browser rows against. */
export interface AnalysisModule {
  /** App path without extension (`src/scope-inspector/static-analysis`). */
  module: string;
  /** Written as ESM (`export default`), so a CommonJS importer reads `.default`. */
  esModule: boolean;
  /** Its extension when importers must spell it (`.cjs`). */
  extension?: string;
}

/** Returns the `defineBridgeUsageResolver(name, ...)` call of a file, if it has one. */
function bridgeResolverCall(sf: SourceFile, name: string): Node | undefined {
  let found: Node | undefined;
  walk(sf.program, (n) => {
    if (!found && n.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === 'defineBridgeUsageResolver' && n.arguments[0]?.name === name) found = n;
  });
  return found;
}

/**
 * Defines the kit's bridge usage resolver on the resolver behind a Custom UI module's function,
 * verifying browser rows against the app's generated static analysis (without it every browser
 * row is stored unverified). An earlier wiring without options gets them; a call with the app's
 * own options is left as it is. Returns false when there was nothing to do.
 */
export function defineBridgeResolver(sources: AppSources, ref: HandlerRef, analysis: AnalysisModule): boolean {
  const { sf, name, statement } = resolverInstance(sources, ref);
  const existing = bridgeResolverCall(sf, name);
  if (existing && existing.arguments.length > 1) return false;
  const local = sf.requireDefault(specifierFor(sf, analysis.module, analysis.extension), 'scopeInspectorAnalysis', analysis.esModule);
  const options = `{ staticAnalysis: ${local} }`;
  if (existing) {
    sf.edits.appendLeft(existing.arguments[0].end, `, ${options}`);
    return true;
  }
  sf.require('defineBridgeUsageResolver', RECORDER);
  sf.edits.prependRight(statement.start, `defineBridgeUsageResolver(${name}, ${options});${sf.newline}`);
  return true;
}
