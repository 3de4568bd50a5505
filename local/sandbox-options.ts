import type { FaultSpec } from './faults';
import type { ProductBackend } from './product/product-types';
import type { OutsideResponder } from './surfaces/remote-stand-in';

/** The simulated user: who `asUser()` and Custom UI calls act as. */
export interface SimulatedUser {
  accountId: string;
  /** Answers the product's admin checks (Jira `ADMINISTER`, Confluence admin operations). */
  admin: boolean;
  locale?: string;
  timezone?: string;
}

/** Options of `createSandbox`. */
export interface SandboxOptions {
  /** Path of manifest.yml (default `<appDir>/manifest.yml`). */
  manifestPath?: string;
  /** Folder of the app (default: the manifest's folder, or the current directory). */
  appDir?: string;
  /** A manifest document given inline instead of a file (tests). */
  manifest?: Record<string, unknown>;
  /** Scopes the simulated installation granted (default: the manifest's `permissions.scopes`). */
  grantedScopes?: readonly string[];
  /** `:memory:` (default) or the path of a SQLite file, e.g. `.sandbox/kvs.sqlite`. */
  kvs?: string;
  /** Faults active from the start; switch them later with `sandbox.faults`. */
  faults?: FaultSpec[];
  /** Seed of the fault schedule. */
  seed?: number;
  /** Product backend (default: the scope-enforcing stand-in, or a real site when `site` is set). */
  product?: ProductBackend;
  /** Forward product calls to a real site (basic auth) after the local scope check. */
  site?: { url: string; email: string; apiToken: string };
  /** Default simulated user (default: account `sandbox-user-1`, an admin). */
  user?: Partial<SimulatedUser>;
  /** Function timeout when the manifest gives none (Forge's default is 25 s). */
  defaultTimeoutSeconds?: number;
  environmentType?: string;
  appVersion?: string;
  cloudId?: string;
  siteUrl?: string;
  /** Answers remotes, services, provider remotes and allowed external hosts (default: 200 `{ ok: true, … }`). */
  outside?: OutsideResponder;
  /** Whether the user has connected every `providers.auth` account (default true; `false`: `withProvider(…).fetch` has no credentials). */
  providerAccounts?: boolean;
}
