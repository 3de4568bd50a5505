import forgeApi, { route } from '@forge/api';
import { instrument } from '../recorder';

// Recorded as Scope Inspector's own calls (principal `inspector`): the page's admin check is not
// the app's usage, so it never makes a scope look in use nor an endpoint busy, yet it stays
// visible in `report.runtime.own`.
const api = instrument(forgeApi, { as: 'inspector' });

/** The part of a resolver request's context the admin check reads. */
export interface AdminCheckContext {
  extension?: { type?: string };
  /** Bitbucket modules: the workspace the page is shown in. */
  workspaceId?: string;
}

/** The part of a product `Response` the admin check reads. */
export interface AdminCheckResponse {
  ok: boolean;
  json(): Promise<unknown>;
}

/**
 * The product requests, made as the calling user, that tell whether that user administers the
 * product the page is shown in. An app that embeds the admin page passes its own (written in its
 * source, so its audit sees the calls and their scopes); a product without one is never admin.
 */
export interface AdminChecks {
  /** `GET /rest/api/3/mypermissions?permissions=ADMINISTER`. */
  jira?: () => Promise<AdminCheckResponse>;
  /** `GET /wiki/rest/api/user/current?expand=operations`. */
  confluence?: () => Promise<AdminCheckResponse>;
  /** `GET /2.0/user/workspaces/{workspace}/permission` for the page's workspace. */
  bitbucket?: (workspace: string) => Promise<AdminCheckResponse>;
}

const OWN_CHECKS: AdminChecks = {
  jira: () => api.asUser().requestJira(route`/rest/api/3/mypermissions?permissions=ADMINISTER`),
  confluence: () => api.asUser().requestConfluence(route`/wiki/rest/api/user/current?expand=operations`),
};
let checks: AdminChecks = OWN_CHECKS;

/** Replaces the admin checks (`createAdminPageResolver` passes the embedding app's own). */
export function useAdminChecks(appChecks: AdminChecks): void {
  checks = appChecks;
}

type Json = Record<string, any> | undefined;
const INTERPRET: Record<keyof AdminChecks, (body: Json) => boolean> = {
  jira: (body) => body?.permissions?.ADMINISTER?.havePermission === true,
  confluence: (body) => Array.isArray(body?.operations) && body.operations.some((o: Json) => o?.operation === 'administer' && o?.targetType === 'application'),
  // Bitbucket's workspace settings belong to the workspace's owners (admins).
  bitbucket: (body) => body?.permission === 'owner',
};

/** Returns the product a page belongs to, by its module type. */
function productOf(context: AdminCheckContext | undefined): keyof AdminChecks {
  const type = context?.extension?.type ?? '';
  return type.startsWith('confluence:') ? 'confluence' : type.startsWith('bitbucket:') ? 'bitbucket' : 'jira';
}

/** Returns the workspace path segment Bitbucket's API takes: the UUID in braces, percent-encoded (`route` passes path values as they are). */
function workspaceArgument(workspaceId: string): string {
  const id = workspaceId.replace(/^.*\//, '').replace(/^\{|\}$/g, '');
  return `%7B${encodeURIComponent(id)}%7D`;
}

/**
 * Returns true when the calling user administers the product the page is shown in: Jira's
 * `ADMINISTER` global permission, Confluence's `administer` application operation, or the
 * owner permission on the Bitbucket workspace. Asked as the user, so the product itself decides.
 */
export async function callerIsAdmin(context: AdminCheckContext | undefined): Promise<boolean> {
  const product = productOf(context);
  let response: AdminCheckResponse;
  if (product === 'bitbucket') {
    const workspace = context?.workspaceId;
    if (!checks.bitbucket || typeof workspace !== 'string' || workspace === '') return false;
    response = await checks.bitbucket(workspaceArgument(workspace));
  } else {
    const check = checks[product];
    if (!check) return false;
    response = await check();
  }
  if (!response.ok) return false;
  return INTERPRET[product]((await response.json()) as Json);
}
