import forgeApi, { route } from '@forge/api';
import { ScopeInspectorError } from '../errors';
import { instrument } from '../recorder';

// Recorded: every product call below is counted by Scope Inspector's own recorder.
const api = instrument(forgeApi);

/** What the issue panel shows: the latest comments and the transitions the user can make. */
export interface IssueActivity {
  ok: true;
  comments: { id: string; author: string; created: string }[];
  transitions: { id: string; name: string; to: string }[];
}

/** Returns the issue's five latest comments and available transitions, read as the viewing user. */
export async function issueActivity(issueKey: unknown): Promise<IssueActivity> {
  if (typeof issueKey !== 'string' || !/^[A-Z][A-Z0-9_]*-\d+$/.test(issueKey)) throw new ScopeInspectorError('INVALID_INPUT', 'issueKey: expected an issue key such as ABC-123');
  const [commentsResponse, transitionsResponse] = await Promise.all([
    api.asUser().requestJira(route`/rest/api/3/issue/${issueKey}/comment?orderBy=-created&maxResults=5`),
    api.asUser().requestJira(route`/rest/api/3/issue/${issueKey}/transitions`),
  ]);
  const comments = commentsResponse.ok ? ((await commentsResponse.json()) as { comments?: any[] }).comments ?? [] : [];
  const transitions = transitionsResponse.ok ? ((await transitionsResponse.json()) as { transitions?: any[] }).transitions ?? [] : [];
  return {
    ok: true,
    comments: comments.map((c) => ({ id: String(c.id), author: String(c.author?.displayName ?? ''), created: String(c.created ?? '') })),
    transitions: transitions.map((t) => ({ id: String(t.id), name: String(t.name ?? ''), to: String(t.to?.name ?? '') })),
  };
}
