import { ExternalEndpointNotAllowedError } from '@forge/api';
import { EgressFilteringService } from '@forge/egress';
import type { AppManifest } from '../app-manifest';
import type { OutsideRequest } from './remote-stand-in';

const services = new WeakMap<AppManifest, EgressFilteringService>();

/** Returns whether `permissions.external.fetch.backend` lets a function fetch `url`, as Forge's own egress filter decides. */
export function backendEgressAllowed(manifest: AppManifest, url: string): boolean {
  let service = services.get(manifest);
  if (!service) services.set(manifest, (service = new EgressFilteringService(manifest.external['fetch.backend'] ?? [])));
  return service.isValidUrl(url);
}

/**
 * Returns the request a function's `fetch(input, init)` makes, checked like Forge's runtime checks
 * egress: a URL outside `permissions.external.fetch.backend` rejects with `@forge/api`'s own
 * `ExternalEndpointNotAllowedError` (name `REQUEST_EGRESS_ALLOWLIST_ERR`) and never leaves.
 */
export function egressRequest(manifest: AppManifest, input: unknown, init: RequestInit | undefined): OutsideRequest {
  const request = new Request(input as RequestInfo, init);
  if (!backendEgressAllowed(manifest, request.url)) throw new ExternalEndpointNotAllowedError(request.url);
  const url = new URL(request.url);
  return { kind: 'egress', target: url.host, method: request.method, path: url.pathname + url.search };
}
