/**
 * `npm run sandbox [-- <app dir>] [-- --port N]`: serves the Custom UI modules of an app's
 * manifest.yml (this repository's by default) through the local Forge sandbox (resolvers, KVS in
 * .sandbox/, product stand-in or a real site) and prints their URLs.
 */
import './runtime/install-globals';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { Command } from 'commander';
import { ScopeInspectorError } from '../src/errors';
import { siteFromEnv } from './product/site-forwarder';
import { createSandbox, type Sandbox } from './sandbox';
import { startCustomUiHost, type CustomUiHost } from './ui/custom-ui-host';

/** A started sandbox and its host. */
export interface RunningSandbox {
  sandbox: Sandbox;
  host: CustomUiHost;
  stop(): Promise<void>;
}

/** Parses the command line, starts sandbox and host, prints where each module is served. */
export async function startFromCli(argv: string[], env: NodeJS.ProcessEnv = process.env, log: (line: string) => void = console.log): Promise<RunningSandbox> {
  const options = new Command('sandbox')
    .description('Run a Forge app locally: Custom UI modules, resolvers, KVS and product APIs')
    .argument('[dir]', 'the app directory (holding manifest.yml); default: this repository')
    .option('--port <n>', 'port to listen on (env PORT; default 3000; 0 picks a free one)')
    .option('--manifest <path>', 'manifest.yml of the app (instead of a directory)')
    .option('--kvs <path>', "SQLite file of the KVS (':memory:' to forget on exit; default .sandbox/kvs.sqlite, .sandbox/<app>-kvs.sqlite for an app directory)")
    .option('--scopes <list>', 'comma-separated scopes the installation granted (default: the manifest scopes)')
    .option('--app-version <version>', 'app version the simulated installation runs (default: package.json version)')
    .option('--account-id <id>', 'account id of the simulated user', 'sandbox-user-1')
    .option('--no-admin', 'simulate a user who is not an admin')
    .option('--no-csp', "do not send Forge's Custom UI content security policy")
    .exitOverride();
  options.parse(argv, { from: 'user' });
  const opts = options.opts<{ port?: string; manifest?: string; kvs?: string; scopes?: string; appVersion?: string; accountId: string; admin: boolean; csp: boolean }>();
  const dir = options.args[0];
  if (dir !== undefined && opts.manifest !== undefined) throw new ScopeInspectorError('SANDBOX_BAD_ARGS', 'Give an app directory or --manifest, not both');
  // Another app's usage must not land in this app's sandbox storage.
  const kvs = opts.kvs ?? (dir === undefined ? '.sandbox/kvs.sqlite' : `.sandbox/${basename(resolve(dir))}-kvs.sqlite`);
  return start({ ...opts, kvs }, dir === undefined ? resolve(opts.manifest ?? 'manifest.yml') : resolve(dir, 'manifest.yml'), env, log);
}

async function start(
  options: { port?: string; kvs: string; scopes?: string; appVersion?: string; accountId: string; admin: boolean; csp: boolean },
  manifestPath: string,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<RunningSandbox> {
  if (!existsSync(manifestPath)) throw new ScopeInspectorError('SANDBOX_NO_MANIFEST', `${manifestPath}: not found (is ${resolve(manifestPath, '..')} a Forge app directory?)`);

  const port = Number(options.port ?? env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ScopeInspectorError('SANDBOX_BAD_PORT', `Invalid port '${options.port ?? env.PORT}'`);
  const site = siteFromEnv(env);
  if (options.kvs !== ':memory:') mkdirSync(dirname(resolve(options.kvs)), { recursive: true });
  const sandbox = createSandbox({
    manifestPath,
    appDir: resolve(manifestPath, '..'),
    kvs: options.kvs === ':memory:' ? ':memory:' : resolve(options.kvs),
    grantedScopes: options.scopes?.split(',').map((s) => s.trim()).filter(Boolean),
    user: { accountId: options.accountId, admin: options.admin },
    appVersion: options.appVersion ?? packageVersion(resolve(manifestPath, '..')),
    site,
  });
  let host: CustomUiHost;
  try {
    host = await startCustomUiHost(sandbox, { port, csp: options.csp });
  } catch (cause) {
    sandbox.close();
    throw new ScopeInspectorError('SANDBOX_LISTEN_FAILED', `Cannot listen on port ${port}: ${(cause as Error).message}`, { cause });
  }
  log(`Forge sandbox for ${manifestPath}`);
  log(`  KVS: ${options.kvs}   products: ${site ? `${site.url} (scope-checked first)` : 'local stand-in'}   granted scopes: ${sandbox.grantedScopes.length}`);
  if (host.modules.length === 0) log('  (the manifest has no Custom UI module with a resource)');
  for (const m of host.modules) log(`  ${m.type} ${m.key}: ${m.url}`);
  log('  Add ?accountId=...&admin=false to a URL to act as another user; ?issueKey=DEMO-1 or ?contentId=123 to place an issue panel or byline item.');
  return {
    sandbox,
    host,
    stop: async () => {
      await host.close();
      sandbox.close();
    },
  };
}

function packageVersion(appDir: string): string | undefined {
  const file = resolve(appDir, 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')).version as string) : undefined;
}

if (require.main === module) {
  startFromCli(process.argv.slice(2)).then(
    (running) => {
      const stop = () => void running.stop().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (error: Error & { code?: string }) => {
      // commander has printed help/usage errors itself.
      if (!String(error.code).startsWith('commander.')) console.error(error.message);
      process.exit(error.code === 'commander.helpDisplayed' ? 0 : 1);
    },
  );
}
