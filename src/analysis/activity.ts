import { getOperation } from '../catalog';
import type { Family, Product } from '../catalog/types';
import type { UsageExport } from '../usage/format';
import type { Activity, ScopeDetail } from './report-types';
import { failuresOf } from './failures';
import { daysBetween } from './usage-window';

/** How many operations `activity.topOperations` names (the rest are summed in `calls`). */
export const TOP_OPERATIONS = 5;

const PRODUCT_OF_FAMILY: Record<Family, Product> = { requestJira: 'jira', requestConfluence: 'confluence', requestBitbucket: 'bitbucket' };

/** Adds `row` into `into` (same length). */
const addInto = (into: number[], row: readonly number[]) => row.forEach((n, i) => (into[i] += n));

/**
 * Returns the app's calls per day over the window, from the usage's per-day counts: in total,
 * per product, for the busiest operations, failed (`failuresOf`) and refused for a scope
 * (401 "scope does not match"), and per scope (the operations of its detail's reasons, each
 * once, so a scope's days add up to its `calls`). Scope Inspector's own calls are left out;
 * calls without per-day counts cannot be placed on a day and are counted in `undated`.
 */
export function activityOf(usage: readonly UsageExport[], start: string | null, end: string | null, details: readonly ScopeDetail[]): Activity {
  const days = start && end ? daysBetween(start, end) : [];
  const index = new Map(days.map((d, i) => [d, i]));
  const zeros = () => days.map(() => 0);
  const calls = zeros();
  const failures = zeros();
  const refused = zeros();
  const byProduct = new Map<Product, number[]>();
  const byOperation = new Map<string, number[]>();
  let undated = 0;
  for (const u of usage) {
    for (const e of u.endpoints) {
      if (e.principal === 'inspector') continue;
      if (!e.daily) {
        undated += e.calls;
        continue;
      }
      const op = e.known && e.operationKey ? getOperation(e.operationKey) : undefined;
      const product = op?.product ?? PRODUCT_OF_FAMILY[e.family];
      const productRow = byProduct.get(product) ?? byProduct.set(product, zeros()).get(product)!;
      const opRow = op ? (byOperation.get(op.key) ?? byOperation.set(op.key, zeros()).get(op.key)!) : undefined;
      for (const [day, n, s2, s3, , , , mismatch] of e.daily) {
        const i = index.get(day);
        if (i === undefined) continue;
        calls[i] += n;
        productRow[i] += n;
        if (opRow) opRow[i] += n;
        failures[i] += failuresOf(n, { '2xx': s2, '3xx': s3 });
        refused[i] += mismatch;
      }
    }
  }
  const total = (row: readonly number[]) => row.reduce((a, b) => a + b, 0);
  const busiest = [...byOperation].sort((a, b) => total(b[1]) - total(a[1]) || (a[0] < b[0] ? -1 : 1));
  const scopes = details
    .filter((d) => d.calls > 0)
    .map((d) => {
      const row = zeros();
      for (const key of new Set(d.reasons.flatMap((r) => (r.operation ? [r.operation] : [])))) addInto(row, byOperation.get(key) ?? []);
      return { scope: d.scope, calls: row };
    });
  return {
    days,
    calls,
    byProduct: [...byProduct].sort((a, b) => total(b[1]) - total(a[1]) || (a[0] < b[0] ? -1 : 1)).map(([product, row]) => ({ product, calls: row })),
    topOperations: busiest.slice(0, TOP_OPERATIONS).filter(([, row]) => total(row) > 0).map(([key, row]) => ({ key, calls: row })),
    failures,
    refused,
    scopes,
    undated,
  };
}
