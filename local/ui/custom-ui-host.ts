import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { ManifestModule } from '../app-manifest';
import type { Sandbox } from '../sandbox';
import { answerBridgeCall } from './bridge-calls';
import { type PageSettings, bridgeClientScript } from './bridge-client';
import { allowedHosts, checkBridgeCall, checkHost } from './bridge-guard';
import { PageSessions } from './page-sessions';
import { contentType, forgeCsp, injectBridge, readStatic, resolveStatic } from './static-files';

/** Options of the Custom UI host. */
export interface HostOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Interface; loopback by default, the host has no authentication. */
  hostname?: string;
  /** Send Forge's Custom UI content security policy (default true). */
  csp?: boolean;
}

/** A Custom UI module the host serves. */
export interface HostedModule {
  key: string;
  type: string;
  title?: string;
  /** Page URL; add `?accountId=...&admin=false` to act as another user (fixed for that page load). */
  url: string;
}

/** A running host. */
export interface CustomUiHost {
  url: string;
  port: number;
  modules: HostedModule[];
  close(): Promise<void>;
}

const MAX_BODY = 5 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new Error('request body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(body);
}

/**
 * Reads the simulated user of a new page session from the page URL (`accountId`, `admin`,
 * `locale`), defaulting to the sandbox user, and where the module is shown (`issueKey`, `contentId`).
 */
function settingsFrom(sandbox: Sandbox, moduleKey: string, query: URLSearchParams): PageSettings {
  const admin = query.get('admin');
  const issueKey = query.get('issueKey');
  const contentId = query.get('contentId');
  return {
    moduleKey,
    accountId: query.get('accountId') ?? sandbox.user.accountId,
    admin: admin === null ? sandbox.user.admin : admin === 'true' || admin === '1',
    locale: query.get('locale') ?? sandbox.user.locale ?? 'en-US',
    ...(issueKey ? { issueKey } : {}),
    ...(contentId ? { contentId } : {}),
  };
}

/** Starts an HTTP server on loopback serving every Custom UI module of the sandbox's manifest. */
export async function startCustomUiHost(sandbox: Sandbox, options: HostOptions = {}): Promise<CustomUiHost> {
  const modules = sandbox.manifest.modules.filter((m) => m.resource && sandbox.manifest.resources.some((r) => r.key === m.resource));
  const byKey = new Map(modules.map((m) => [m.key, m]));
  const rootOf = (m: ManifestModule) => resolve(sandbox.manifest.appDir, sandbox.manifest.resources.find((r) => r.key === m.resource)!.path);
  const csp: Record<string, string> = options.csp === false ? {} : { 'content-security-policy': forgeCsp(sandbox.manifest.content) };

  const sessions = new PageSessions();
  let hosts: ReadonlySet<string> = new Set();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://host.invalid');
    const json = (status: number, body: unknown) => send(res, status, JSON.stringify(body), 'application/json');
    const badHost = checkHost(req, hosts);
    if (badHost) return send(res, badHost.status, badHost.message, 'text/plain; charset=utf-8');
    if (url.pathname === '/__bridge') {
      if (req.method !== 'POST') return json(405, { ok: false, error: { message: '[bridge] POST only' } });
      const checked = checkBridgeCall(req, hosts, sessions);
      if ('status' in checked) return json(checked.status, { ok: false, error: { name: 'SandboxRefused', message: checked.message } });
      let call: { name: string; payload: Record<string, unknown> | undefined };
      try {
        call = JSON.parse(await readBody(req));
      } catch (e) {
        return json(400, { ok: false, error: { message: `[bridge] bad request: ${String(e)}` } });
      }
      // Who the call acts as comes from the page's session; anything the body says about it is ignored.
      const settings = checked.settings;
      try {
        const module = byKey.get(settings.moduleKey);
        if (!module) throw new Error(`[bridge] unknown module '${settings.moduleKey}'`);
        const result = await answerBridgeCall(sandbox, module, settings, call?.name, call?.payload);
        return json(200, { ok: true, result: result ?? null });
      } catch (e) {
        const err = e as Error;
        return json(200, { ok: false, error: { name: err.name, message: err.message } });
      }
    }
    if (url.pathname === '/__sandbox/bridge.js') return send(res, 200, bridgeClientScript(), 'text/javascript; charset=utf-8');
    const m = /^\/modules\/([^/]+)(\/.*)?$/.exec(url.pathname);
    const module = m && byKey.get(decodeURIComponent(m[1]));
    if (m && module) {
      if (!m[2]) return send(res, 302, '', 'text/plain', { location: `/modules/${m[1]}/${url.search}` });
      const file = resolveStatic(rootOf(module), m[2]);
      if (!file) return send(res, 404, `Not found: ${url.pathname}`, 'text/plain; charset=utf-8');
      if (!file.endsWith('index.html')) return send(res, 200, readStatic(file), contentType(file), csp);
      // Each page load gets its own session: the user the URL picks, a token only this page sees.
      const session = sessions.create(settingsFrom(sandbox, module.key, url.searchParams));
      const html = injectBridge(readStatic(file).toString('utf8'), '/__sandbox/bridge.js', `${session.id}.${session.token}`);
      return send(res, 200, html, 'text/html; charset=utf-8', csp);
    }
    if (url.pathname === '/') {
      const items = modules.map((mod) => `<li><a href="/modules/${encodeURIComponent(mod.key)}/">${mod.key}</a> (${mod.type})</li>`).join('');
      return send(res, 200, `<!doctype html><title>Forge sandbox</title><ul>${items}</ul>`, 'text/html; charset=utf-8');
    }
    // Browsers ask for it on every page; a 404 would put an error in each page's console.
    if (url.pathname === '/favicon.ico') return send(res, 204, '', 'image/x-icon');
    return send(res, 404, `Not found: ${url.pathname}`, 'text/plain; charset=utf-8');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => send(res, 500, String(e), 'text/plain; charset=utf-8'));
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, options.hostname ?? '127.0.0.1', ok);
  });
  const { port } = server.address() as AddressInfo;
  hosts = allowedHosts(options.hostname ?? '127.0.0.1', port);
  const base = `http://${options.hostname ?? '127.0.0.1'}:${port}`;
  return {
    url: base,
    port,
    modules: modules.map((mod) => ({ key: mod.key, type: mod.type, title: mod.title, url: `${base}/modules/${encodeURIComponent(mod.key)}/` })),
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        // Browsers keep connections alive; without this close() would wait for them to time out.
        server.closeAllConnections();
      }),
  };
}
