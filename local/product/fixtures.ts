import type { ResponseExample } from './response-examples';

/** What a fixture sees of a request. */
export interface FixtureRequest {
  params: readonly string[];
  query: URLSearchParams;
  body: unknown;
  accountId?: string;
  userIsAdmin: boolean;
  siteUrl: string;
}

type Fixture = (r: FixtureRequest) => ResponseExample;

const user = (accountId = '5b10ac8d82e05b22cc7d4ef5', site = 'https://sandbox.atlassian.net') => ({
  self: `${site}/rest/api/3/user?accountId=${accountId}`,
  accountId,
  accountType: 'atlassian',
  displayName: 'Sandbox User',
  active: true,
  timeZone: 'UTC',
  locale: 'en_US',
});

// Deterministic numeric id from a key, so the same issue key always gets the same id.
const idOf = (s: string) => String(10000 + ([...s].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % 90000));

const issue = (keyOrId: string, site: string) => {
  const key = /^\d+$/.test(keyOrId) ? `SAND-${keyOrId}` : keyOrId;
  const id = /^\d+$/.test(keyOrId) ? keyOrId : idOf(keyOrId);
  return {
    id,
    key,
    self: `${site}/rest/api/3/issue/${id}`,
    fields: {
      summary: `Sandbox issue ${key}`,
      status: { id: '10001', name: 'To Do', statusCategory: { key: 'new' } },
      issuetype: { id: '10002', name: 'Task' },
      project: { id: '10000', key: key.split('-')[0], name: 'Sandbox project' },
      created: '2024-01-01T00:00:00.000+0000',
      updated: '2024-01-02T00:00:00.000+0000',
    },
  };
};

const project = (keyOrId: string, site: string) => ({
  self: `${site}/rest/api/3/project/10000`,
  id: /^\d+$/.test(keyOrId) ? keyOrId : '10000',
  key: /^\d+$/.test(keyOrId) ? 'SAND' : keyOrId,
  name: 'Sandbox project',
  projectTypeKey: 'software',
  simplified: true,
});

const page = (id: string) => ({
  id,
  status: 'current',
  title: `Sandbox page ${id}`,
  spaceId: '98306',
  parentId: '98305',
  authorId: '5b10ac8d82e05b22cc7d4ef5',
  createdAt: '2024-01-01T00:00:00.000Z',
  version: { number: 1, createdAt: '2024-01-01T00:00:00.000Z' },
  body: { storage: { value: '<p>Hello from the sandbox</p>', representation: 'storage' } },
  _links: { webui: `/spaces/SAND/pages/${id}` },
});

const space = (id: string) => ({ id, key: 'SAND', name: 'Sandbox space', type: 'global', status: 'current', homepageId: '98305' });

const repository = (workspace: string, slug: string) => ({
  type: 'repository',
  uuid: '{7c5f1a5e-0000-4000-8000-000000000001}',
  full_name: `${workspace}/${slug}`,
  name: slug,
  is_private: true,
  mainbranch: { type: 'branch', name: 'main' },
  links: { html: { href: `https://bitbucket.org/${workspace}/${slug}` } },
});

