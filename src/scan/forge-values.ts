import { posix } from 'node:path';
import type { Family } from '../catalog/types';
import { thisOwner, type Node, type OwnerInfo, type Scope } from './scope';
import { memberName } from './member-name';
import type { CallPrincipal, RequestSurface } from './types';
import { requireSource } from './walk-file';

/** Packages whose exports the scanner follows. */
export const FORGE_API = '@forge/api';
export const FORGE_BRIDGE = '@forge/bridge';
const FORGE_REALTIME = '@forge/realtime';

/**
 * What an import of init's generated `instrumented-fetch` stands for: the global `fetch`, recorded.
 * A `node:` name, so that nothing takes it for the app's own module or for a Forge package.
 */
export const GLOBAL_FETCH = 'node:globalThis.fetch';

/**
 * Modules `scope-inspector init` generates in an app (`<dir>/scope-inspector/instrumented-api`,
 * `.../instrumented-bridge`, `.../instrumented-fetch`): what each re-exports, recorded but with
 * the same surface.
 */
const GENERATED_FACADES: Record<string, string> = { 'instrumented-api': FORGE_API, 'instrumented-bridge': FORGE_BRIDGE, 'instrumented-fetch': GLOBAL_FETCH };

/** Returns the Forge package a relative import of one of init's generated facades stands for, if it is one. */
export function facadePackage(fromFile: string, source: string): string | undefined {
  if (!source.startsWith('./') && !source.startsWith('../')) return undefined;
  const parts = posix.normalize(posix.join(posix.dirname(fromFile), source)).replace(/\.[cm]?[jt]sx?$/, '').split('/');
  return parts.length >= 2 && parts[parts.length - 2] === 'scope-inspector' ? GENERATED_FACADES[parts[parts.length - 1]] : undefined;
}

/** True when `file` is init's generated recorded `fetch` (`…/scope-inspector/instrumented-fetch.ts`): it forwards its importers' calls, found where they are made. */
export const isGeneratedFetch = (file: string): boolean => /(^|\/)scope-inspector\/instrumented-fetch\.[cm]?[jt]s$/.test(file);

/** Names of the product request functions. */
export const FAMILIES: ReadonlySet<string> = new Set(['requestJira', 'requestConfluence', 'requestBitbucket']);

/** Wrappers that return the Forge surface they are given (the recorder's one-line adoption). */
const INSTRUMENT_WRAPPERS = new Set(['instrument', 'instrumentBridge']);

/** Properties API entities of older `@forge/api` (`properties.onJiraIssue(key)`), keyed by factory name. */
export const PROPERTY_ENTITIES: Record<string, { family: Family; base: string; seg: string }> = {
  onJiraIssue: { family: 'requestJira', base: '/rest/api/3/issue/{}', seg: 'properties' },
  onJiraProject: { family: 'requestJira', base: '/rest/api/3/project/{}', seg: 'properties' },
  onConfluencePage: { family: 'requestConfluence', base: '/wiki/rest/api/content/{}', seg: 'property' },
  onConfluenceSpace: { family: 'requestConfluence', base: '/wiki/rest/api/space/{}', seg: 'property' },
};

/** Request surfaces a principal (`asApp()`, `asUser()`) offers besides the product requests. */
const PRINCIPAL_SURFACES: ReadonlySet<string> = new Set(['requestGraph', 'requestAtlassian', 'requestConnectedData', 'requestTeamworkGraph']);
/** Request surfaces exported by the packages: `@forge/api`'s remotes and services, the bridge's. */
const EXPORTED_SURFACES: Record<string, ReadonlySet<string>> = {
  '@forge/api': new Set(['invokeRemote', 'invokeService']),
  '@forge/bridge': new Set(['invokeRemote', 'invokeService', 'requestRemote', 'requestTeamworkGraph']),
};

/** A value the scanner knows to come from a Forge package. */
export type ForgeValue =
  | { k: 'module'; pkg: string }
  | { k: 'export'; pkg: string; name: string }
  | { k: 'principal'; p: 'asApp' | 'asUser' }
  | { k: 'request'; family: Family; principal: CallPrincipal }
  | { k: 'surface'; surface: RequestSurface; principal: CallPrincipal }
  /** `asApp().withContext`, `asUser().withProvider`: functions returning a principal or an external-auth client. */
  | { k: 'principalFn'; p: 'asApp' | 'asUser'; name: 'withContext' | 'withProvider' }
  /** `asUser().withProvider('google', 'google-apis')` (and its `asAccount(id)`). */
  | { k: 'provider'; provider?: string; remote?: string }
  | { k: 'providerFn'; provider?: string; remote?: string; name: 'fetch' | 'asAccount' }
  | { k: 'props'; entity: string }
  | { k: 'propsMethod'; entity: string; op: string }
  /** What `authorize()` returns: `onJira…` / `onConfluenceContent` make a permission check as the user. */
  | { k: 'authorizer' }
  | { k: 'authCheck'; product: 'jira' | 'confluence' };

