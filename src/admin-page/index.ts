// The admin page for other Forge apps: what `scope-inspector init` wires into an app's
// src/scope-inspector/admin module (`forge-scope-inspector/admin-page`).
import Resolver from '@forge/resolver';
import { ScopeInspectorError } from '../errors';
import { useAdminChecks, type AdminChecks } from '../resolvers/admin-check';
import { defineAdminPageResolvers } from '../resolvers/define-resolvers';
import { provideStaticAnalysis, type StaticAnalysis } from '../resolvers/static-analysis';

export { scheduledCompaction } from '../store/scheduled-compaction';
export type { AdminChecks, AdminCheckResponse } from '../resolvers/admin-check';
export type { StaticAnalysis } from '../resolvers/static-analysis';

/** What the embedding app supplies. */
export interface AdminPageOptions {
  /** The app's static analysis (`scope-inspector init` generates it; `init --update` refreshes it). */
  staticAnalysis: unknown;
  /** The app's own admin checks, one per product whose admin page module it declares. */
  adminChecks: AdminChecks;
}

/** Returns `value` typed as a static analysis, or throws naming what is missing. */
function asStaticAnalysis(value: unknown): StaticAnalysis {
  const v = value as Partial<StaticAnalysis> | null;
  const missing = ['manifestFile', 'manifestText', 'declared', 'invalid', 'manifestNeeds', 'scan'].filter((k) => v === null || typeof v !== 'object' || !(k in v));
  if (missing.length > 0) {
    throw new ScopeInspectorError('STATIC_ANALYSIS_INVALID', `the admin page's static analysis lacks ${missing.join(', ')}: run \`npx scope-inspector init --update\``);
  }
  return v as StaticAnalysis;
}

/**
 * Returns a `@forge/resolver` Resolver answering the admin page (report, endpoints, export,
 * reset) for the app that embeds it, with that app's static analysis and admin checks.
 */
export function createAdminPageResolver(options: AdminPageOptions): Resolver {
  provideStaticAnalysis(asStaticAnalysis(options.staticAnalysis));
  useAdminChecks(options.adminChecks);
  const resolver = new Resolver();
  defineAdminPageResolvers(resolver);
  return resolver;
}
