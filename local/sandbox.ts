import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { ScopeInspectorError } from '../src/errors';
import { type AppManifest, loadManifest, manifestFromObject } from './app-manifest';
import { Faults } from './faults';
import { KvsService } from './kvs/kvs-service';
import { SqliteStore } from './kvs/sqlite-store';
import { routeFetch } from './platform-fetch';
import type { ProductBackend } from './product/product-types';
import { buildForgeRuntime } from './runtime/forge-runtime';
import { type FetchTarget, type Invocation, type Platform, registerPlatform, runInInvocation, unregisterPlatform } from './runtime/globals';
import { findFunction, loadHandler } from './runtime/load-handler';
import { egressRequest } from './surfaces/egress-stand-in';
import { defaultOutsideResponder, type OutsideResponder } from './surfaces/remote-stand-in';
import { answerOutside } from './surfaces/route-surface';
import { triggerCall } from './runtime/trigger-events';
import type { SandboxOptions, SimulatedUser } from './sandbox-options';

/** Per-call overrides of an invocation. */
export interface InvokeOptions {
  moduleKey?: string;
  moduleType?: string;
  /** Account the invocation runs for; `null` for a trigger without a user. Default: the sandbox user. */
  accountId?: string | null;
  /** Admin-ness of that user for product permission checks. */
  admin?: boolean;
  /** Scopes granted for this invocation only (default: the sandbox's). */
  grantedScopes?: readonly string[];
  /** App version this invocation runs as (default: the sandbox's), e.g. an older version a site still runs. */
  appVersion?: string;
  /** Timeout in seconds (default: the manifest function's `timeoutSeconds`, else 25). */
  timeoutSeconds?: number;
}

let counter = 0;

/** A running local Forge platform: runtime globals, KVS over SQLite, product stand-in, faults. */
export class Sandbox implements Platform {
  readonly id = `sandbox-${++counter}`;
  readonly kvsHost = `kvs.${this.id}.sandbox.invalid`;
  readonly manifest: AppManifest;
  readonly store: SqliteStore;
  readonly kvs: KvsService;
  readonly faults: Faults;
  readonly user: SimulatedUser;
  grantedScopes: readonly string[];
  readonly installationId = randomUUID();
  readonly cloudId: string;
  readonly siteUrl: string;
  private productBackend?: ProductBackend;
  /** Answers remotes, services, provider remotes and allowed external hosts; replace it to script answers. */
  outside: OutsideResponder;

  constructor(private readonly options: SandboxOptions = {}) {
    const appDir = resolve(options.appDir ?? process.cwd());
    this.manifest = options.manifest
      ? manifestFromObject(options.manifest, appDir)
      : loadManifest(options.manifestPath ?? join(appDir, 'manifest.yml'));
    if (options.appDir) this.manifest.appDir = appDir;
    this.grantedScopes = options.grantedScopes ?? this.manifest.scopes;
    this.store = new SqliteStore(options.kvs ?? ':memory:');
    this.kvs = new KvsService(this.store, () => this.manifest.entities);
    this.faults = new Faults(options.seed);
    if (options.faults) this.faults.set(options.faults, options.seed);
    this.user = { accountId: 'sandbox-user-1', admin: true, locale: 'en-US', timezone: 'UTC', ...options.user };
    this.cloudId = options.cloudId ?? '7f2c1e5a-0000-4000-8000-00000000c10d';
    this.siteUrl = options.siteUrl ?? options.site?.url ?? 'https://sandbox.atlassian.net';
    this.productBackend = options.product;
    this.outside = options.outside ?? defaultOutsideResponder;
    registerPlatform(this);
  }

