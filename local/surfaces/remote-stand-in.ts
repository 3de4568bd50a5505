import { jsonResponse } from '../product/gateway-responses';

/** One call to something the app reaches outside Atlassian's product APIs. */
export interface OutsideRequest {
  /** `remote` (`invokeRemote`, `requestRemote`), `service` (`invokeService`), `provider` (`withProvider(…).fetch`), `egress` (`fetch`). */
  kind: 'remote' | 'service' | 'provider' | 'egress';
  /** The remote, service or provider key, or the host for egress. */
  target: string;
  method: string;
  /** The concrete path (local only: the sandbox never stores it). */
  path: string;
  /** The remote's `baseUrl` from the manifest, when it has one. */
  baseUrl?: string;
}

/** Answers calls to remotes, services, provider remotes and external hosts; replace it to script an answer. */
export type OutsideResponder = (request: OutsideRequest) => Response | Promise<Response>;

/**
 * The default answer of every remote, service, provider remote and allowed external host: 200
 * with `{ ok: true }` and what was called, so tests see that the call arrived where it should.
 */
export const defaultOutsideResponder: OutsideResponder = (request) => jsonResponse(200, { ok: true, kind: request.kind, target: request.target, method: request.method, path: request.path });

/** Returns the answer `@forge/api` turns into `InvalidRemoteError`, `InvalidContainerServiceError` or `ProxyRequestError`. */
export function platformRefusal(status: number, reason: string): Response {
  return new Response(null, { status, headers: { 'forge-proxy-error': reason } });
}
