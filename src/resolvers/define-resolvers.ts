import Resolver from '@forge/resolver';
import { defineBridgeUsageResolver } from '../recorder';
import { exportUsage, getEndpoints, getReport, resetUsageData, type ResolverRequest } from './admin-resolvers';
import { getIssueActivity, getPageFacts } from './feature-resolvers';
import { answer } from './known-error';
import { staticAnalysis } from './static-analysis';

/** Defines the admin page's resolvers (its contract, src/resolvers/contract.ts) on `resolver`. */
export function defineAdminPageResolvers(resolver: Resolver): void {
  resolver.define('getReport', (request: ResolverRequest) => answer(() => getReport(request)));
  resolver.define('getEndpoints', (request: ResolverRequest) => answer(() => getEndpoints(request)));
  resolver.define('exportUsage', (request: ResolverRequest) => answer(() => exportUsage(request)));
  resolver.define('resetUsage', (request: ResolverRequest) => answer(() => resetUsageData(request)));
}

/** Returns the app's resolver: admin page (admins only), issue panel, byline item, and the bridge usage sink. */
export function defineResolvers(): Resolver {
  const resolver = new Resolver();
  defineAdminPageResolvers(resolver);
  resolver.define('getIssueActivity', (request: ResolverRequest) => answer(() => getIssueActivity(request)));
  resolver.define('getPageFacts', (request: ResolverRequest) => answer(() => getPageFacts(request)));
  // Browser-reported calls count as evidence only for operations this app's Custom UI code makes.
  defineBridgeUsageResolver(resolver, { frontendOperations: () => staticAnalysis().scan });
  return resolver;
}
