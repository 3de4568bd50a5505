import type { Responder } from './product-stand-in';

/** A real Atlassian site and the API token to call it with. */
export interface SiteCredentials {
  url: string;
  email: string;
  apiToken: string;
}

// Hop-by-hop and identity headers the platform sets itself; the app's own are not forwarded.
const DROPPED = new Set(['host', 'authorization', 'cookie', 'content-length', 'connection']);

/** Returns a responder that forwards calls to a real site with basic auth (Bitbucket to api.bitbucket.org). */
export function siteForwarder(site: SiteCredentials, fetchImpl: typeof fetch = fetch): Responder {
  const auth = 'Basic ' + Buffer.from(`${site.email}:${site.apiToken}`).toString('base64');
  return async (request) => {
    const base = request.family === 'requestBitbucket' ? 'https://api.bitbucket.org' : site.url.replace(/\/+$/, '');
    const headers = new Headers();
    request.headers.forEach((value, name) => {
      if (!DROPPED.has(name.toLowerCase())) headers.set(name, value);
    });
    headers.set('authorization', auth);
    if (!headers.has('accept')) headers.set('accept', 'application/json');
    return fetchImpl(base + request.path, { method: request.method, headers, body: request.body });
  };
}

/** Reads `SANDBOX_SITE`, `ATLASSIAN_EMAIL` and `ATLASSIAN_API_TOKEN`; undefined unless all three are set. */
export function siteFromEnv(env: NodeJS.ProcessEnv = process.env): SiteCredentials | undefined {
  const { SANDBOX_SITE: url, ATLASSIAN_EMAIL: email, ATLASSIAN_API_TOKEN: apiToken } = env;
  return url && email && apiToken ? { url, email, apiToken } : undefined;
}
