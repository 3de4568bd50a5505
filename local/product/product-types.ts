import type { Family } from '../../src/catalog/types';

/**
 * Who the platform makes a product call as: the app, a user, or nobody (`none`: a bare
 * `requestJira`, which `@forge/api` sends with provider `none` and Forge documents as
 * unauthenticated, for operations without OAuth 2.0 support: no token, so no scope check).
 */
export type ProductPrincipal = 'app' | 'user' | 'none';

/** A product REST call as the sandbox receives it from `@forge/api` or `@forge/bridge`. */
export interface ProductRequest {
  family: Family;
  method: string;
  /** Path with query string, as the app passed it to `route`. */
  path: string;
  headers: Headers;
  body?: string;
  principal: ProductPrincipal;
  accountId?: string;
  /** Scopes the installation granted; the gateway refuses what they don't authorize. */
  grantedScopes: readonly string[];
  /** Whether the simulated user is a site/product admin (answers permission checks). */
  userIsAdmin: boolean;
}

/** Something that answers product calls: the local stand-in, or a real site behind the same scope check. */
export interface ProductBackend {
  handle(request: ProductRequest): Promise<Response>;
}