/** `authorize()` members (from @forge/auth, read in node_modules) and the product whose permission-check operation each calls. */
const AUTHORIZE_MEMBERS: Record<string, 'jira' | 'confluence'> = { onJira: 'jira', onJiraIssue: 'jira', onJiraProject: 'jira', onConfluenceContent: 'confluence' };

/** Forge values that are functions (what `.bind(…)` returns unchanged). */
const BINDABLE: ReadonlySet<ForgeValue['k']> = new Set(['export', 'request', 'surface', 'principalFn', 'providerFn', 'propsMethod']);

const unwrap = (n: Node): Node => {
  while (n && (n.type === 'TSAsExpression' || n.type === 'TSNonNullExpression' || n.type === 'TSSatisfiesExpression' || n.type === 'TSTypeAssertion' || n.type === 'ParenthesizedExpression' || n.type === 'ChainExpression' || n.type === 'AwaitExpression')) n = n.expression ?? n.argument;
  return n;
};
export { unwrap };

/** Returns what member `name` of a Forge value is, if the scanner knows it. */
export function forgeMember(v: ForgeValue, name: string): ForgeValue | undefined {
  switch (v.k) {
    case 'module':
      if (name === 'default') return v.pkg === FORGE_API ? v : undefined;
      return exportOf(v.pkg, name);
    case 'principal':
      if (FAMILIES.has(name)) return { k: 'request', family: name as Family, principal: v.p };
      if (PRINCIPAL_SURFACES.has(name)) return { k: 'surface', surface: name as RequestSurface, principal: v.p };
      if (name === 'withContext' || name === 'withProvider') return { k: 'principalFn', p: v.p, name };
      return undefined;
    case 'provider':
      return name === 'fetch' || name === 'asAccount' ? { k: 'providerFn', provider: v.provider, remote: v.remote, name } : undefined;
    case 'export':
      if (v.name === 'properties' && PROPERTY_ENTITIES[name]) return { k: 'export', pkg: v.pkg, name: `properties.${name}` };
      // Namespaces whose members the platform-feature table names (`privacy.reportPersonalData`, bridge `realtime.publishGlobal`).
      if ((v.name === 'privacy' && v.pkg === FORGE_API) || (v.name === 'realtime' && v.pkg === FORGE_BRIDGE)) return { k: 'export', pkg: v.pkg, name: `${v.name}.${name}` };
      return undefined;
    case 'authorizer':
      return AUTHORIZE_MEMBERS[name] ? { k: 'authCheck', product: AUTHORIZE_MEMBERS[name] } : undefined;
    case 'props':
      return ['get', 'set', 'delete'].includes(name) ? { k: 'propsMethod', entity: v.entity, op: name } : undefined;
    default:
      return undefined;
  }
}

/** Returns the Forge value of a named export, turning `requestJira` & co. into request functions. */
export function exportOf(pkg: string, name: string): ForgeValue | undefined {
  if (pkg === FORGE_REALTIME) return name === 'default' || name === '*' ? { k: 'module', pkg } : { k: 'export', pkg, name };
  if (pkg !== FORGE_API && pkg !== FORGE_BRIDGE) return undefined;
  if (FAMILIES.has(name)) return { k: 'request', family: name as Family, principal: pkg === FORGE_BRIDGE ? 'bridge' : 'default' };
  if (EXPORTED_SURFACES[pkg]?.has(name)) return { k: 'surface', surface: name as RequestSurface, principal: pkg === FORGE_BRIDGE ? 'bridge' : 'asApp' };
  if (name === 'default' || name === '*') return { k: 'module', pkg };
  return { k: 'export', pkg, name };
}

/** The expression a local function returns, when it has a single obvious one (an arrow's body, a lone `return`). */
function returnedExpression(b: ReturnType<Scope['lookup']>): { node: Node; scope: Scope } | undefined {
  const init = b && !b.param && b.inits.length === 1 && b.inits[0].key === undefined ? b.inits[0] : undefined;
  const fn = unwrap(init?.node);
  if (fn?.type !== 'ArrowFunctionExpression' && fn?.type !== 'FunctionExpression') return undefined;
  if (fn.body.type !== 'BlockStatement') return { node: fn.body, scope: init!.scope };
  const returns = fn.body.body.filter((s: Node) => s.type === 'ReturnStatement');
  return returns.length === 1 && returns[0].argument ? { node: returns[0].argument, scope: init!.scope } : undefined;
}

/** Returns a string argument written as a literal or a `const` holding one (provider and remote keys). */
export function literalArg(node: Node, scope: Scope, depth = 0): string | undefined {
  node = unwrap(node);
  if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked ?? undefined;
  if (node?.type !== 'Identifier' || depth > 4) return undefined;
  const b = scope.lookup(node.name);
  return b?.kind === 'const' && b.inits.length === 1 && b.inits[0].key === undefined ? literalArg(b.inits[0].node, b.inits[0].scope, depth + 1) : undefined;
}

