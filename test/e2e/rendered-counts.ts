import type { Page } from 'playwright-core';
import type { ScopeVerdict } from '../../src/analysis/report-types';
import { VERDICTS } from '../../src/report/verdict-summary';
import type { SurfaceCounts } from '../report/surface-counts';
import { endpointRange, statValue, tab } from './page-helpers';

const count = (text: string | null | undefined) => Number((text ?? '').replace(/,/g, ''));

/** Reads the verdict counts the Overview tiles show. */
export async function overviewCounts(page: Page): Promise<SurfaceCounts> {
  await tab(page, 'Overview');
  const verdicts = {} as Record<ScopeVerdict, number>;
  for (const v of VERDICTS) verdicts[v] = count(await statValue(page, `count-${v}`));
  return { verdicts, scopeCalls: {} };
}

/** Reads every row of the Scopes tab: its status, and the runtime calls its evidence shows. */
export async function scopesTabCounts(page: Page): Promise<SurfaceCounts> {
  await tab(page, 'Scopes');
  await page.locator('[data-testid^="scope-row-"]').first().waitFor();
  const rows = await page.locator('[data-testid^="scope-row-"]').evaluateAll((trs) =>
    trs.map((tr) => ({
      name: tr.getAttribute('data-testid')!.slice('scope-row-'.length),
      status: tr.querySelector('[data-testid="scope-status"]')?.getAttribute('data-status') ?? '',
      runtime: tr.querySelector('[data-testid="scope-runtime"]')?.textContent ?? '',
    })),
  );
  const verdicts = Object.fromEntries(VERDICTS.map((v) => [v, rows.filter((r) => r.status === v).length])) as Record<ScopeVerdict, number>;
  const scopeCalls = Object.fromEntries(rows.filter((r) => /^[\d,]+ calls?/.test(r.runtime)).map((r) => [r.name, count(r.runtime.match(/^([\d,]+)/)![1])]));
  return { verdicts, scopeCalls };
}

/** Reads every row of the Endpoints tab (all pages): each endpoint's runtime calls. */
export async function endpointsTabCounts(page: Page, total: number): Promise<Record<string, number>> {
  await tab(page, 'Endpoints');
  const calls: Record<string, number> = {};
  for (let seen = 0; ; ) {
    await endpointRange(page).filter({ hasText: total === 0 ? '0 endpoints' : `of ${total}` }).waitFor();
    const rows = await page.getByTestId('endpoint-row').evaluateAll((trs) =>
      trs.map((tr) => ({ method: tr.querySelector('td code')?.textContent ?? '', template: tr.querySelector('.si-template')?.textContent ?? '', calls: tr.querySelector('[data-testid="endpoint-calls"]')?.textContent ?? '' })),
    );
    for (const r of rows) if (count(r.calls) > 0) calls[`${r.method} ${r.template}`] = count(r.calls);
    seen += rows.length;
    if (seen >= total) return calls;
    await page.getByRole('button', { name: 'Next' }).click();
  }
}
