import { scopeKind } from '../../src/catalog/scope-kind';
import type { HttpMethod, RequirementSource, ScopeKind } from '../../src/catalog/types';
import type { DocumentSpec } from './documents';

/** An alternative as read from a document, before interning. */
export interface RawAlternative {
  kind: ScopeKind | 'mixed';
  scopes: string[];
  source: RequirementSource;
}

/** An operation as read from a document, before interning. */
export interface RawOperation {
  method: HttpMethod;
  template: string;
  operationId: string;
  summary: string;
  deprecated: boolean;
  experimental: boolean;
  tag: string;
  alternatives: RawAlternative[];
  legacyScopes: string[];
  /** The document says no Forge form of this path is documented (`x-forge-path-uncertain`). */
  pathUnverified?: boolean;
  /** Hand-written entries: the page the operation was read from. */
  sourceUrl?: string;
  /** Hand-written entries: why the entry is partial (e.g. its scope is unverified). */
  partial?: string;
  /** Hand-written partial entries: what the scope probably is (shown, never used in a verdict). */
  probableScopes?: string[];
}

/** What one document yielded, with everything that could not be interpreted. */
export interface ExtractResult {
  operations: RawOperation[];
  problems: string[];
  /** Scope name → description, from the document's OAuth security schemes. */
  scopeDescriptions: Map<string, string>;
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);
// Path-level keys that are not operations.
const PATH_ITEM_KEYS = new Set(['parameters', 'summary', 'description', 'servers', '$ref']);

/** Returns the path prefix an app must add to the document's paths (the server URL's path). */
export function serverPrefix(doc: any, firstPath: string | undefined): string {
  const url: string = doc?.servers?.[0]?.url ?? '';
  const withoutScheme = url.replace(/^[a-z]+:/i, '').replace(/^\/\/[^/]*/, '');
  const prefix = withoutScheme.replace(/\/+$/, '');
  if (!prefix || (firstPath && firstPath.startsWith(prefix + '/'))) return '';
  return prefix;
}

/** Reads every operation of one OpenAPI document with its scope alternatives. */
export function extractOperations(doc: any, spec: DocumentSpec, isForgeScope: (s: string) => boolean): ExtractResult {
  const problems: string[] = [];
  const operations: RawOperation[] = [];
  const oauthSchemes = new Set<string>();
  const scopeDescriptions = new Map<string, string>();
  for (const [name, scheme] of Object.entries<any>(doc?.components?.securitySchemes ?? {})) {
    if (scheme?.type !== 'oauth2') continue;
    oauthSchemes.add(name);
    for (const flow of Object.values<any>(scheme.flows ?? {})) {
      for (const [scope, text] of Object.entries<any>(flow?.scopes ?? {})) scopeDescriptions.set(scope, String(text ?? ''));
    }
  }
  const paths = Object.keys(doc?.paths ?? {});
  const prefix = serverPrefix(doc, paths[0]);
  for (const path of paths) {
    const item = doc.paths[path] ?? {};
    for (const key of Object.keys(item)) {
      if (PATH_ITEM_KEYS.has(key)) continue;
      if (!METHODS.has(key)) {
        problems.push(`${spec.file}: ${path}: unknown key "${key}" under the path (not an HTTP method)`);
        continue;
      }
      const op = item[key] ?? {};
      const where = `${spec.file}: ${key.toUpperCase()} ${path}`;
      const { alternatives, legacyScopes } = readAlternatives(op, where, oauthSchemes, isForgeScope, problems);
      operations.push({
        method: key.toUpperCase() as HttpMethod,
        template: prefix + path,
        operationId: String(op.operationId ?? ''),
        summary: String(op.summary ?? '').trim(),
        deprecated: op.deprecated === true,
        experimental: op['x-experimental'] === true,
        tag: String(op.tags?.[0] ?? groupOf(prefix + path, spec.groupAfter)),
        alternatives,
        legacyScopes,
        ...(op['x-forge-path-uncertain'] === true ? { pathUnverified: true } : {}),
      });
    }
  }
  return { operations, problems, scopeDescriptions };
}

/** The documentation group of an untagged document's operation: the first segment after `after`. */
function groupOf(template: string, after: string | undefined): string {
  if (!after || !template.startsWith(after)) return '';
  return template.slice(after.length).split('/')[0];
}

function readAlternatives(
  op: any,
  where: string,
  oauthSchemes: Set<string>,
  isForgeScope: (s: string) => boolean,
  problems: string[],
): { alternatives: RawAlternative[]; legacyScopes: string[] } {
  const alternatives: RawAlternative[] = [];
  const legacy = new Set<string>();
  const add = (scopes: string[], source: RequirementSource, emptyKind: ScopeKind) => {
    const sorted = [...new Set(scopes)].sort();
    const key = sorted.join(' ');
    if (alternatives.some((a) => a.scopes.join(' ') === key)) return;
    alternatives.push({ kind: sorted.length ? kindOf(sorted) : emptyKind, scopes: sorted, source });
  };
  const x = op['x-atlassian-oauth2-scopes'];
  if (x !== undefined) {
    if (!Array.isArray(x)) problems.push(`${where}: x-atlassian-oauth2-scopes is not a list`);
    else
      for (const entry of x) {
        if (!entry || !Array.isArray(entry.scopes)) {
          problems.push(`${where}: x-atlassian-oauth2-scopes entry without a scopes list`);
          continue;
        }
        const beta = entry.state === 'Beta';
        if (!beta && entry.state !== 'Current') problems.push(`${where}: unknown x-atlassian-oauth2-scopes state "${entry.state}" (read as Current)`);
        // An explicit empty entry is Atlassian saying "no scope needed" for that alternative.
        add(entry.scopes.map(String), beta ? 'x-beta' : 'x-current', beta ? 'granular' : 'classic');
      }
  }
  for (const requirement of Array.isArray(op.security) ? op.security : []) {
    for (const [scheme, scopes] of Object.entries<any>(requirement ?? {})) {
      if (!oauthSchemes.has(scheme) || !Array.isArray(scopes) || scopes.length === 0) continue;
      // `security: [{OAuth2: []}]` says nothing about scopes, unlike an explicit x- entry.
      const forge = scopes.filter((s: string) => isForgeScope(s) || scopeKind(s) === 'granular' || /:(jira|confluence)/.test(s));
      for (const s of scopes) if (!forge.includes(s)) legacy.add(String(s));
      if (forge.length === scopes.length) add(forge.map(String), 'security', 'classic');
    }
  }
  return { alternatives, legacyScopes: [...legacy].sort() };
}

/** Returns the kind of an AND-set: its scopes' one kind, or `mixed`. */
export function kindOf(scopes: readonly string[]): ScopeKind | 'mixed' {
  const kinds = new Set(scopes.map(scopeKind));
  return kinds.size === 1 ? [...kinds][0] : 'mixed';
}
