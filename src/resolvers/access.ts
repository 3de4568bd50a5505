import { ScopeInspectorError } from '../errors';
import { callerIsAdmin, type AdminCheckContext } from './admin-check';

/**
 * Module types whose pages are Scope Inspector's admin page: Jira administration, Confluence
 * settings, and a Bitbucket workspace's settings (where `scope-inspector init` puts it for Bitbucket apps).
 */
export const ADMIN_MODULE_TYPES: ReadonlySet<string> = new Set(['jira:adminPage', 'confluence:globalSettings', 'bitbucket:workspaceSettingsMenuPage']);

/** The resolver context fields access decisions read; all set by the platform, never by the page. */
export interface AccessContext extends AdminCheckContext {
  accountId?: unknown;
}

/** Throws `WRONG_MODULE` unless the call comes from a module of one of these types (the platform's `extension.type`). */
export function requireModule(context: AccessContext | undefined, types: ReadonlySet<string>, what: string): void {
  const type = context?.extension?.type;
  if (typeof type !== 'string' || !types.has(type)) {
    throw new ScopeInspectorError('WRONG_MODULE', `${what} is only answered to ${[...types].join(' or ')} (called from ${typeof type === 'string' ? type : 'an unknown module'})`);
  }
}

/**
 * Throws unless the call comes from the admin page and the calling user administers the
 * product (asked of the product as that user). Usage data, exports and reset are for admins
 * only; the issue panel and byline item have their own narrow resolvers.
 */
export async function requireAdmin(context: AccessContext | undefined, what: string): Promise<void> {
  requireModule(context, ADMIN_MODULE_TYPES, what);
  if (!(await callerIsAdmin(context))) throw new ScopeInspectorError('NOT_ADMIN', `${what} is for site or product admins only`);
}
