import { ProductStandIn, localResponder } from './product-stand-in';
import type { ProductBackend } from './product-types';
import { realFetch } from '../runtime/globals';
import { type SiteCredentials, siteForwarder } from './site-forwarder';

/** Returns the stand-in answering locally, or forwarding to `site` after the same scope check. */
export function createProductBackend(site?: SiteCredentials, siteUrl?: string): ProductBackend {
  // The site is the sandbox's own request, not the app's egress: the process's own fetch.
  return new ProductStandIn(site ? siteForwarder(site, realFetch()) : localResponder(siteUrl));
}
