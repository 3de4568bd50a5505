import { Scope, thisOwner, type Binding, type FnInfo, type Init, type Node, type OwnerInfo } from './scope';
import { facadePackage } from './forge-values';
import { ifGuards, switchGuards, terminates, type BranchGuard } from './guards';
import { keyName, memberName, propertyKey } from './member-name';

/** What the single walk over one file's AST collects; evaluated afterwards, without walking again. */
export interface FileFacts {
  module: Scope;
  /** Every call expression with the scope it appears in (filtered after the walk). */
  calls: { node: Node; scope: Scope; guards?: BranchGuard[] }[];
  fns: Map<Node, FnInfo>;
  /** Export name → local binding name, a function node, a re-export, or an expression. */
  exports: Map<string, { local: string } | { node: Node; scope: Scope } | { source: string; name: string }>;
  exportAll: string[];
  /** Non-type imports and `require` calls of package specifiers, with where they appear. */
  imports: { source: string; names: string[]; start: number }[];
  /** Modules re-exported (`export { x } from 'm'`, `export * from 'm'`), with where. */
  reexports: { source: string; start: number }[];
  /** Classes and object literals with methods, by node (what `this` and `obj.method` resolve to). */
  owners: Map<Node, OwnerInfo>;
  /** JSX elements with a literal or expression `src`/`href`/`srcSet` attribute (for egress). */
  /** JSX attributes that may load a URL; a `<link>`'s `rel` and `as` with it (`null`: not literal). */
  jsxRefs: { tag: string; attr: string; value: Node; scope: Scope; link?: { rel?: string | null; as?: string | null } }[];
}

/** Array methods whose callback receives each element as its first parameter. */
const ELEMENT_CALLBACKS = new Set(['map', 'forEach', 'flatMap', 'filter', 'find', 'some', 'every', 'reduce']);
const isFunctionNode = (n: Node): boolean => n?.type === 'FunctionExpression' || n?.type === 'ArrowFunctionExpression';
const JSX_URL_ATTRS = new Set(['src', 'href', 'srcSet', 'poster', 'data']);

const TYPE_KEYS = new Set(['typeAnnotation', 'typeArguments', 'typeParameters', 'returnType', 'superTypeArguments']);
// Type-only declarations can never call anything; skipping them keeps the walk short.
const SKIP_TYPES = new Set(['TSInterfaceDeclaration', 'TSTypeAliasDeclaration', 'TSDeclareFunction', 'TSTypeAnnotation']);
const NOT_CHILDREN = new Set(['type', 'start', 'end', 'range', 'loc', 'raw', 'optional', 'computed', 'kind', 'operator', 'prefix', 'async', 'generator', 'method', 'shorthand', 'tail', 'directive', 'importKind', 'exportKind', 'decorators', ...TYPE_KEYS]);
// Child keys per node type, learnt from the first node of each type (oxc emits a fixed shape per type).
const KEYS: Record<string, string[]> = {};
function keysOf(node: Node): string[] {
  let keys = KEYS[node.type];
  if (!keys) {
    keys = Object.keys(node).filter((k) => !NOT_CHILDREN.has(k));
    KEYS[node.type] = keys;
  }
  return keys;
}

const isObjectAssign = (node: Node): boolean => node.callee.type === 'MemberExpression' && node.callee.object.type === 'Identifier' && node.callee.object.name === 'Object' && !node.callee.computed && node.callee.property.name === 'assign';

/** Returns the string of a `require('x')` call, if `node` is one. */
export function requireSource(node: Node): string | undefined {
  // `await import('@forge/api')` loads the same module as `require('@forge/api')`.
  const a = node?.type === 'ImportExpression' ? node.source : node?.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'require' ? node.arguments[0] : undefined;
  return a?.type === 'Literal' && typeof a.value === 'string' ? a.value : undefined;
}

