import { ProductStandIn, localResponder } from './product-stand-in';
import type { ProductBackend } from './product-types';
import { type SiteCredentials, siteForwarder } from './site-forwarder';

/** Returns the stand-in answering locally, or forwarding to `site` after the same scope check. */
export function createProductBackend(site?: SiteCredentials, siteUrl?: string): ProductBackend {
  return new ProductStandIn(site ? siteForwarder(site) : localResponder(siteUrl));
}