/** Hand-written answers for the operations apps call most, keyed by operation key. */
export const FIXTURES: Record<string, Fixture> = {
  'GET /rest/api/3/myself': (r) => ({
    status: 200,
    body: {
      ...user(r.accountId, r.siteUrl),
      groups: { size: 1, items: [{ name: r.userIsAdmin ? 'site-admins' : 'jira-users' }] },
    },
  }),
  'GET /rest/api/3/mypermissions': (r) => {
    const keys = (r.query.get('permissions') ?? 'BROWSE_PROJECTS').split(',').filter(Boolean);
    const permissions: Record<string, unknown> = {};
    for (const key of keys) {
      // Admin checks follow the simulated user's admin flag; other permissions are held.
      const have = key === 'ADMINISTER' || key === 'SYSTEM_ADMIN' ? r.userIsAdmin : true;
      permissions[key] = { id: idOf(key), key, name: key, type: 'GLOBAL', havePermission: have };
    }
    return { status: 200, body: { permissions } };
  },
  'GET /rest/api/3/issue/{issueIdOrKey}': (r) => ({ status: 200, body: issue(r.params[0], r.siteUrl) }),
  'POST /rest/api/3/issue': (r) => ({ status: 201, body: { id: '10042', key: 'SAND-42', self: `${r.siteUrl}/rest/api/3/issue/10042` } }),
  'PUT /rest/api/3/issue/{issueIdOrKey}': () => ({ status: 204 }),
  'GET /rest/api/3/search/jql': (r) => ({ status: 200, body: { issues: [issue('SAND-1', r.siteUrl), issue('SAND-2', r.siteUrl)], isLast: true } }),
  'POST /rest/api/3/search/jql': (r) => ({ status: 200, body: { issues: [issue('SAND-1', r.siteUrl), issue('SAND-2', r.siteUrl)], isLast: true } }),
  'GET /rest/api/3/search': (r) => ({ status: 200, body: { startAt: 0, maxResults: 50, total: 1, issues: [issue('SAND-1', r.siteUrl)] } }),
  'GET /rest/api/3/issue/{issueIdOrKey}/comment': (r) => ({
    status: 200,
    body: { startAt: 0, maxResults: 50, total: 1, comments: [{ id: '10100', author: user(undefined, r.siteUrl), body: { type: 'doc', version: 1, content: [] } }] },
  }),
  'POST /rest/api/3/issue/{issueIdOrKey}/comment': (r) => ({ status: 201, body: { id: '10101', author: user(r.accountId, r.siteUrl), body: (r.body as { body?: unknown })?.body ?? null } }),
  'GET /rest/api/3/project/search': (r) => ({ status: 200, body: { startAt: 0, maxResults: 50, total: 1, isLast: true, values: [project('SAND', r.siteUrl)] } }),
  'GET /rest/api/3/project/{projectIdOrKey}': (r) => ({ status: 200, body: project(r.params[0], r.siteUrl) }),
  'GET /rest/api/3/issue/{issueIdOrKey}/transitions': () => ({
    status: 200,
    body: { transitions: [{ id: '11', name: 'To Do' }, { id: '21', name: 'In Progress' }, { id: '31', name: 'Done' }] },
  }),
  'POST /rest/api/3/issue/{issueIdOrKey}/transitions': () => ({ status: 204 }),
  'GET /wiki/api/v2/pages': () => ({ status: 200, body: { results: [page('98305'), page('98307')], _links: {} } }),
  'GET /wiki/api/v2/pages/{id}': (r) => ({ status: 200, body: page(r.params[0]) }),
  'POST /wiki/api/v2/pages': () => ({ status: 200, body: page('98400') }),
  'GET /wiki/api/v2/spaces': () => ({ status: 200, body: { results: [space('98306')], _links: {} } }),
  'GET /wiki/api/v2/spaces/{id}': (r) => ({ status: 200, body: space(r.params[0]) }),
  'GET /wiki/rest/api/content/{id}': (r) => ({ status: 200, body: { id: r.params[0], type: 'page', status: 'current', title: `Sandbox page ${r.params[0]}`, space: { key: 'SAND' } } }),
  'GET /wiki/rest/api/space': () => ({ status: 200, body: { results: [{ id: 98306, key: 'SAND', name: 'Sandbox space', type: 'global' }], start: 0, limit: 25, size: 1 } }),
  'GET /wiki/rest/api/user/current': (r) => ({
    status: 200,
    body: {
      type: 'known',
      accountId: r.accountId ?? '5b10ac8d82e05b22cc7d4ef5',
      accountType: 'atlassian',
      displayName: 'Sandbox User',
      // Confluence lists what the user may do when asked with expand=operations; admin shows as `administer`.
      operations: [{ operation: 'use', targetType: 'application' }, ...(r.userIsAdmin ? [{ operation: 'administer', targetType: 'application' }] : [])],
    },
  }),
  'GET /rest/api/3/user/groups': (r) => ({
    status: 200,
    body: [{ name: 'jira-users', groupId: 'g-users' }, ...(r.userIsAdmin ? [{ name: 'site-admins', groupId: 'g-admins' }] : [])],
  }),
  'GET /wiki/rest/api/user/memberof': (r) => {
    const groups = [{ type: 'group', name: 'confluence-users', id: 'g-users' }, ...(r.userIsAdmin ? [{ type: 'group', name: 'confluence-admins', id: 'g-admins' }] : [])];
    return { status: 200, body: { results: groups, start: 0, limit: 200, size: groups.length } };
  },
  // The admin check of Bitbucket pages: workspace owners administer the workspace.
  'GET /2.0/user/workspaces/{workspace}/permission': (r) => ({
    status: 200,
    body: { type: 'workspace_membership', permission: r.userIsAdmin ? 'owner' : 'member', workspace: { type: 'workspace', uuid: r.params[0], slug: 'sandbox' } },
  }),
  'GET /2.0/user': (r) => ({ status: 200, body: { type: 'user', account_id: r.accountId ?? '5b10ac8d82e05b22cc7d4ef5', display_name: 'Sandbox User', uuid: '{00000000-0000-4000-8000-0000000000aa}' } }),
  'GET /2.0/repositories/{workspace}': (r) => ({ status: 200, body: { pagelen: 10, page: 1, size: 1, values: [repository(r.params[0], 'sandbox-repo')] } }),
  'GET /2.0/repositories/{workspace}/{repo_slug}': (r) => ({ status: 200, body: repository(r.params[0], r.params[1]) }),
  'GET /2.0/repositories/{workspace}/{repo_slug}/pullrequests': (r) => ({
    status: 200,
    body: { pagelen: 10, page: 1, size: 1, values: [{ type: 'pullrequest', id: 1, title: 'Sandbox change', state: 'OPEN', source: { branch: { name: 'feature' } }, destination: { branch: { name: 'main' } }, destination_repository: repository(r.params[0], r.params[1]).full_name }] },
  }),
};
