import forgeApi, { route } from '@forge/api';
import { instrument } from '../recorder';

// Recorded: every product call below is counted by Scope Inspector's own recorder.
const api = instrument(forgeApi);

/** The part of Forge's `avi:jira:created:issue` event this trigger reads. */
export interface IssueCreatedEvent {
  issue?: { id?: string; key?: string };
}

/** Property the trigger stamps on new issues, so a later scan knows when the app first saw them. */
export const SEEN_PROPERTY = 'scope-inspector-seen';

/**
 * On issue creation: reads the issue's labels as the app and stamps an issue property with
 * the day the app saw it (no issue content is stored anywhere).
 */
export async function onIssueCreated(event: IssueCreatedEvent): Promise<void> {
  const key = event?.issue?.key ?? event?.issue?.id;
  if (!key) return;
  const issue = await api.asApp().requestJira(route`/rest/api/3/issue/${key}?fields=labels`);
  if (!issue.ok) return;
  await api.asApp().requestJira(route`/rest/api/3/issue/${key}/properties/${SEEN_PROPERTY}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ day: new Date().toISOString().slice(0, 10) }),
  });
}
