/**
 * Recorder overhead, side by side in one run (`npx tsx bench/recorder.ts`):
 *  1. added time per product call, wrapped vs unwrapped, with the product answered in-process
 *     by a `__forge_fetch__` that returns a prebuilt Response (no network to hide behind);
 *  2. the price of host transparency: the recorder hands the host a derived promise (so an
 *     un-awaited failure still raises `unhandledRejection`) where it used to hand back the
 *     host's own promise with a side branch attached; both designs against unwrapped;
 *  3. KVS requests per invocation through the sandbox (goal: 1 with calls, 0 without).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync, writeFileSync } from 'node:fs';
import api, { route } from '@forge/api';
import { instrument, instrumentFetch, withUsageRecording } from '../src/recorder';
import { loadGraphqlParser } from '../src/usage/graphql-summary';
import { runWithTally } from '../src/recorder/context';
import { resolveEndpoint } from '../src/recorder/endpoint';
import { countCall, type RequestFn } from '../src/recorder/record-call';
import { Tally } from '../src/recorder/tally';

const BATCH = 2000;
const ROUNDS = Number(process.env.ROUNDS ?? 60);

type Api = typeof api;
interface Case {
  name: string;
  call: (which: Api, i: number) => Promise<unknown>;
}

const keys = Array.from({ length: 1000 }, (_, i) => `PRJ-${i + 1}`);
// Outbound fetch: the platform's global fetch answered in-process, unwrapped and through instrumentFetch.
const egressAnswer = new Response('{}', { status: 200 });
const plainFetch = async (_url: string, _init?: RequestInit) => egressAnswer;
const recordedFetch = instrumentFetch(plainFetch);
const QUERY = 'query Issue($key: String!) { jira { issueByKey(key: $key) { id summary } } me { user { accountId } } }';
const cases: Case[] = [
  { name: 'asApp().requestJira GET /rest/api/3/issue/PRJ-1 (same path)', call: (w) => w.asApp().requestJira(route`/rest/api/3/issue/${'PRJ-1'}`) },
  { name: 'asApp().requestJira GET issue, 1000 distinct keys', call: (w, i) => w.asApp().requestJira(route`/rest/api/3/issue/${keys[i % 1000]}`) },
  { name: 'asUser().requestConfluence POST /wiki/api/v2/pages', call: (w) => w.asUser().requestConfluence(route`/wiki/api/v2/pages`, { method: 'POST', body: '{}' }) },
  { name: 'asUser(accountId).requestJira GET /rest/api/3/myself', call: (w, i) => w.asUser(`acc-${i % 50}`).requestJira(route`/rest/api/3/myself`) },
  { name: 'requestJira (bare) GET issue, 1000 distinct keys', call: (w, i) => w.requestJira(route`/rest/api/3/issue/${keys[i % 1000]}`) },
  { name: 'requestJira (bare) GET unknown path (redacted shape)', call: (w, i) => w.requestJira(route`/rest/api/3/nowhere/${keys[i % 1000]}`) },
  { name: 'asApp().requestGraph (one query, variables vary)', call: (w, i) => w.asApp().requestGraph(QUERY, { key: keys[i % 1000] }) },
  { name: 'asApp().requestGraph, 1000 distinct documents (inline values)', call: (w, i) => w.asApp().requestGraph(`query { jira { issueByKey(key: "${keys[i % 1000]}") { id } } }`) },
  { name: 'invokeRemote(key, { path }), 1000 distinct ids', call: (w, i) => w.invokeRemote('backend', { path: `/v1/jobs/${keys[i % 1000]}`, method: 'POST' }) },
  { name: 'fetch(url) egress, 1000 distinct ids (instrumentFetch)', call: (w, i) => (w === api ? plainFetch : recordedFetch)(`https://api.example.com/v1/items/${i % 1000}?q=x`) },
];

function installInProcessPlatform(): void {
  const response = new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
  const runtime = { appContext: { invocationId: 'bench' }, proxy: { token: 't', url: 'x' }, lambdaContext: { getRemainingTimeInMillis: () => 25_000 } };
  Object.assign(globalThis, { __forge_fetch__: async () => response, __forge_runtime__: runtime });
}

/**
 * Returns nanoseconds per call of `fn` over one batch, as this process's CPU time (user +
 * system): the machine is shared, and wall time would count other processes' load as ours.
 */
async function perCall(fn: (i: number) => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < BATCH; i++) await fn(i);
  const used = process.cpuUsage(start);
  return ((used.user + used.system) * 1000) / BATCH;
}

