import type { IncomingMessage } from 'node:http';
import { SESSION_HEADER, TOKEN_HEADER } from './bridge-client';
import type { PageSession, PageSessions } from './page-sessions';

/** Why a request was refused: HTTP status and a message naming the rule. */
export interface Refusal {
  status: number;
  message: string;
}

/** Returns the host names (with port) the host answers to: loopback names, plus its own hostname. */
export function allowedHosts(hostname: string, port: number): Set<string> {
  return new Set(['127.0.0.1', 'localhost', '[::1]', hostname].map((h) => `${h}:${port}`));
}

/** Returns a refusal unless the request's `Host` is one of ours (a rebound DNS name pointing here is not). */
export function checkHost(req: IncomingMessage, hosts: ReadonlySet<string>): Refusal | undefined {
  const host = req.headers.host ?? '';
  return hosts.has(host) ? undefined : { status: 403, message: `[bridge] refused: Host '${host}' is not this sandbox` };
}

/**
 * Returns the page session a bridge call belongs to, or why it is refused: it must come from
 * one of our hosts, from the same origin (`Origin` is the host it was sent to; a browser sets it
 * on every POST and a page cannot forge it), carry a JSON body (a cross-site form or `text/plain`
 * POST cannot), and name a session with its token (only our own page has them).
 */
export function checkBridgeCall(req: IncomingMessage, hosts: ReadonlySet<string>, sessions: PageSessions): PageSession | Refusal {
  const badHost = checkHost(req, hosts);
  if (badHost) return badHost;
  const origin = req.headers.origin;
  if (origin !== `http://${req.headers.host}`) return { status: 403, message: `[bridge] refused: origin ${origin ?? '(none)'} is not this sandbox` };
  const fetchSite = req.headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin') return { status: 403, message: `[bridge] refused: a ${fetchSite} request` };
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') return { status: 415, message: `[bridge] refused: content type '${type || '(none)'}', expected application/json` };
  const id = req.headers[SESSION_HEADER];
  const token = req.headers[TOKEN_HEADER];
  const session = sessions.verify(typeof id === 'string' ? id : undefined, typeof token === 'string' ? token : undefined);
  return session ?? { status: 403, message: '[bridge] refused: no valid page session (reload the page)' };
}
