/** Resolver key the kit's bridge usage resolver is defined under. */
export const BRIDGE_USAGE_RESOLVER_KEY = 'scope-inspector.record-bridge-usage';
