import Resolver from '@forge/resolver';
import { issueActivity } from '../features/issue-activity';
import { pageFacts } from '../features/page-facts';
import { defineBridgeUsageResolver } from '../recorder';
import { exportUsage, getEndpoints, getReport, resetUsageData, type ResolverRequest } from './admin-resolvers';
import { answer } from './known-error';

/** Defines the admin page's resolvers (its contract, src/resolvers/contract.ts) on `resolver`. */
export function defineAdminPageResolvers(resolver: Resolver): void {
  resolver.define('getReport', (request: ResolverRequest) => answer(() => getReport(request)));
  resolver.define('getEndpoints', (request: ResolverRequest) => answer(() => getEndpoints(request)));
  resolver.define('exportUsage', (request: ResolverRequest) => answer(() => exportUsage(request)));
  resolver.define('resetUsage', (request: ResolverRequest) => answer(() => resetUsageData(request)));
}

/** Returns the app's resolver: admin page, issue panel, byline item, and the bridge usage sink. */
export function defineResolvers(): Resolver {
  const resolver = new Resolver();
  defineAdminPageResolvers(resolver);
  resolver.define('getIssueActivity', ({ payload }) => answer(() => issueActivity((payload as { issueKey?: unknown })?.issueKey)));
  resolver.define('getPageFacts', ({ payload }) => answer(() => pageFacts((payload as { pageId?: unknown })?.pageId)));
  defineBridgeUsageResolver(resolver);
  return resolver;
}
