import forgeApi, { route } from '@forge/api';
import { ScopeInspectorError } from '../errors';
import { instrument } from '../recorder';

// Recorded: every product call below is counted by Scope Inspector's own recorder.
const api = instrument(forgeApi);

/** What the Confluence byline item shows about a page. */
export interface PageFacts {
  ok: true;
  version: number;
  labels: string[];
}

/** Returns the page's version number and labels, read as the viewing user (Confluence v2 API). */
export async function pageFacts(pageId: unknown): Promise<PageFacts> {
  if (typeof pageId !== 'string' || !/^\d+$/.test(pageId)) throw new ScopeInspectorError('INVALID_INPUT', 'pageId: expected a numeric page id');
  const [pageResponse, labelsResponse] = await Promise.all([
    api.asUser().requestConfluence(route`/wiki/api/v2/pages/${pageId}`),
    api.asUser().requestConfluence(route`/wiki/api/v2/pages/${pageId}/labels`),
  ]);
  const page = pageResponse.ok ? ((await pageResponse.json()) as { version?: { number?: number } }) : {};
  const labels = labelsResponse.ok ? ((await labelsResponse.json()) as { results?: { name?: string }[] }).results ?? [] : [];
  return { ok: true, version: page.version?.number ?? 0, labels: labels.map((l) => String(l.name ?? '')) };
}
