/** A position in `manifest.yml`, 1-based. */
export interface ManifestPosition {
  line: number;
  column: number;
}

/** A scope listed under `permissions.scopes`. */
export interface DeclaredScope extends ManifestPosition {
  name: string;
}

/** One module entry (`modules.<type>[]`). */
export interface ManifestModule extends ManifestPosition {
  type: string;
  key: string;
  /** `function:` reference (a key of `modules.function`). */
  function?: string;
  /** `resolver.function` or `resolver.endpoint`. */
  resolver?: string;
  resource?: string;
  /** `title` as written (a string; an i18n object is left out). */
  title?: string;
  /** `productContexts` of a `rovo:agentConnector`. */
  productContexts?: string[];
  /** `auth` of a `modules.endpoint` entry (Forge remote): which tokens Forge passes to the remote. */
  auth?: RemoteAuth;
  /** `remote` of a `modules.endpoint` entry: the `remotes` key Forge calls. */
  remote?: string;
}

/** Which tokens Forge passes to a remote (`auth.appSystemToken.enabled`, `auth.appUserToken.enabled`). */
export interface RemoteAuth {
  appSystemToken: boolean;
  appUserToken: boolean;
}

/** A `remotes` entry. */
export interface ManifestRemote extends ManifestPosition {
  key: string;
  auth: RemoteAuth;
}

/** A `modules.function` entry. */
export interface ManifestFunction extends ManifestPosition {
  key: string;
  handler: string;
  timeout?: number;
}

/** One event of a `modules.trigger` entry. */
export interface TriggerEvent extends ManifestPosition {
  event: string;
  /** Key of the trigger module that lists it. */
  trigger: string;
}

/** A `modules.scheduledTrigger` entry. */
export interface ScheduledTrigger extends ManifestPosition {
  key: string;
  function?: string;
  interval?: string;
}

/** A `resources` entry. */
export interface ManifestResource extends ManifestPosition {
  key: string;
  path: string;
}

/** What Scope Inspector reads from `manifest.yml`. */
export interface ManifestInfo {
  file: string;
  /** `packagePath`: `app.package.path`, the folder function handlers are resolved in instead of `src/`. */
  app: { id?: string; runtime?: string; packagePath?: string };
  scopes: DeclaredScope[];
  /** Position of `permissions.scopes` (or of `permissions`, or the document start) for edits and reports. */
  scopesAt: ManifestPosition;
  /** `permissions.external` as written (fetch/images/... allow-lists), when present. */
  external?: Record<string, unknown>;
  modules: ManifestModule[];
  functions: ManifestFunction[];
  triggerEvents: TriggerEvent[];
  scheduledTriggers: ScheduledTrigger[];
  resources: ManifestResource[];
  /** `remotes` entries (Forge remote backends). */
  remotes: ManifestRemote[];
}
