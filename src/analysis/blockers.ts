import { getOperation, scopeInfo, scopeProduct } from '../catalog';
import type { Family } from '../catalog/types';
import { PLATFORM_SCOPES } from '../scan/platform-features';
import type { SkippedFile } from '../scan/types';
import type { EndpointReport, OtherNeed, RuntimeSurfaceReport, UnknownRuntimeEndpoint, UnresolvedReport } from './report-types';
import { describeSurface } from './runtime-surfaces';
import { surfaceScopes } from './surface-scopes';

/** What may need a scope although no known need does. */
export interface BlockerInput {
  unresolved: readonly UnresolvedReport[];
  endpoints: readonly EndpointReport[];
  unknownRuntime: readonly UnknownRuntimeEndpoint[];
  /** Files the scanner did not read or parse. */
  skipped: readonly SkippedFile[];
  /** Needs of features Atlassian documents no scope for (`maybe`). */
  maybeNeeds: readonly OtherNeed[];
  /** Scopes this app's own triggers, modules and features need (besides the catalog's). */
  appScopes: ReadonlySet<string>;
  /** Runtime calls of the other request surfaces (GraphQL, remotes…): those whose scopes Atlassian does not document may need any. */
  runtimeSurfaces?: readonly RuntimeSurfaceReport[];
  /** Remotes Forge passes no app token: calls to them cannot use the app's scopes. */
  tokenlessRemotes?: ReadonlySet<string>;
}

/** Surfaces that call a remote by its `remotes` key. */
const REMOTE_SURFACES = new Set(['invokeRemote', 'requestRemote']);

/** True when a call reaches a remote that gets no app token, so it cannot need any scope. */
function tokenless(surface: string | undefined, remote: string | null | undefined, input: BlockerInput): boolean {
  return !!surface && REMOTE_SURFACES.has(surface) && typeof remote === 'string' && !!input.tokenlessRemotes?.has(remote);
}

/** Returns whether runtime calls of this surface may need `scope` beyond what Atlassian documents for it. */
function surfaceMayNeed(s: RuntimeSurfaceReport, scope: string): boolean {
  if (s.scopes === 'none') return false;
  const mayNeed = surfaceScopes(s.surface, s).mayNeed;
  return mayNeed ? mayNeed(scope) : s.scopes === 'unknown';
}

/** Reasons listed per scope; beyond, one line says how many more. */
const MAX_REASONS = 5;

/** Returns true when some catalog operation lists the scope (from the catalog's index: no operations loaded). */
function catalogNames(scope: string): boolean {
  return (scopeInfo(scope)?.operationCount ?? 0) > 0;
}

/** Returns the product function a scope's operations are called through, if any. */
function familyOfScope(scope: string): Family | undefined {
  const product = scopeProduct(scope);
  // Assets' import scope (`import:import-configuration:cmdb`) is called through requestJira too.
  if (product.startsWith('jira') || product === 'servicedesk' || product === 'cmdb') return 'requestJira';
  if (product === 'confluence') return 'requestConfluence';
  if (product === 'bitbucket') return 'requestBitbucket';
  return undefined;
}

/** Caps a reason list, saying how many were left out. */
export function capped(reasons: string[]): string[] {
  return reasons.length > MAX_REASONS ? [...reasons.slice(0, MAX_REASONS), `and ${reasons.length - MAX_REASONS} more`] : reasons;
}

/**
 * Returns what keeps a declared scope that no known need uses from being proven unused: every
 * file not read or parsed (it may hold the call), unresolved calls and unknown request surfaces
 * that may need it, undocumented or unknown operations of its product, runtime calls of surfaces
 * whose scopes Atlassian does not document (GraphQL, remotes…), features Atlassian documents no
 * scope for, and scopes the tool knows nothing about. Empty: provably unused.
 */
export function whatMayNeed(scope: string, input: BlockerInput): string[] {
  const family = familyOfScope(scope);
  const reasons: string[] = [];
  for (const f of input.skipped) if (f.blocksRemoval) reasons.push(`${f.file} was not read: ${f.reason}`);
  for (const u of input.unresolved) {
    const at = `${u.file}:${u.line}`;
    if (u.candidates.length) {
      const hit = u.candidates.find((key) => getOperation(key)?.alternatives.some((a) => a.scopes.includes(scope)));
      if (hit) reasons.push(`unresolved call at ${at} may be ${hit}`);
    } else if (u.kind === 'api' && tokenless(u.surface, u.remote, input)) {
      continue;
    } else if (u.kind === 'api' || (family && (!u.family || u.family === family))) {
      reasons.push(`${u.kind === 'api' ? 'unrecognised request surface' : 'unresolved call'} at ${at}: ${u.reason}`);
    }
  }
  if (family) {
    for (const e of input.endpoints) if (e.undocumented && e.family === family) reasons.push(`${e.key} lists no scopes in Atlassian's documents`);
    for (const u of input.unknownRuntime) if (u.family === family) reasons.push(`runtime calls to ${u.method} ${u.shape}, not in the catalog`);
  }
  for (const s of input.runtimeSurfaces ?? []) {
    if (surfaceMayNeed(s, scope) && !tokenless(s.surface, s.target, input)) reasons.push(`runtime calls to ${describeSurface(s)} (${s.runtime.calls}): ${s.note}`);
  }
  for (const n of input.maybeNeeds) if (n.alternatives.some((a) => a.includes(scope))) reasons.push(`${n.reason}: Atlassian documents no scope for it, this one may be needed`);
  if (!catalogNames(scope) && !PLATFORM_SCOPES.has(scope) && !input.appScopes.has(scope)) {
    reasons.push('no catalog operation, trigger, module or platform feature the tool knows uses this scope: what needs it cannot be told');
  }
  return capped(reasons);
}
