/**
 * How Forge matches a host against `permissions.external` entries, as `@forge/egress`'s
 * EgressFilteringService does (the pure core cannot import it): an entry is a URL or a bare host,
 * its scheme optional (https by default), `*.example.com` a glob over the host, `*` everything.
 * Scheme, port and path are not compared here: the scanner reads hosts, and a path-scoped CSP
 * entry still names the host it allows.
 */

/** Returns the host pattern of a `permissions.external` entry as written (lower case, no scheme, port or path), or undefined when it names none. */
export function entryHost(entry: string): string | undefined {
  const trimmed = entry.trim();
  if (trimmed === '*') return '*';
  const withoutScheme = trimmed.replace(/^[a-z][a-z0-9+.-]*:(\/\/)?/i, '').replace(/^\/+/, '');
  const host = withoutScheme.split(/[/?#]/)[0].replace(/:\d+$/, '').toLowerCase();
  return /^(\*\.)?[a-z0-9*]([a-z0-9*.-]*[a-z0-9])?$/.test(host) || host === '*' ? host : undefined;
}

/** Returns the host of a URL (`https://api.example.com:8443/x` → `api.example.com`), or undefined when it is not absolute. */
export function urlHost(url: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#:]+)/i.exec(url.trim());
  return m ? m[1].toLowerCase() : undefined;
}

/** Returns true when a declared host pattern allows `host` (both lower case, no port). */
export function hostMatches(pattern: string, host: string): boolean {
  if (pattern === '*') return true;
  if (!pattern.includes('*')) return pattern === host;
  // `*` spans any run of characters, dots included, as @forge/egress's globToRegex does.
  const parts = pattern.split('*');
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (i === 0) {
      if (!host.startsWith(part)) return false;
      at = part.length;
    } else if (i === parts.length - 1) {
      return host.length - part.length >= at && host.endsWith(part);
    } else {
      const found = host.indexOf(part, at);
      if (found < 0) return false;
      at = found + part.length;
    }
  }
  return at === host.length;
}