/** Walks a program once and returns its scopes, calls, functions, imports and exports. */
export function walkFile(program: Node, fileId: string, text = ''): FileFacts {
  // The AST is parsed without TypeScript details (faster), so type-only imports are told from the text.
  const typeOnly = (n: Node, prefix: RegExp): boolean => n.importKind === 'type' || n.exportKind === 'type' || prefix.test(text.slice(n.start, n.start + 24));
  const module = new Scope(undefined, undefined, true);
  const facts: FileFacts = { module, calls: [], fns: new Map(), exports: new Map(), exportAll: [], imports: [], reexports: [], owners: new Map(), jsxRefs: [] };
  const assigns: { name: string; init: Init }[] = [];
  const compound: { name: string; init: Init }[] = [];
  const memberAssigns: { name: string; key?: string; init: Init; start: number; node: Node }[] = [];
  // Assignments that are statements of a block or function body (they run whenever the block does).
  const direct = new Set<Node>();
  const noteDirect = (statements: Node[]): void => { for (const st of statements) if (st?.type === 'ExpressionStatement' && (st.expression.type === 'AssignmentExpression' || st.expression.type === 'CallExpression')) direct.add(st.expression); };
  // Functions that are methods of a class or object literal, and callbacks fed array elements.
  const ownerOf = new Map<Node, Node>();
  // Arrow functions that are class fields: `this` in them is the instance (the class for a static one), as in a method.
  const classFields = new Set<Node>();
  // `get base() { return … }`: `this.base` is what the getter returns, known once its body is walked.
  const getters: { info: OwnerInfo; name: string; fn: Node }[] = [];
  const elementOf = new Map<Node, Init>();

  const registerOwner = (node: Node, scope: Scope, entries: Node[], superClass?: Node): OwnerInfo => {
    const info: OwnerInfo = { node, scope, members: new Map(), thisProps: new Map(), ...(superClass ? { superClass } : {}) };
    for (const m of entries) {
      const name = propertyKey(m);
      if (name === undefined || !m.value) continue;
      if (isFunctionNode(m.value)) ownerOf.set(m.value, node);
      if (m.type === 'PropertyDefinition' && m.value.type === 'ArrowFunctionExpression') classFields.add(m.value);
      if (m.type === 'PropertyDefinition' && !isFunctionNode(m.value) && !m.static) info.thisProps.set(name, [{ node: m.value, scope }]);
      else if (m.kind === 'get' && !m.static && isFunctionNode(m.value)) getters.push({ info, name, fn: m.value });
      else if (m.kind !== 'get' && m.kind !== 'set' && m.kind !== 'constructor') info.members.set(name, m.value);
    }
    facts.owners.set(node, info);
    return info;
  };
  // An import of a facade init generated is an import of the Forge package it wraps.
  const sourceOf = <T extends string | undefined>(source: T): T => (source === undefined ? source : ((facadePackage(fileId, source) ?? source) as T));

  const declare = (scope: Scope, name: string, b: Binding): void => {
    const prev = scope.vars.get(name);
    if (prev && prev.kind !== 'param') prev.inits.push(...b.inits);
    else scope.vars.set(name, b);
  };

  const bindPattern = (id: Node, init: Init | undefined, scope: Scope, kind: Binding['kind']): void => {
    if (!id) return;
    if (id.type === 'Identifier') {
      const src = init && !init.key ? sourceOf(requireSource(init.node)) : undefined;
      if (src !== undefined) {
        declare(scope, id.name, { kind: 'import', inits: [], import: { source: src, name: '*' } });
        return;
      }
      const keySrc = init?.key !== undefined ? sourceOf(requireSource(init.node)) : undefined;
      if (keySrc !== undefined) {
        declare(scope, id.name, { kind: 'import', inits: [], import: { source: keySrc, name: init!.key! } });
        return;
      }
      const fnInfo = init && !init.key ? facts.fns.get(init.node) : undefined;
      declare(scope, id.name, { kind, inits: init ? [init] : [], fn: kind === 'const' && fnInfo ? fnInfo.id : undefined });
    } else if (id.type === 'ObjectPattern') {
      for (const p of id.properties) {
        if (p.type === 'RestElement') { bindPattern(p.argument, undefined, scope, kind); continue; }
        const key = !p.computed && p.key.type === 'Identifier' ? p.key.name : p.key.type === 'Literal' ? String(p.key.value) : undefined;
        // Only a destructuring one level deep keeps its source; deeper ones are unknown values.
        const sub = init && key !== undefined && !init.key ? { ...init, key } : undefined;
        bindPattern(p.value, sub, scope, kind);
      }
    } else if (id.type === 'ArrayPattern') {
      // `const [method, path] = OPS[action]`: element i is property `i` of the value, one level deep.
      id.elements.forEach((e: Node, i: number) => bindPattern(e, init && !init.key && e?.type !== 'RestElement' ? { ...init, key: String(i) } : undefined, scope, kind));
    } else if (id.type === 'AssignmentPattern') {
      bindPattern(id.left, init, scope, kind);
    } else if (id.type === 'RestElement') {
      bindPattern(id.argument, undefined, scope, kind);
    }
  };

  const visitFunction = (node: Node, scope: Scope): FnInfo => {
    let info = facts.fns.get(node);
    if (!info) {
      info = { id: `${fileId}#${node.start}`, node, scope, params: [], returns: [], ...(ownerOf.has(node) ? { owner: ownerOf.get(node) } : {}), ...(classFields.has(node) ? { classField: true as const } : {}) };
      facts.fns.set(node, info);
    }
    const inner = new Scope(scope, info, true);
    const elements = elementOf.get(node);
    node.params.forEach((p: Node, i: number) => {
      const target = p.type === 'TSParameterProperty' ? p.parameter : p;
      const left = target.type === 'AssignmentPattern' ? target.left : target;
      if (i === 0 && elements && left.type === 'Identifier') {
        // `LIST.map((path) => …)`: the parameter takes each element of LIST, not a call site's argument.
        info!.params.push(left.name);
        inner.vars.set(left.name, { kind: 'const', inits: [elements] });
      } else if (i === 0 && elements && (left.type === 'ArrayPattern' || left.type === 'ObjectPattern')) {
        // `Object.entries(T).map(([name, path]) => …)`: the parts of each element.
        info!.params.push(`#${i}`);
        bindPattern(left, elements, inner, 'const');
      } else if (left.type === 'RestElement' && left.argument.type === 'Identifier') {
        info!.params.push(`...${left.argument.name}`);
        inner.vars.set(left.argument.name, { kind: 'param', inits: [], param: { fn: info!.id, i, name: left.argument.name, rest: true } });
      } else if (left.type === 'Identifier') {
        info!.params.push(left.name);
        inner.vars.set(left.name, { kind: 'param', inits: [], param: { fn: info!.id, i, name: left.name, ...(target.type === 'AssignmentPattern' ? { dflt: target.right } : {}) } });
      } else if (left.type === 'ObjectPattern') {
        info!.params.push(`{${i}}`);
        for (const prop of left.properties) {
          if (prop.type !== 'Property' || prop.computed || prop.key.type !== 'Identifier') continue;
          const v = prop.value.type === 'AssignmentPattern' ? prop.value.left : prop.value;
          if (v.type === 'Identifier') inner.vars.set(v.name, { kind: 'param', inits: [], param: { fn: info!.id, i, name: v.name, key: prop.key.name, ...(prop.value.type === 'AssignmentPattern' ? { dflt: prop.value.right } : {}) } });
        }
      } else {
        info!.params.push(`#${i}`);
        bindPattern(left, undefined, inner, 'param');
      }
      if (target.type === 'AssignmentPattern') visit(target.right, inner);
    });
    if (node.body?.type === 'BlockStatement') { noteDirect(node.body.body); visitStatements(node.body.body, inner); }
    else if (node.body) { info.returns.push({ node: node.body, scope: inner }); visit(node.body, inner); }
    return info;
  };

  // Branch conditions on the way to the node being walked (for calls in a helper's branches).
  let guards: BranchGuard[] | undefined;
  // A guard clause (`if (!body) return …;`) leaves the rest of the block to the other branch.
  const visitStatements = (list: Node[], scope: Scope): void => {
    const outer = guards;
    for (const st of list) {
      visit(st, scope);
      if (st?.type === 'IfStatement' && !st.alternate && terminates(st.consequent)) {
        const [, no] = ifGuards(st.test, scope);
        if (no) guards = [...(guards ?? []), no];
      }
    }
    guards = outer;
  };
  const visit = (node: Node, scope: Scope): void => {
    if (!node || typeof node !== 'object' || node.type === undefined) return;
    switch (node.type) {
      case 'ImportDeclaration': {
        if (typeOnly(node, /^import\s+type(\s*[{*]|\s+(?!from\b)[\w$])/)) return;
        const source = sourceOf(node.source.value as string);
        const names: string[] = [];
        for (const s of node.specifiers) {
          if (s.type === 'ImportSpecifier' && typeOnly(s, /^type\s+(?!as\b)[\w$]/)) continue;
          const name = s.type === 'ImportDefaultSpecifier' ? 'default' : s.type === 'ImportNamespaceSpecifier' ? '*' : s.imported.type === 'Literal' ? s.imported.value : s.imported.name;
          names.push(name);
          module.vars.set(s.local.name, { kind: 'import', inits: [], import: { source, name } });
        }
        facts.imports.push({ source, names, start: node.start });
        return;
      }
      case 'VariableDeclaration': {
        const target = node.kind === 'var' ? scope.hoistTarget() : scope;
        const kind = node.kind === 'const' ? 'const' : node.kind === 'var' ? 'var' : 'let';
        for (const d of node.declarations) {
          // Visit the initialiser first so a function value is known when the name is bound.
          visit(d.init, scope);
          bindPattern(d.id, d.init ? { node: d.init, scope } : undefined, target, kind);
        }
        return;
      }
      case 'FunctionDeclaration': {
        const info = visitFunction(node, scope);
        if (node.id) declare(scope.hoistTarget(), node.id.name, { kind: 'function', inits: [], fn: info.id });
        return;
      }
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        visitFunction(node, scope);
        return;
      case 'ClassDeclaration':
      case 'ClassExpression':
        if (node.type === 'ClassDeclaration' && node.id) declare(scope, node.id.name, { kind: 'class', inits: [], cls: node });
        registerOwner(node, scope, node.body.body, node.superClass ?? undefined);
        visit(node.superClass, scope);
        visit(node.body, scope);
        return;
      case 'ObjectExpression':
        if (node.properties.some((p: Node) => p.type === 'Property' && isFunctionNode(p.value))) registerOwner(node, scope, node.properties);
        for (const p of node.properties) visit(p, scope);
        return;
      case 'TSEnumDeclaration': {
        // An enum is a runtime object of constants (`enum Endpoint { Myself = '/rest/api/3/myself' }`).
        const properties = node.body.members.map((m: Node, i: number) => ({ type: 'Property', key: m.id, computed: false, value: m.initializer ?? { type: 'Literal', value: i, raw: String(i) } }));
        declare(scope, node.id.name, { kind: 'const', inits: [{ node: { type: 'ObjectExpression', properties, start: node.start, end: node.end }, scope }] });
        return;
      }
      case 'TSModuleDeclaration': {
        // `namespace Jira { export const issue = … }` is runtime code; `declare namespace`, `declare module 'x'` are types.
        if (node.declare || node.body?.type !== 'TSModuleBlock') return;
        const inner = new Scope(scope, scope.fn, true);
        const properties: Node[] = [];
        for (const st of node.body.body) {
          const d = st.type === 'ExportNamedDeclaration' ? st.declaration : undefined;
          visit(d ?? st, inner);
          for (const name of declaredNames(d)) properties.push({ type: 'Property', key: { type: 'Identifier', name }, computed: false, value: { type: 'Identifier', name, start: d.start, end: d.end } });
        }
        // The namespace is an object of its exports (`Jira.issue(k)`), each read in the namespace's scope.
        if (node.id?.type !== 'Identifier') return;
        const obj = { type: 'ObjectExpression', properties, start: node.start, end: node.end };
        registerOwner(obj, inner, properties);
        declare(scope, node.id.name, { kind: 'const', inits: [{ node: obj, scope: inner }] });
        return;
      }
      case 'JSXAttribute': {
        const name = node.name?.type === 'JSXIdentifier' ? node.name.name : undefined;
        if (name && JSX_URL_ATTRS.has(name) && node.value) {
          const value = node.value.type === 'JSXExpressionContainer' ? node.value.expression : node.value;
          facts.jsxRefs.push({ tag: jsxTag, attr: name, value, scope, ...(jsxLink ? { link: jsxLink } : {}) });
        }
        visit(node.value, scope);
        return;
      }
      case 'JSXOpeningElement': {
        const outer = jsxTag;
        const outerLink = jsxLink;
        jsxTag = node.name?.type === 'JSXIdentifier' ? node.name.name : '';
        jsxLink = jsxTag === 'link' ? { rel: jsxLiteralAttr(node, 'rel'), as: jsxLiteralAttr(node, 'as') } : undefined;
        for (const a of node.attributes) visit(a, scope);
        jsxTag = outer;
        jsxLink = outerLink;
        return;
      }
      case 'BlockStatement':
      case 'StaticBlock': {
        noteDirect(node.body);
        const inner = new Scope(scope, scope.fn, false);
        visitStatements(node.body, inner);
        return;
      }
      case 'IfStatement': {
        visit(node.test, scope);
        const [yes, no] = ifGuards(node.test, scope);
        const outer = guards;
        guards = yes ? [...(outer ?? []), yes] : outer;
        visit(node.consequent, scope);
        guards = no ? [...(outer ?? []), no] : outer;
        visit(node.alternate, scope);
        guards = outer;
        return;
      }
      case 'ForOfStatement': {
        const inner = new Scope(scope, scope.fn, false);
        const d = node.left.type === 'VariableDeclaration' && node.left.declarations.length === 1 ? node.left.declarations[0].id : undefined;
        if (d?.type !== 'Identifier' && d?.type !== 'ArrayPattern' && d?.type !== 'ObjectPattern') { for (const k of keysOf(node)) visitChild(node[k], inner); return; }
        // `for (const path of PATHS)`: the variable takes each element of PATHS (`[name, path]`: their parts).
        visit(node.right, scope);
        const each: Init = { node: node.right, scope, element: true };
        if (d.type === 'Identifier') declare(node.left.kind === 'var' ? scope.hoistTarget() : inner, d.name, { kind: 'let', inits: [each] });
        else bindPattern(d, each, node.left.kind === 'var' ? scope.hoistTarget() : inner, 'let');
        visit(node.body, inner);
        return;
      }
      case 'SwitchStatement': {
        const inner = new Scope(scope, scope.fn, false);
        visit(node.discriminant, scope);
        const caseGuards = switchGuards(node, scope);
        const outer = guards;
        node.cases.forEach((c: Node, i: number) => {
          visit(c.test, inner);
          guards = caseGuards[i] ? [...(outer ?? []), caseGuards[i]!] : outer;
          for (const st of c.consequent) visit(st, inner);
          guards = outer;
        });
        return;
      }
      case 'ForStatement':
      case 'ForInStatement': {
        const inner = new Scope(scope, scope.fn, false);
        for (const k of keysOf(node)) visitChild(node[k], inner);
        return;
      }
      case 'CatchClause': {
        const inner = new Scope(scope, scope.fn, false);
        bindPattern(node.param, undefined, inner, 'other');
        visit(node.body, inner);
        return;
      }
      case 'ReturnStatement':
        if (node.argument && scope.fn) scope.fn.returns.push({ node: node.argument, scope });
        visit(node.argument, scope);
        return;
      case 'AssignmentExpression':
        recordAssignment(node, scope);
        visit(node.left, scope);
        visit(node.right, scope);
        return;
      case 'CallExpression':
        facts.calls.push(guards ? { node, scope, guards } : { node, scope });
        // `Object.assign(init, { method: 'POST' })` changes `init` like assignments to its properties.
        if (isObjectAssign(node) && node.arguments[0]?.type === 'Identifier') {
          for (const src of node.arguments.slice(1)) memberAssigns.push({ name: node.arguments[0].name, key: '*', init: { node: src.type === 'SpreadElement' ? src.argument : src, scope }, start: node.start, node });
        }
        if (node.callee.type === 'MemberExpression' && !node.callee.computed && ELEMENT_CALLBACKS.has(node.callee.property.name) && isFunctionNode(node.arguments[0])) {
          elementOf.set(node.arguments[0], { node: node.callee.object, scope, element: true });
        }
        if (requireSource(node) !== undefined) facts.imports.push({ source: sourceOf(requireSource(node)!), names: ['*'], start: node.start });
        visit(node.callee, scope);
        for (const a of node.arguments) visit(a, scope);
        return;
      case 'ImportExpression':
        if (requireSource(node) !== undefined) facts.imports.push({ source: requireSource(node)!, names: ['*'], start: node.start });
        visit(node.source, scope);
        return;
      case 'ExportNamedDeclaration':
        if (node.source && !typeOnly(node, /^export\s+type\s*[{*]/)) facts.reexports.push({ source: node.source.value, start: node.start });
        recordExport(node);
        visit(node.declaration, scope);
        return;
      case 'ExportDefaultDeclaration': {
        const d = node.declaration;
        visit(d, scope);
        if ((d.type === 'FunctionDeclaration' || d.type === 'ClassDeclaration') && d.id) facts.exports.set('default', { local: d.id.name });
        else if (d.type === 'Identifier') facts.exports.set('default', { local: d.name });
        else facts.exports.set('default', { node: d, scope });
        return;
      }
      case 'ExportAllDeclaration':
        if (!typeOnly(node, /^export\s+type\s*[{*]/)) facts.reexports.push({ source: node.source.value, start: node.start });
        if (node.exported) facts.exports.set(node.exported.name ?? node.exported.value, { source: node.source.value, name: '*' });
        else facts.exportAll.push(node.source.value);
        return;
      default:
        if (SKIP_TYPES.has(node.type)) return;
        for (const k of keysOf(node)) visitChild(node[k], scope);
    }
  };

  const visitChild = (child: Node, scope: Scope): void => {
    if (Array.isArray(child)) for (const c of child) visit(c, scope);
    else visit(child, scope);
  };

  const recordAssignment = (node: Node, scope: Scope): void => {
    const left = node.left;
    if (left.type === 'Identifier') { (node.operator === '=' ? assigns : compound).push({ name: left.name, init: { node: node.right, scope } }); return; }
    if (left.type !== 'MemberExpression' || node.operator !== '=') return;
    if (left.object.type === 'Identifier' && left.object.name !== 'exports' && left.object.name !== 'module') {
      // `init.method = 'PUT'` after `const init = { … }`: the object's property may change.
      memberAssigns.push({ name: left.object.name, key: memberName(left), init: { node: node.right, scope }, start: node.start, node });
      return;
    }
    if (left.object.type === 'ThisExpression' && !left.computed) {
      // `this.base = '/rest/api/3'` in a constructor: `this.base` elsewhere in the class may be it.
      const owner = facts.owners.get(thisOwner(scope));
      const name = keyName(left.property)!;
      if (owner) (owner.thisProps.get(name) ?? owner.thisProps.set(name, []).get(name)!).push({ node: node.right, scope });
      return;
    }
    // CommonJS exports: `module.exports = {...}`, `module.exports.x = ...`, `exports.x = ...`.
    const o = left.object;
    const isModuleExports = (n: Node): boolean => n.type === 'MemberExpression' && n.object.type === 'Identifier' && n.object.name === 'module' && n.property.name === 'exports';
    if (isModuleExports(left)) {
      if (node.right.type === 'ObjectExpression') {
        for (const p of node.right.properties) {
          // `module.exports = { ...require('./projects') }` re-exports everything that module exports.
          if (p.type === 'SpreadElement' && requireSource(p.argument) !== undefined) { facts.exportAll.push(requireSource(p.argument)!); continue; }
          if (p.type !== 'Property' || p.computed) continue;
          const name = p.key.name ?? String(p.key.value);
          if (p.value.type === 'Identifier') facts.exports.set(name, { local: p.value.name });
          else facts.exports.set(name, { node: p.value, scope });
        }
      } else if (node.right.type === 'Identifier') facts.exports.set('default', { local: node.right.name });
      else facts.exports.set('default', { node: node.right, scope });
    } else if (!left.computed && ((o.type === 'Identifier' && o.name === 'exports') || isModuleExports(o))) {
      if (node.right.type === 'Identifier') facts.exports.set(left.property.name, { local: node.right.name });
      else facts.exports.set(left.property.name, { node: node.right, scope });
    }
  };

  const recordExport = (node: Node): void => {
    const d = node.declaration;
    if (typeOnly(node, /^export\s+type\s*[{*]/)) return;
    if (d) {
      if (!d.declare) for (const name of declaredNames(d)) facts.exports.set(name, { local: name });
      return;
    }
    for (const s of node.specifiers ?? []) {
      if (typeOnly(s, /^type\s+(?!as\b)[\w$]/)) continue;
      const local = s.local.name ?? s.local.value;
      const exported = s.exported.name ?? s.exported.value;
      facts.exports.set(exported, node.source ? { source: node.source.value, name: local } : { local });
    }
  };

  let jsxTag = '';
  let jsxLink: FileFacts['jsxRefs'][number]['link'];
  noteDirect(program.body);
  visit(program, module);
  for (const a of assigns) {
    const b = a.init.scope.lookup(a.name);
    if (b) { b.inits.push(a.init); b.reassigned = true; }
  }
  for (const a of compound) { const b = a.init.scope.lookup(a.name); if (b) b.reassigned = true; }
  for (const a of memberAssigns) {
    const b = a.init.scope.lookup(a.name);
    if (b) (b.memberAssigns ??= []).push({ ...(a.key !== undefined ? { key: a.key } : {}), init: a.init, direct: direct.has(a.node), start: a.start });
  }
  for (const g of getters) {
    const returns = facts.fns.get(g.fn)?.returns;
    if (returns?.length && !g.info.thisProps.has(g.name)) g.info.thisProps.set(g.name, returns);
  }
  return facts;
}

const RUNTIME_DECLARATIONS = new Set(['FunctionDeclaration', 'ClassDeclaration', 'TSEnumDeclaration', 'TSModuleDeclaration']);

/** Names a declaration binds (`const a = …, b = …`, `function f`, `class C`, `enum E`, `namespace N`). */
function declaredNames(d: Node): string[] {
  // `export const { requestConfluence } = api.asUser()` exports every name the pattern binds.
  if (d?.type === 'VariableDeclaration') return d.declarations.flatMap((x: Node) => patternNames(x.id));
  return RUNTIME_DECLARATIONS.has(d?.type) && d.id?.type === 'Identifier' ? [d.id.name] : [];
}

/** The names a binding pattern declares (`a`, `{ a, b: c, ...d }`, `[a, , b = 1]`). */
function patternNames(p: Node, depth = 0): string[] {
  if (!p || depth > 8) return [];
  if (p.type === 'Identifier') return [p.name];
  if (p.type === 'AssignmentPattern') return patternNames(p.left, depth + 1);
  if (p.type === 'RestElement') return patternNames(p.argument, depth + 1);
  if (p.type === 'ObjectPattern') return p.properties.flatMap((x: Node) => patternNames(x.type === 'RestElement' ? x : x.value, depth + 1));
  if (p.type === 'ArrayPattern') return p.elements.flatMap((x: Node) => patternNames(x, depth + 1));
  return [];
}

/** A JSX attribute's string value, lower-cased: undefined when absent, null when not a literal (`rel={kind}`, a spread). */
function jsxLiteralAttr(element: Node, name: string): string | null | undefined {
  let found: string | null | undefined;
  for (const a of element.attributes) {
    if (a.type === 'JSXSpreadAttribute') { found ??= null; continue; }
    if (a.name?.type !== 'JSXIdentifier' || a.name.name !== name) continue;
    const v = a.value?.type === 'JSXExpressionContainer' ? a.value.expression : a.value;
    found = v?.type === 'Literal' && typeof v.value === 'string' ? v.value.toLowerCase() : null;
  }
  return found;
}
