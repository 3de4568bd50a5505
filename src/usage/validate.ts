import { ScopeInspectorError } from '../errors';
import { USAGE_FORMAT_NAME, USAGE_FORMAT_VERSION, type ExcludedUsageEndpoint, type SurfaceUsage, type UsageEndpoint, type UsageExport } from './format';
import { COL, V1_ROW_LENGTH, upgradeRow, type EncodedRow } from './rows';
import { BRIDGE_SURFACES, SURFACE_CODE, SURFACE_OF, decodeIdentity, encodeIdentity } from './surfaces';
import { rowProblem } from './validate-rows';

/** Version of the bridge tally payload (2: rows with platform-error counts; 1 is still accepted). */
export const BRIDGE_TALLY_VERSION = 2 as const;
/** Largest bridge payload accepted, in characters of JSON. */
export const MAX_BRIDGE_PAYLOAD_CHARS = 64 * 1024;
/** Most rows in one bridge payload. */
export const MAX_BRIDGE_ROWS = 500;
/**
 * Most calls one bridge payload may claim, all rows together. A page sends its tally at 500
 * calls (`instrumentBridge`), so this leaves room for retries of unsent rows and no more.
 */
export const MAX_BRIDGE_PAYLOAD_CALLS = 5_000;

/** What `instrumentBridge` sends to the usage resolver. */
export interface BridgeTallyPayload {
  v: typeof BRIDGE_TALLY_VERSION;
  rows: EncodedRow[];
}

function invalid(code: string, message: string): never {
  throw new ScopeInspectorError(code, message);
}

/**
 * Returns the payload when it is a well-formed bridge tally, else throws a
 * `ScopeInspectorError` (`BRIDGE_TALLY_TOO_LARGE` / `BRIDGE_TALLY_INVALID`). Strict because the
 * payload comes from a browser: only known keys, bounded size and counts, principal `bridge`,
 * and only catalog templates or redacted shapes, so it cannot smuggle data into storage.
 */
export function validateBridgeTally(payload: unknown): BridgeTallyPayload {
  let text: string | undefined;
  try {
    text = JSON.stringify(payload);
  } catch {
    invalid('BRIDGE_TALLY_INVALID', 'bridge tally is not JSON-serialisable');
  }
  if (text === undefined) invalid('BRIDGE_TALLY_INVALID', 'bridge tally is empty');
  if (text.length > MAX_BRIDGE_PAYLOAD_CHARS) invalid('BRIDGE_TALLY_TOO_LARGE', `bridge tally is ${text.length} characters, over ${MAX_BRIDGE_PAYLOAD_CHARS}`);
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) invalid('BRIDGE_TALLY_INVALID', 'bridge tally is not an object');
  const keys = Object.keys(payload).sort().join(',');
  if (keys !== 'rows,v') invalid('BRIDGE_TALLY_INVALID', `bridge tally has keys [${keys}], expected [rows,v]`);
  const { v, rows: raw } = payload as { v: unknown; rows: unknown };
  if (v !== BRIDGE_TALLY_VERSION && v !== 1) invalid('BRIDGE_TALLY_INVALID', 'unsupported bridge tally version');
  if (!Array.isArray(raw) || raw.length === 0) invalid('BRIDGE_TALLY_INVALID', 'bridge tally has no rows');
  if (raw.length > MAX_BRIDGE_ROWS) invalid('BRIDGE_TALLY_TOO_LARGE', `bridge tally has ${raw.length} rows, over ${MAX_BRIDGE_ROWS}`);
  // A page loaded before an upgrade still sends version 1 rows (no platform-error counts).
  const rows = raw.map((row, i) => {
    if (v === 1 && (!Array.isArray(row) || row.length !== V1_ROW_LENGTH)) invalid('BRIDGE_TALLY_INVALID', `row ${i}: row is not a ${V1_ROW_LENGTH}-element array`);
    return (v === 1 ? upgradeRow(row as unknown[]) : row) as EncodedRow;
  });
  let calls = 0;
  rows.forEach((row, i) => {
    const problem = rowProblem(row, MAX_BRIDGE_PAYLOAD_CALLS);
    if (problem) invalid('BRIDGE_TALLY_INVALID', `row ${i}: ${problem}`);
    if (row[4] !== 'b') invalid('BRIDGE_TALLY_INVALID', `row ${i}: principal must be bridge`);
    const surface = SURFACE_OF[row[0] as keyof typeof SURFACE_OF];
    if (surface && !BRIDGE_SURFACES.has(surface)) invalid('BRIDGE_TALLY_INVALID', `row ${i}: ${surface} is not a Custom UI surface`);
    if (row[COL.calls] === 0) invalid('BRIDGE_TALLY_INVALID', `row ${i}: no calls`);
    calls += row[COL.calls];
  });
  if (calls > MAX_BRIDGE_PAYLOAD_CALLS) invalid('BRIDGE_TALLY_TOO_LARGE', `bridge tally claims ${calls} calls, over ${MAX_BRIDGE_PAYLOAD_CALLS}`);
  return { v: BRIDGE_TALLY_VERSION, rows: rows.map((r) => r.slice() as EncodedRow) };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const REASONS = new Set(['unverified-bridge']);
const PRINCIPALS = new Set(['app', 'user', 'none', 'bridge', 'inspector']);

