import Resolver from '@forge/resolver';
import { asUser, route } from '@forge/api';
import { kvs } from '@forge/kvs';
import type { EndpointReport } from '../../../../src/analysis/report-types';
import { renderEndpointsCsv, renderScopesCsv } from '../../../../src/report/csv';
import { renderMarkdown } from '../../../../src/report/markdown';
import type { GetEndpointsInput } from '../../../../src/resolvers/contract';
import type { UsageExport } from '../../../../src/usage/format';
import { planOf, reportFor } from './analysed-app';

/** KVS key the e2e test seeds a usage export under. */
export const USAGE_KEY = 'fixture-usage';

const resolver = new Resolver();
const fail = (code: string, message: string) => ({ ok: false as const, code, message });

async function usage(): Promise<UsageExport[]> {
  const stored = await kvs.get<UsageExport>(USAGE_KEY);
  return stored ? [stored] : [];
}

async function isAdmin(): Promise<boolean> {
  const response = await asUser().requestJira(route`/rest/api/3/mypermissions?permissions=ADMINISTER`);
  if (!response.ok) return false;
  const body = (await response.json()) as { permissions?: { ADMINISTER?: { havePermission?: boolean } } };
  return body.permissions?.ADMINISTER?.havePermission === true;
}

resolver.define('getReport', async () => {
  if (!(await isAdmin())) return fail('NOT_ADMIN', 'The report is for site or product administrators only.');
  const report = reportFor(await usage());
  return {
    ok: true,
    report,
    endpointCount: report.endpoints.length,
    unknownRuntimeCount: report.unknownRuntime.length,
    ...planOf(report),
    deployedVersion: '1.0.0',
    canAdminister: await isAdmin(),
    generatedAt: new Date().toISOString(),
  };
});

function matches(e: EndpointReport, input: GetEndpointsInput): boolean {
  const text = input.text?.toLowerCase();
  if (text && ![e.method, e.template, e.operationId, ...e.alternatives.flatMap((a) => a.scopes)].some((s) => s.toLowerCase().includes(text))) return false;
  if (input.product && e.product !== input.product) return false;
  if (input.evidence && e.evidence !== input.evidence) return false;
  if (input.status === 'missing' && e.authorized) return false;
  if (input.status === 'mismatch' && !e.runtime?.scopeMismatch401) return false;
  if (input.status === 'ok' && (!e.authorized || e.runtime?.scopeMismatch401)) return false;
  return true;
}

resolver.define('getEndpoints', async ({ payload }) => {
  if (!(await isAdmin())) return fail('NOT_ADMIN', 'The endpoint list is for site or product administrators only.');
  const input = (payload ?? {}) as GetEndpointsInput;
  const limit = input.limit ?? 50;
  const offset = input.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > 200 || !Number.isInteger(offset) || offset < 0) return fail('INVALID_INPUT', 'offset must be ≥ 0 and limit 1–200');
  const sign = input.direction === 'asc' ? 1 : -1;
  const value = (e: EndpointReport): string | number => (input.sort === 'template' ? e.template : input.sort === 'lastSeen' ? (e.runtime?.lastSeen ?? '') : (e.runtime?.calls ?? 0));
  const items = reportFor(await usage())
    .endpoints.filter((e) => matches(e, input))
    .sort((a, b) => (value(a) < value(b) ? -sign : value(a) > value(b) ? sign : a.key < b.key ? -1 : 1));
  return { ok: true, items: items.slice(offset, offset + limit), total: items.length, offset, limit };
});

resolver.define('exportUsage', async ({ payload }) => {
  const format = (payload as { format?: unknown } | undefined)?.format;
  if (format !== 'json' && format !== 'csv' && format !== 'scopes-csv' && format !== 'markdown') return fail('INVALID_INPUT', 'format must be json, csv, scopes-csv or markdown');
  if (!(await isAdmin())) return fail('NOT_ADMIN', 'Only site or product administrators can export usage data.');
  const stored = await usage();
  const report = reportFor(stored);
  if (format === 'json') {
    const empty: UsageExport = { format: 'scope-inspector-usage', version: 1, generatedAt: new Date().toISOString(), installation: 'fixture', window: { firstDay: null, lastDay: null, daysObserved: 0 }, grantedScopes: [], endpoints: [], droppedCalls: 0 };
    return { ok: true, filename: 'scope-inspector-usage.json', mimeType: 'application/json', content: JSON.stringify(stored[0] ?? empty, null, 2) };
  }
  if (format === 'csv') return { ok: true, filename: 'scope-inspector-endpoints.csv', mimeType: 'text/csv', content: renderEndpointsCsv(report) };
  if (format === 'scopes-csv') return { ok: true, filename: 'scope-inspector-scopes.csv', mimeType: 'text/csv', content: renderScopesCsv(report) };
  return { ok: true, filename: 'scope-justification.md', mimeType: 'text/markdown', content: renderMarkdown(report) };
});

resolver.define('resetUsage', async ({ payload }) => {
  if ((payload as { confirm?: unknown } | undefined)?.confirm !== true) return fail('INVALID_INPUT', 'resetUsage needs { confirm: true }');
  if (!(await isAdmin())) return fail('NOT_ADMIN', 'Only site or product administrators can reset usage data.');
  const existed = (await kvs.get(USAGE_KEY)) !== undefined;
  await kvs.delete(USAGE_KEY);
  return { ok: true, deletedKeys: existed ? 1 : 0 };
});

export const handler = resolver.getDefinitions();
