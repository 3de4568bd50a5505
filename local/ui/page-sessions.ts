import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { PageSettings } from './bridge-client';

/** A page load's session: who the page acts as, fixed on the server when the page was served. */
export interface PageSession {
  id: string;
  token: string;
  settings: PageSettings;
}

/** Most page sessions kept; the oldest are forgotten first (their pages must be reloaded). */
export const MAX_PAGE_SESSIONS = 1000;

/**
 * The server side of each served page. The page URL's `?accountId=…&admin=…` picks the user
 * once, when the page (its session) is created; every bridge call then names its session
 * and proves it with the session's token, and the identity comes from here, never from the call.
 */
export class PageSessions {
  private readonly sessions = new Map<string, PageSession>();

  /** Returns a new session for a page about to be served. */
  create(settings: PageSettings): PageSession {
    const session = { id: randomBytes(12).toString('hex'), token: randomBytes(24).toString('hex'), settings };
    if (this.sessions.size >= MAX_PAGE_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
    this.sessions.set(session.id, session);
    return session;
  }

  /** Returns the session when `token` is its token (compared in constant time), else undefined. */
  verify(id: string | undefined, token: string | undefined): PageSession | undefined {
    const session = id ? this.sessions.get(id) : undefined;
    if (!session || typeof token !== 'string') return undefined;
    const a = Buffer.from(session.token);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b) ? session : undefined;
  }
}
