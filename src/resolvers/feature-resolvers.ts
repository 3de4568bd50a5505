import { issueActivity } from '../features/issue-activity';
import { pageFacts } from '../features/page-facts';
import { requireModule } from './access';
import type { ResolverRequest } from './admin-resolvers';

interface FeatureContext {
  extension?: { type?: string; issue?: { key?: unknown }; content?: { id?: unknown } };
}

const ISSUE_PANEL = new Set(['jira:issuePanel']);
const BYLINE = new Set(['confluence:contentBylineItem']);

/**
 * `getIssueActivity`: the issue panel's own narrow resolver. The issue is the one the panel is
 * shown on (the platform's context), never one the page names, and the product reads it as the
 * viewing user; nothing of the recorded usage is reachable from here.
 */
export function getIssueActivity(request: ResolverRequest): ReturnType<typeof issueActivity> {
  const context = request.context as FeatureContext | undefined;
  requireModule(context, ISSUE_PANEL, 'the issue activity');
  return issueActivity(context?.extension?.issue?.key);
}

/** `getPageFacts`: the byline item's own narrow resolver, for the page it is shown on (the platform's context). */
export function getPageFacts(request: ResolverRequest): ReturnType<typeof pageFacts> {
  const context = request.context as FeatureContext | undefined;
  requireModule(context, BYLINE, 'the page facts');
  return pageFacts(context?.extension?.content?.id);
}