/** Returns the Forge value an expression evaluates to, or undefined when it is not (known to be) one. */
export function forgeValueOf(node: Node, scope: Scope, depth = 0): ForgeValue | undefined {
  node = unwrap(node);
  if (!node || depth > 8) return undefined;
  switch (node.type) {
    case 'Identifier': {
      const b = scope.lookup(node.name);
      if (!b) return undefined;
      if (b.import) return exportOf(b.import.source, b.import.name);
      if (b.kind !== 'const' && b.kind !== 'let' && b.kind !== 'var') return undefined;
      for (const init of b.inits) {
        let v = forgeValueOf(init.node, init.scope, depth + 1);
        if (v && init.key !== undefined) v = forgeMember(v, init.key);
        if (v) return v;
      }
      return undefined;
    }
    case 'MemberExpression': {
      const name = memberName(node);
      if (name === undefined) return undefined;
      const obj = forgeValueOf(node.object, scope, depth + 1);
      return obj ? forgeMember(obj, name) : undefined;
    }
    case 'ImportExpression':
      return requireSource(node) !== undefined ? exportOf(requireSource(node)!, '*') : undefined;
    // `actor === 'user' ? asUser().requestConfluence : asApp().requestConfluence`: a Forge value when every branch is one.
    case 'ConditionalExpression':
      return eitherValue(forgeValueOf(node.consequent, scope, depth + 1), forgeValueOf(node.alternate, scope, depth + 1));
    case 'CallExpression': {
      const src = requireSource(node);
      if (src !== undefined) return exportOf(src, '*');
      const c = unwrap(node.callee);
      // `api.asApp().requestJira.bind(api.asApp())`: the same function, whatever `this` it gets.
      if (c?.type === 'MemberExpression' && memberName(c) === 'bind') {
        const fn = forgeValueOf(c.object, scope, depth + 1);
        return fn && BINDABLE.has(fn.k) ? fn : undefined;
      }
      const callee = forgeValueOf(node.callee, scope, depth + 1);
      if (callee?.k === 'export' && callee.pkg === FORGE_API && (callee.name === 'asApp' || callee.name === 'asUser')) return { k: 'principal', p: callee.name };
      // `asApp().withContext(ari)` offers the same requests as its principal.
      if (callee?.k === 'principalFn') return callee.name === 'withContext' ? { k: 'principal', p: callee.p } : { k: 'provider', provider: literalArg(node.arguments[0], scope), remote: literalArg(node.arguments[1], scope) };
      if (callee?.k === 'providerFn' && callee.name === 'asAccount') return { k: 'provider', provider: callee.provider, remote: callee.remote };
      if (callee?.k === 'export' && callee.name.startsWith('properties.')) return { k: 'props', entity: callee.name.slice('properties.'.length) };
      if (callee?.k === 'export' && callee.pkg === FORGE_API && callee.name === 'authorize') return { k: 'authorizer' };
      // Scope Inspector's recorder (`instrument(api)`, `instrumentBridge(bridge)`) returns the same surface it wraps.
      if (node.callee.type === 'Identifier' && INSTRUMENT_WRAPPERS.has(node.callee.name) && node.arguments[0]) return forgeValueOf(node.arguments[0], scope, depth + 1);
      // A local function returning a Forge value: `const jira = () => api.asUser()`, `function client() { return api.asApp(); }`.
      const ret = node.callee.type === 'Identifier' ? returnedExpression(scope.lookup(node.callee.name)) : undefined;
      return ret ? forgeValueOf(ret.node, ret.scope, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The value of an expression that is one of two Forge values: that value when both are the same, a
 * request function of their common product whose principal is not known (`default`) when they differ
 * only by principal, and undefined otherwise (a branch that is no Forge value, or two different kinds).
 */
function eitherValue(a: ForgeValue | undefined, b: ForgeValue | undefined): ForgeValue | undefined {
  if (!a || !b) return undefined;
  if (JSON.stringify(a) === JSON.stringify(b)) return a;
  if (a.k === 'request' && b.k === 'request' && a.family === b.family) return { k: 'request', family: a.family, principal: 'default' };
  return undefined;
}

/**
 * The principal `this.x` holds when every value the class gives it (a field, a constructor's
 * `this.x = api.asUser()`, a getter's returns) is the same one; undefined otherwise.
 */
export function thisPrincipal(node: Node, scope: Scope, owners: Map<Node, OwnerInfo> | undefined): 'asApp' | 'asUser' | undefined {
  const m = unwrap(node);
  const name = m?.type === 'MemberExpression' && unwrap(m.object)?.type === 'ThisExpression' ? memberName(m) : undefined;
  const inits = name === undefined ? undefined : owners?.get(thisOwner(scope))?.thisProps.get(name);
  const found = new Set(inits?.map((i) => { const v = forgeValueOf(i.node, i.scope); return v?.k === 'principal' ? v.p : undefined; }));
  return found.size === 1 ? [...found][0] : undefined;
}