  /** The product backend, created on first use (the catalog is loaded only when needed). */
  get product(): ProductBackend {
    if (!this.productBackend) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { createProductBackend } = require('./product/create-product-backend') as typeof import('./product/create-product-backend');
      this.productBackend = createProductBackend(this.options.site, this.siteUrl);
    }
    return this.productBackend;
  }

  /** Whether an account counts as admin for product permission checks, unless an invocation says otherwise. */
  isAdmin(accountId: string | undefined): boolean {
    return accountId !== undefined && accountId === this.user.accountId && this.user.admin;
  }

  /** Runs `fn` as one invocation: `getAppContext()`, `asApp()`/`asUser()` and `kvs` work inside it. */
  async run<T>(fn: () => T | Promise<T>, opts: InvokeOptions & { functionKey?: string } = {}): Promise<T> {
    const fnDef = opts.functionKey ? this.manifest.functions.find((f) => f.key === opts.functionKey) : undefined;
    const timeoutSeconds = opts.timeoutSeconds ?? fnDef?.timeoutSeconds ?? this.options.defaultTimeoutSeconds ?? 25;
    const accountId = opts.accountId === null ? undefined : (opts.accountId ?? this.user.accountId);
    const runtime = buildForgeRuntime({
      appId: this.manifest.appId,
      appVersion: opts.appVersion ?? this.options.appVersion ?? '1.0.0',
      environmentId: '00000000-0000-4000-8000-00000000e0e0',
      environmentType: this.options.environmentType ?? 'DEVELOPMENT',
      installationId: this.installationId,
      cloudId: this.cloudId,
      functionKey: opts.functionKey ?? 'sandbox-run',
      moduleKey: opts.moduleKey ?? opts.functionKey ?? 'sandbox-run',
      moduleType: opts.moduleType ?? 'core:function',
      grantedScopes: opts.grantedScopes ?? this.grantedScopes,
      accountId,
      deadline: Date.now() + timeoutSeconds * 1000,
      kvsHost: this.kvsHost,
      proxyToken: `sandbox-token-${this.id}`,
      // A user who connected every external-auth provider (`providerAccounts: false`: none).
      providers: this.manifest,
      providersConnected: !!accountId && this.options.providerAccounts !== false,
    });
    const invocation: Invocation = { runtime, platform: this, userIsAdmin: opts.admin ?? this.isAdmin(accountId) };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new ScopeInspectorError('SANDBOX_FUNCTION_TIMEOUT', `[invoke] ${opts.functionKey ?? 'run'}: timed out after ${timeoutSeconds}s`)),
        timeoutSeconds * 1000,
      );
    });
    try {
      return await Promise.race([runInInvocation(invocation, async () => fn()), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Runs the handler of a manifest function the way Forge calls it: `handler(event, context)`, where
   * context carries the principal and install context. Honours the function's timeout.
   */
  async invoke(functionKey: string, event: unknown, opts: InvokeOptions = {}): Promise<unknown> {
    const fn = findFunction(this.manifest, functionKey);
    const handler = await loadHandler(this.manifest, fn);
    const accountId = opts.accountId === null ? undefined : (opts.accountId ?? this.user.accountId);
    const context = {
      principal: accountId ? { accountId } : undefined,
      installContext: `ari:cloud:jira::site/${this.cloudId}`,
      installation: { ari: { installationId: this.installationId } },
    };
    return this.run(() => handler(event, context), { ...opts, functionKey });
  }

  /** Invokes a `@forge/resolver` definition as Custom UI's `invoke(resolverKey, payload)` would. */
  invokeResolver(functionKey: string, resolverKey: string, payload: unknown, opts: InvokeOptions & { context?: Record<string, unknown> } = {}): Promise<unknown> {
    const event = {
      call: { functionKey: resolverKey, payload },
      context: { cloudId: this.cloudId, siteUrl: this.siteUrl, moduleKey: opts.moduleKey ?? functionKey, ...opts.context },
    };
    return this.invoke(functionKey, event, opts);
  }

  /**
   * Fires a trigger module (`trigger` product event, `scheduledTrigger`, `webtrigger`, `consumer`)
   * with the event Forge would build from `input`; returns what the function returned.
   */
  async trigger(moduleKey: string, input: Record<string, unknown> = {}, opts: InvokeOptions = {}): Promise<unknown> {
    const call = triggerCall(this.manifest, moduleKey, input, this.cloudId);
    return this.invoke(call.functionKey, call.event, { accountId: call.accountId, moduleType: call.module.type, ...opts, moduleKey });
  }

  /** Platform side of `__forge_fetch__`. */
  fetch(target: FetchTarget, path: string, init: RequestInit | undefined, invocation: Invocation | undefined): Promise<Response> {
    return routeFetch(this, target, path, init, invocation);
  }

  /** Platform side of a function's outbound `fetch`: checked against `permissions.external.fetch.backend`, then answered by `outside`. */
  async egress(input: unknown, init: RequestInit | undefined): Promise<Response> {
    return answerOutside(this, egressRequest(this.manifest, input, init));
  }

  /** Closes the store and stops answering `__forge_fetch__`. */
  close(): void {
    unregisterPlatform(this);
    this.store.close();
  }
}

/** Returns a started sandbox (see SandboxOptions); call `close()` when done. */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  return new Sandbox(options);
}