/** Returns why a `surfaces` entry is malformed (its identity must survive encoding and decoding unchanged), or undefined. */
function surfaceProblem(e: SurfaceUsage | undefined): string | undefined {
  if (!e || typeof e !== 'object' || typeof e.surface !== 'string' || !Object.hasOwn(SURFACE_CODE, e.surface)) return 'unknown surface';
  if (typeof e.calls !== 'number' || !e.status || !DAY.test(e.firstSeen) || !DAY.test(e.lastSeen) || !PRINCIPALS.has(e.principal)) return `${e.surface}: malformed counts`;
  const daily = dailyProblem(e.daily);
  if (daily) return `${e.surface}: daily ${daily}`;
  try {
    const { template, known } = encodeIdentity(e.surface, e);
    const parts = decodeIdentity(e.surface, template);
    const same = (k: 'target' | 'path' | 'graphql') => JSON.stringify(parts[k] ?? null) === JSON.stringify(e[k] ?? null);
    if (known === e.known && same('target') && same('path') && same('graphql')) return undefined;
  } catch {
    // reported below
  }
  return `${e.surface}: malformed identity`;
}

/** Returns why an endpoint's per-day counts are malformed, or undefined when they are well-formed (or absent). */
function dailyProblem(daily: unknown): string | undefined {
  if (daily === undefined) return undefined;
  if (!Array.isArray(daily)) return 'is not a list';
  for (let i = 0; i < daily.length; i++) {
    const d = daily[i] as unknown[];
    if (!Array.isArray(d) || d.length !== 8 || typeof d[0] !== 'string' || !DAY.test(d[0])) return `[${i}] is not [day, calls, 2xx, 3xx, 4xx, 5xx, network, scopeMismatch401]`;
    if (!d.slice(1).every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)) return `[${i}] (${d[0]}) has a count that is not a whole number ≥ 0`;
    if (i > 0 && (daily[i - 1] as string[])[0] >= d[0]) return `[${i}] (${d[0]}) is not after the day before it`;
  }
  return undefined;
}

/**
 * Returns the value typed as a usage export when it has the export's shape; throws
 * `INVALID_USAGE_EXPORT` otherwise. A file written before exports kept unverified browser rows
 * apart (no `excluded` list) may carry browser-reported rows nobody verified in `endpoints`:
 * those move to `excluded` as `unverified-bridge`, so client input never becomes evidence.
 */
export function validateUsageExport(value: unknown): UsageExport {
  const fail = (why: string): never => invalid('INVALID_USAGE_EXPORT', `not a usage export: ${why}`);
  if (value === null || typeof value !== 'object') fail('not an object');
  const v = value as Partial<UsageExport>;
  if (v.format !== USAGE_FORMAT_NAME) fail(`format is not "${USAGE_FORMAT_NAME}"`);
  if (v.version !== USAGE_FORMAT_VERSION) fail(`version ${String(v.version)} is not ${USAGE_FORMAT_VERSION}`);
  if (typeof v.generatedAt !== 'string' || typeof v.installation !== 'string') fail('generatedAt/installation missing');
  if (!v.window || typeof v.window.daysObserved !== 'number') fail('window missing');
  if (!Array.isArray(v.grantedScopes) || !Array.isArray(v.endpoints)) fail('grantedScopes/endpoints missing');
  if (typeof v.droppedCalls !== 'number' || v.droppedCalls < 0) fail('droppedCalls missing');
  if (v.excluded !== undefined && !Array.isArray(v.excluded)) fail('excluded is not a list');
  const wellFormed = (e: UsageEndpoint | undefined) => !!e && typeof e.template === 'string' && typeof e.calls === 'number' && !!e.status && DAY.test(e.firstSeen) && DAY.test(e.lastSeen);
  for (const e of v.endpoints!) if (!wellFormed(e)) fail('malformed endpoint');
  for (const e of v.excluded ?? []) if (!wellFormed(e) || !REASONS.has(e.reason)) fail('malformed excluded endpoint');
  for (const e of [...v.endpoints!, ...(v.excluded ?? [])]) {
    const why = dailyProblem(e.daily);
    if (why) fail(`endpoint ${e.method} ${e.template}: daily ${why}`);
  }
  for (const g of v.grantedScopes!) if (!g || typeof g.appVersion !== 'string' || !Array.isArray(g.scopes)) fail('malformed grantedScopes entry');
  for (const key of ['surfaces', 'excludedSurfaces'] as const) {
    const list = v[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) fail(`${key} is not a list`);
    list.forEach((e, i) => {
      const why = surfaceProblem(e);
      if (why) fail(`${key}[${i}]: ${why}`);
      if (key === 'excludedSurfaces' && !REASONS.has((e as { reason?: string }).reason ?? '')) fail(`${key}[${i}]: no reason`);
    });
  }
  if (v.excluded !== undefined) return v as UsageExport;
  const unverified = v.endpoints!.filter((e) => e.principal === 'bridge');
  return {
    ...(v as UsageExport),
    endpoints: v.endpoints!.filter((e) => e.principal !== 'bridge'),
    excluded: unverified.map((e): ExcludedUsageEndpoint => ({ ...e, reason: 'unverified-bridge' })),
  };
}
