/**
 * The bridge's other surfaces (requestRemote, invokeRemote, invokeService, requestTeamworkGraph)
 * reported from Custom UI are client input: evidence only when the static analysis found that
 * surface (with that remote key or GraphQL operation) in the app's Custom UI code.
 */
import { recordBridgeTally, frontendOperations } from '../../src/recorder';
import { flushBridgeUsage, instrumentBridge, type BridgeLike } from '../../src/recorder/browser';
import { readUsage } from '../../src/store';
import { scanFiles } from '../../src/scan';
import type { Sandbox } from '../../local/sandbox';
import { recorderSandbox } from './helpers/sandbox-kit';

let sandbox: Sandbox;
beforeEach(() => {
  sandbox = recorderSandbox();
});
afterEach(() => sandbox.close());

const row = (code: string, method: string, template: string, known = 1, calls = 2) => [code, method, template, known, 'b', calls, calls, 0, 0, 0, 0, 0, 0, 0];

/** A scan of Custom UI code, in the scanner's shape: surfaces it recognised are `api` findings. */
const SCAN = {
  calls: [{ side: 'frontend', operationKey: 'GET /rest/api/3/myself' }],
  unresolved: [
    { side: 'frontend', kind: 'api', surface: 'requestRemote', remote: 'backend' },
    { side: 'frontend', kind: 'api', surface: 'invokeRemote' },
    { side: 'frontend', kind: 'api', surface: 'requestTeamworkGraph', graphql: { type: 'query' as const, operation: 'Q', fields: ['graphStore'] } },
    // Found, but its key could not be read: vouches for no remote in particular.
    { side: 'frontend', kind: 'api', surface: 'requestRemote' },
    // A backend finding never vouches for the browser.
    { side: 'backend', kind: 'api', surface: 'invokeService', remote: 'worker' },
  ],
};

describe('browser-reported surface rows', () => {
  it('builds the verified set from the static analysis: surface and key or GraphQL operation', () => {
    expect([...frontendOperations(SCAN)].sort()).toEqual(['GET /rest/api/3/myself', 'invokeRemote', 'requestRemote backend', 'requestTeamworkGraph query:Q:graphStore']);
  });

  it("reads the scanner's own findings: a Custom UI file's bridge surfaces become verification keys", () => {
    const scan = scanFiles([
      {
        file: 'static/ui/src/a.js',
        side: 'frontend',
        text: "import { requestRemote, requestTeamworkGraph, invokeRemote } from '@forge/bridge';\nrequestRemote('backend', { path: '/api/x' });\nrequestTeamworkGraph('query Q { graphStore { id } }');\ninvokeRemote({ path: '/y', method: 'POST' });",
      },
    ]);
    expect([...frontendOperations(scan)].sort()).toEqual(['invokeRemote', 'requestRemote backend', 'requestTeamworkGraph query:Q:graphStore']);
  });

  it('stores what the static analysis vouches for as evidence and the rest apart, unverified', async () => {
    const payload = {
      v: 2,
      rows: [
        row('q', 'GET', 'backend /api/items/{} -'),
        row('q', 'GET', 'other-remote /api -'),
        row('r', 'POST', '- /api/run -'),
        row('s', 'POST', '- /jobs -'),
        row('t', 'POST', '- - query:Q:graphStore'),
        row('t', 'POST', '- - query:Evil:deleteEverything'),
        row('t', 'POST', '- - ?', 0),
      ],
    };
    const result = await sandbox.run(() => recordBridgeTally(payload, { frontendOperations: SCAN, accountId: 'u-1' }));
    expect(result).toEqual({ ok: true, stored: true, verified: 3, unverified: 4 });
    const usage = await sandbox.run(() => readUsage());
    const show = (s: { surface: string; target?: string | null; graphql?: { operation?: string } | null; calls: number }) => `${s.surface} ${s.target ?? '-'} ${s.graphql?.operation ?? '-'} ${s.calls}`;
    expect(usage.surfaces!.map(show)).toEqual(['invokeRemote - - 2', 'requestRemote backend - 2', 'requestTeamworkGraph - Q 2']);
    expect(usage.excludedSurfaces!.map((s) => `${show(s)} ${s.reason}`)).toEqual([
      'invokeService - - 2 unverified-bridge',
      'requestRemote other-remote - 2 unverified-bridge',
      'requestTeamworkGraph - - 2 unverified-bridge',
      'requestTeamworkGraph - Evil 2 unverified-bridge',
    ]);
  });

  it.each([
    ['a backend-only surface', row('e', 'GET', 'api.example.com /x -')],
    ['a provider fetch', row('p', 'GET', 'google /x -')],
    ['a concrete path', row('q', 'GET', 'backend /api/items/77 -')],
    ['an argument in a GraphQL field list', row('t', 'POST', '- - query:Q:graphStore(id:"x")')],
    ['free text as a key', row('q', 'GET', 'alice@example.com / -')],
  ])('refuses %s and stores nothing', async (_name, bad) => {
    const result = await sandbox.run(() => recordBridgeTally({ v: 2, rows: [bad] }, { frontendOperations: SCAN, accountId: 'u-1' }));
    expect(result).toMatchObject({ ok: false, code: 'BRIDGE_TALLY_INVALID' });
    expect((await sandbox.run(() => readUsage())).surfaces).toEqual([]);
  });
});

describe('instrumentBridge', () => {
  it('records requestRemote, invokeRemote, invokeService and requestTeamworkGraph as bridge rows, returning what the bridge returned', async () => {
    const sent: unknown[] = [];
    const answer = { status: 200, headers: {}, body: { ok: true } };
    const fake: BridgeLike = {
      invoke: async (_key: string, payload: unknown) => void sent.push(payload),
      requestRemote: async () => new Response('{}', { status: 201 }),
      invokeRemote: async () => answer,
      invokeService: async () => {
        throw Object.assign(new Error('Invalid service'), { name: 'INVALID_CONTAINER_SERVICE_ERR' });
      },
      requestTeamworkGraph: async () => ({ data: { graphStore: null } }),
    };
    const bridge = instrumentBridge(fake, { idleMs: 60_000 });
    expect((await bridge.requestRemote!('backend', { path: '/api/items/77?secret=1', method: 'GET' })).status).toBe(201);
    expect(await bridge.invokeRemote!({ path: '/api/run', method: 'POST', body: { id: 'SECRET' } })).toBe(answer);
    await expect(bridge.invokeService!({ path: '/jobs', method: 'POST' })).rejects.toThrow('Invalid service');
    await bridge.requestTeamworkGraph!('query Q { graphStore(id: "SECRET") { id } }', { x: 1 });
    await flushBridgeUsage();
    const rows = sent.flatMap((p) => (p as { rows: unknown[][] }).rows.map((r) => r.slice(0, 6).join(' ') + ` refused=${r[13]}`));
    expect(rows.sort()).toEqual([
      'q GET backend /api/items/{} - 1 b 1 refused=0',
      'r POST - /api/run - 1 b 1 refused=0',
      's POST - /jobs - 1 b 1 refused=1',
      't POST - - query:Q:graphStore 1 b 1 refused=0',
    ]);
    expect(JSON.stringify(sent)).not.toContain('SECRET');
  });
});
