import type { AnalysisInput } from '../../src/analysis';
import { getOperation } from '../../src/catalog';
import type { CallFinding, ScanResult, UnresolvedFinding } from '../../src/scan/types';
import type { UsageEndpoint, UsageExport } from '../../src/usage/format';

/** A static call finding for an operation key, at `file:line`. */
export function call(key: string, at = 'src/index.ts:1'): CallFinding {
  const op = getOperation(key);
  if (!op) throw new Error(`not in catalog: ${key}`);
  const [file, line] = at.split(':');
  return { family: op.family, method: op.method, pattern: op.template.replace(/\{[^}]+\}/g, '{}'), operationKey: key, file, line: Number(line), column: 1, side: 'backend', principal: 'asApp' };
}

/** An unresolved finding with candidate operations. */
export function unresolved(candidates: string[], at = 'src/dyn.ts:7', family: CallFinding['family'] = 'requestJira'): UnresolvedFinding {
  const [file, line] = at.split(':');
  return { kind: 'path', family, reason: 'route built from a variable', candidates, file, line: Number(line), column: 3, side: 'backend', principal: 'asApp' };
}

/** A scan result holding these findings. */
export function scanOf(calls: CallFinding[], unresolvedCalls: UnresolvedFinding[] = []): ScanResult {
  return { files: { scanned: ['src/index.ts'], skipped: [] }, calls, unresolved: unresolvedCalls, forgeApiNeeds: [], parseErrors: [], egress: [] };
}

/** Analysis input with declared scopes on consecutive manifest lines. */
export function inputOf(declared: string[], calls: CallFinding[], extra: Partial<AnalysisInput> = {}): AnalysisInput {
  return {
    manifestFile: 'manifest.yml',
    declared: declared.map((name, i) => ({ name, line: 10 + i, column: 7 })),
    invalid: [],
    scan: scanOf(calls),
    manifestNeeds: [],
    ...extra,
  };
}

/** A usage export from one installation with these endpoint counts. */
export function usageOf(installation: string, endpoints: { key: string; calls: number; mismatch?: number; day?: string }[], granted?: string[]): UsageExport {
  const rows: UsageEndpoint[] = endpoints.map(({ key, calls, mismatch = 0, day = '2026-11-20' }) => {
    const op = getOperation(key)!;
    return {
      family: op.family,
      method: op.method,
      template: op.template,
      operationKey: key,
      known: true,
      principal: 'app',
      calls,
      status: { '2xx': calls - mismatch, '3xx': 0, '4xx': mismatch, '5xx': 0, network: 0 },
      scopeMismatch401: mismatch,
      firstSeen: day,
      lastSeen: day,
      daysSeen: 1,
      appVersions: ['2.0.0'],
      environments: ['PRODUCTION'],
      moduleKeys: ['main'],
    };
  });
  return {
    format: 'scope-inspector-usage',
    version: 1,
    generatedAt: '2026-11-29T00:00:00.000Z',
    installation,
    window: { firstDay: '2026-11-01', lastDay: '2026-11-20', daysObserved: 12 },
    grantedScopes: granted ? [{ appVersion: '2.0.0', scopes: granted, firstSeen: '2026-11-01', lastSeen: '2026-11-20' }] : [],
    endpoints: rows,
    droppedCalls: 0,
  };
}
