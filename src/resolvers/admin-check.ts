import forgeApi, { route } from '@forge/api';
import { instrument } from '../recorder';

// Recorded as Scope Inspector's own calls (principal `inspector`): the page's admin check is not
// the app's usage, so it never makes a scope look in use nor an endpoint busy, yet it stays
// visible in `report.runtime.own`.
const api = instrument(forgeApi, { as: 'inspector' });

/** The part of a resolver request's context the admin check reads. */
export interface AdminCheckContext {
  extension?: { type?: string };
}

/**
 * Returns true when the calling user administers the product the page is shown in: Jira's
 * `ADMINISTER` global permission, or Confluence's `administer` application operation. Asked
 * as the user, so the product itself decides.
 */
export async function callerIsAdmin(context: AdminCheckContext | undefined): Promise<boolean> {
  if (context?.extension?.type?.startsWith('confluence:')) {
    const response = await api.asUser().requestConfluence(route`/wiki/rest/api/user/current?expand=operations`);
    if (!response.ok) return false;
    const user = (await response.json()) as { operations?: { operation: string; targetType: string }[] };
    return Boolean(user.operations?.some((o) => o.operation === 'administer' && o.targetType === 'application'));
  }
  const response = await api.asUser().requestJira(route`/rest/api/3/mypermissions?permissions=ADMINISTER`);
  if (!response.ok) return false;
  const body = (await response.json()) as { permissions?: { ADMINISTER?: { havePermission?: boolean } } };
  return body.permissions?.ADMINISTER?.havePermission === true;
}
