import { randomUUID } from 'node:crypto';
import type { KvsService } from './kvs-service';

/** Turns a `__forge_fetch__({ type: 'kvs' }, path, init)` call into the HTTP response the KVS service would send. */
export async function kvsResponse(service: KvsService, path: string, init: RequestInit | undefined): Promise<Response> {
  const method = (init?.method ?? 'GET').toUpperCase();
  const traceHeaders = { 'x-trace-id': randomUUID().replace(/-/g, '') };
  if (method !== 'POST') {
    return new Response(JSON.stringify({ code: 'METHOD_NOT_ALLOWED', message: `${method} ${path}: the KVS API takes POST` }), {
      status: 405,
      headers: { 'content-type': 'application/json', ...traceHeaders },
    });
  }
  let body: unknown;
  try {
    body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
  } catch {
    body = undefined;
  }
  const answer = service.handle(path, body);
  if (answer.body === undefined) return new Response(null, { status: answer.status, headers: traceHeaders });
  return new Response(JSON.stringify(answer.body), {
    status: answer.status,
    headers: { 'content-type': 'application/json', ...traceHeaders },
  });
}
