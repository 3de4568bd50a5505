/**
 * What the `@forge/*` packages request on the app's behalf, read from the packages themselves
 * (node_modules/@forge/*, and the published @forge/realtime, @forge/sql, @forge/events) and from
 * Atlassian's "Forge scopes" page. A package's REST calls made on the app's behalf (`authorize()`)
 * are modelled as the operations they call (scan-source.ts); this table holds the rest.
 */

/** A platform feature and the scopes it needs. */
export interface PlatformFeature {
  /** For people: `Forge storage (@forge/kvs)`. */
  feature: string;
  /** Scopes the feature needs (all of them); empty when Atlassian documents it needs none. */
  scopes: string[];
  /** True when Atlassian documents no scope for it but one may be needed: `scopes` then only *may* be needed. */
  maybe?: boolean;
}

const STORAGE = ['storage:app'];
const GLOBAL_CHANNEL = ['read:app-global-channel:realtime'];

/** Packages whose import alone means the feature is used (every export serves it). */
const PACKAGES: Record<string, PlatformFeature> = {
  // @forge/kvs and @forge/storage call the platform's KVS (`__forge_fetch__({ type: 'kvs' })`): "storage:app enables the App storage API".
  '@forge/kvs': { feature: 'Forge storage (@forge/kvs)', scopes: STORAGE },
  '@forge/storage': { feature: 'Forge storage (@forge/storage)', scopes: STORAGE },
  // @forge/sql calls the platform's SQL service (`__fetchProduct({ type: 'sql' })`), enabled by the
  // `sql` module; Atlassian names no scope for it, so whether it needs storage:app cannot be told.
  '@forge/sql': { feature: 'Forge SQL (@forge/sql)', scopes: STORAGE, maybe: true },
  // @forge/events posts to the platform's queue (`/webhook/queue/publish/...`, `/forge/events/v1/app-events`) as the app: no scope.
  '@forge/events': { feature: 'Async events (@forge/events)', scopes: [] },
  // Scope Inspector's kit keeps the usage it records in the app's own Forge storage (its browser
  // entry, forge-scope-inspector/recorder/browser, sends its tally to a resolver instead).
  'forge-scope-inspector': { feature: 'Scope Inspector (recorded usage in Forge storage)', scopes: STORAGE },
  'forge-scope-inspector/recorder': { feature: 'Scope Inspector recorder (recorded usage in Forge storage)', scopes: STORAGE },
  'forge-scope-inspector/admin-page': { feature: 'Scope Inspector admin page (recorded usage in Forge storage)', scopes: STORAGE },
};

/**
 * Named exports that need scopes, by `package#export`. `@forge/bridge`'s `realtime` namespace
 * is reached as `realtime.<member>`.
 */
const EXPORTS: Record<string, PlatformFeature> = {
  '@forge/api#storage': { feature: 'Forge storage (storage from @forge/api)', scopes: STORAGE },
  // privacy.reportPersonalData POSTs /app/report-accounts as the app: "report:personal-data enables the User privacy API".
  '@forge/api#privacy': { feature: 'User privacy API (privacy.reportPersonalData)', scopes: ['report:personal-data'] },
  '@forge/api#privacy.reportPersonalData': { feature: 'User privacy API (privacy.reportPersonalData)', scopes: ['report:personal-data'] },
  // Global channels: "read:app-global-channel:realtime enables subscribeGlobal()"; apps that publish to one declare it too.
  '@forge/realtime#publishGlobal': { feature: 'Forge Realtime global channel (publishGlobal)', scopes: GLOBAL_CHANNEL },
  '@forge/realtime#subscribeGlobal': { feature: 'Forge Realtime global channel (subscribeGlobal)', scopes: GLOBAL_CHANNEL },
  '@forge/bridge#realtime.publishGlobal': { feature: 'Forge Realtime global channel (realtime.publishGlobal)', scopes: GLOBAL_CHANNEL },
  '@forge/bridge#realtime.subscribeGlobal': { feature: 'Forge Realtime global channel (realtime.subscribeGlobal)', scopes: GLOBAL_CHANNEL },
};

/** Packages known to request nothing that needs a scope beyond what the scanner already follows. */
const NO_SCOPE_PACKAGES = new Set([
  '@forge/api',
  '@forge/bridge',
  '@forge/resolver',
  '@forge/react',
  '@forge/ui',
  '@forge/i18n',
  '@forge/egress',
  '@forge/realtime',
  '@forge/events',
  '@forge/auth',
  '@forge/manifest',
  '@forge/cli',
  '@forge/cli-shared',
  '@forge/util',
  '@forge/jira-bridge',
  '@forge/confluence-bridge',
]);

/** Scopes that only platform features (not REST operations) need; the tool models every use of them. */
export const PLATFORM_SCOPES: ReadonlySet<string> = new Set([
  'storage:app',
  'report:personal-data',
  'read:app-global-channel:realtime',
  'read:app-system-token',
  'read:app-user-token',
]);

/** Returns the feature a package import means, if the whole package serves one. */
export function packageFeature(source: string): PlatformFeature | undefined {
  return PACKAGES[source];
}

/** Returns the feature a named export (`storage`, `realtime.publishGlobal`) of a package serves, if any. */
export function exportFeature(source: string, name: string): PlatformFeature | undefined {
  return EXPORTS[`${source}#${name}`];
}

/** True for a `@forge/*` package whose requests on the app's behalf the tool does not know. */
export function unknownForgePackage(source: string): boolean {
  const pkg = source.split('/').slice(0, 2).join('/');
  return pkg.startsWith('@forge/') && !NO_SCOPE_PACKAGES.has(pkg) && !PACKAGES[pkg];
}