const timeBatch = (which: Api, c: Case): Promise<number> => perCall((i) => c.call(which, i));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function overhead() {
  installInProcessPlatform();
  const recorded = instrument(api);
  // Same async context machinery in both arms: only the recorder differs.
  const als = new AsyncLocalStorage<number>();
  const rows = [];
  for (const c of cases) {
    const plain: number[] = [];
    const wrapped: number[] = [];
    const tally = new Tally();
    for (let warm = 0; warm < 5; warm++) {
      await als.run(1, () => timeBatch(api, c));
      await runWithTally({ tally, dropped: 0 }, () => timeBatch(recorded, c));
    }
    for (let r = 0; r < ROUNDS; r++) {
      // Alternate the order so drift (GC, JIT, thermal) hits both arms alike.
      if (r % 2) {
        plain.push(await als.run(1, () => timeBatch(api, c)));
        wrapped.push(await runWithTally({ tally, dropped: 0 }, () => timeBatch(recorded, c)));
      } else {
        wrapped.push(await runWithTally({ tally, dropped: 0 }, () => timeBatch(recorded, c)));
        plain.push(await als.run(1, () => timeBatch(api, c)));
      }
      tally.drain();
    }
    const p = median(plain);
    const w = median(wrapped);
    const pairedAdded = median(plain.map((x, i) => wrapped[i] - x));
    rows.push({ case: c.name, unwrappedNs: +p.toFixed(0), wrappedNs: +w.toFixed(0), addedNs: +pairedAdded.toFixed(0), ratio: +(w / p).toFixed(3) });
  }
  return rows;
}

/** The previous design, for comparison only: counts on a side branch of the host's own promise (which marks its rejection handled). */
function sideBranch(original: RequestFn, tally: Tally): RequestFn {
  return (path, init) => {
    const result = original(path, init);
    const endpoint = resolveEndpoint('requestJira', init?.method, typeof path === 'string' ? path : path.value);
    const row = endpoint && countCall(() => tally, endpoint, 'n');
    if (row) result.then(row.onResponse, () => row.network++);
    return result;
  };
}

async function transparencyCost() {
  installInProcessPlatform();
  const tally = new Tally();
  const derived = instrument(api).requestJira;
  const branch = sideBranch(api.requestJira, tally);
  const arms: Record<string, (i: number) => Promise<unknown>> = {
    unwrapped: (i) => api.requestJira(route`/rest/api/3/issue/${keys[i % 1000]}`),
    'side branch (previous)': (i) => branch(route`/rest/api/3/issue/${keys[i % 1000]}`),
    'derived promise (now)': (i) => derived(route`/rest/api/3/issue/${keys[i % 1000]}`),
  };
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(arms).map((k) => [k, []]));
  const names = Object.keys(arms);
  for (let r = 0; r < ROUNDS + 5; r++) {
    // Rotate the order each round so drift hits every arm alike; the first 5 rounds warm up.
    for (let k = 0; k < names.length; k++) {
      const name = names[(r + k) % names.length];
      const ns = await runWithTally({ tally, dropped: 0 }, () => perCall(arms[name]));
      if (r >= 5) samples[name].push(ns);
    }
    tally.drain();
  }
  const base = samples.unwrapped;
  return names.map((name) => ({ arm: name, ns: +median(samples[name]).toFixed(0), addedNs: +median(samples[name].map((x, i) => x - base[i])).toFixed(0) }));
}

async function kvsRequestsPerInvocation() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { recorderSandbox, countKvsRequests } = require('../test/recorder/helpers/sandbox-kit') as typeof import('../test/recorder/helpers/sandbox-kit');
  const sandbox = recorderSandbox();
  const counter = countKvsRequests();
  const recorded = instrument(api);
  const withCalls = withUsageRecording(async (n: number) => {
    for (let i = 0; i < n; i++) await recorded.asApp().requestJira(route`/rest/api/3/issue/${keys[i % 1000]}`);
  });
  const invocations = 100;
  try {
    for (let i = 0; i < invocations; i++) await sandbox.run(() => withCalls(1 + (i % 50)), {});
    const perCall = [...counter.perInvocation.values()];
    counter.perInvocation.clear();
    for (let i = 0; i < invocations; i++) await sandbox.run(() => withCalls(0));
    const without = counter.total();
    return {
      invocationsWithCalls: invocations,
      kvsRequestsPerInvocationWithCalls: { min: Math.min(...perCall), max: Math.max(...perCall), invocationsSeen: perCall.length },
      invocationsWithoutCalls: invocations,
      kvsRequestsWithoutCalls: without,
    };
  } finally {
    counter.restore();
    sandbox.close();
  }
}

async function main() {
  // A flush loads the parser before it reads a GraphQL row; loaded once here, as after the first flush.
  await loadGraphqlParser();
  const kvsStats = await kvsRequestsPerInvocation();
  const rows = await overhead();
  console.log(`recorder overhead: ${ROUNDS} rounds × ${BATCH} awaited calls per arm, Node ${process.version}, product answered in-process`);
  console.table(rows);
  const transparency = await transparencyCost();
  console.log('bare requestJira, 1000 distinct keys: the two designs side by side');
  console.table(transparency);
  console.log('KVS requests per invocation (sandbox):', JSON.stringify(kvsStats));
  mkdirSync('bench/.results', { recursive: true });
  writeFileSync('bench/.results/recorder.json', JSON.stringify({ date: new Date().toISOString(), node: process.version, rows, transparency, kvs: kvsStats }, null, 2));
}

void main();
