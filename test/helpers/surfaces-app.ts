import { createSandbox, type Sandbox } from '../../local/sandbox';
import type { SandboxOptions } from '../../local/sandbox-options';

/** A manifest that reaches every request surface: egress permissions, remotes, a service and an external-auth provider. */
export const SURFACES_MANIFEST = {
  app: { id: 'ari:cloud:ecosystem::app/11111111-2222-4333-8444-555555555555' },
  permissions: {
    scopes: ['read:jira-work', 'storage:app', 'read:graph:jira'],
    external: { fetch: { backend: ['https://api.example.com', '*.trusted.io', { remote: 'backend' }] } },
  },
  remotes: [
    { key: 'backend', baseUrl: 'https://backend.example.com' },
    { key: 'google-apis', baseUrl: 'https://www.googleapis.com' },
  ],
  services: [{ key: 'worker' }],
  providers: { auth: [{ key: 'google', remotes: ['google-apis'], scopes: ['profile'] }] },
};

/** Returns a sandbox running `SURFACES_MANIFEST` with an in-memory store. */
export function surfacesSandbox(options: SandboxOptions = {}): Sandbox {
  return createSandbox({ manifest: SURFACES_MANIFEST, kvs: ':memory:', ...options });
}
