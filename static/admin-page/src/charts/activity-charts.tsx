import Button from '@atlaskit/button/new';
import { useState } from 'react';
import type { Report } from '../../../../src/analysis/report-types';
import { verdictCounts } from '../../../../src/report/verdict-summary';
import { formatCount, plural, windowWords } from '../format';
import { ChartFrame, type ChartTable } from './chart-frame';
import { CoverageBars } from './coverage-bars';
import { StackedBars, type Series } from './stacked-bars';

const PRODUCT_NAMES: Record<string, string> = { jira: 'Jira', 'jira-software': 'Jira Software', 'jira-service-management': 'Jira Service Management', confluence: 'Confluence', bitbucket: 'Bitbucket' };
const category = (i: number) => `var(--ds-chart-categorical-${(i % 8) + 1}, #1d7afc)`;
const total = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Returns the sentence naming a per-day chart for screen readers and sighted readers alike. */
function daySummary(what: string, days: readonly string[], values: readonly number[], unit: string): string {
  if (days.length === 0) return `No ${unit} to show: no usage recorded.`;
  const sum = total(values);
  if (sum === 0) return `No ${unit} from ${days[0]} to ${days[days.length - 1]}.`;
  const peak = values.indexOf(Math.max(...values));
  return `${what}: ${plural(sum, unit.replace(/s$/, ''))} from ${days[0]} to ${days[days.length - 1]}; the busiest day was ${days[peak]} (${formatCount(values[peak])}).`;
}

/** Returns the table alternative of a per-day chart: one row per day that has any value. */
function dayTable(caption: string, days: readonly string[], series: readonly Series[]): ChartTable {
  const rows = days.map((d, i) => [d, ...series.map((s) => s.values[i] ?? 0)] as (string | number)[]).filter((r) => r.slice(1).some((n) => n !== 0));
  return { caption, columns: ['Day', ...series.map((s) => s.name)], rows, note: 'Days without any are left out.' };
}

/** Returns the Overview's charts: calls per day (by product or by operation), failures per day, and coverage. */
export default function ActivityCharts({ report }: { report: Pick<Report, 'activity' | 'scopes' | 'runtime'> }) {
  const [by, setBy] = useState<'product' | 'operation'>('product');
  const a = report.activity;
  const range = windowWords(report.runtime.window.days);
  const calls: Series[] =
    by === 'product'
      ? a.byProduct.map((p, i) => ({ name: PRODUCT_NAMES[p.product] ?? p.product, color: category(i), values: p.calls }))
      : [
          ...a.topOperations.map((o, i) => ({ name: o.key, color: category(i), values: o.calls })),
          { name: 'Other operations', color: 'var(--ds-chart-gray-bold, #8590a2)', values: a.calls.map((n, i) => n - a.topOperations.reduce((m, o) => m + o.calls[i], 0)) },
        ].filter((s) => total(s.values) > 0);
  const failures: Series[] = [
    { name: 'Refused (401 scope mismatch)', color: 'var(--ds-chart-danger-bold, #c9372c)', values: a.refused },
    { name: 'Other failures', color: 'var(--ds-chart-warning-bold, #e2b203)', values: a.failures.map((n, i) => n - a.refused[i]) },
  ];
  // Counts of the model's own lists and verdicts: the same numbers the tiles and the CLI show.
  const declared = report.scopes.declared.length;
  const needed = report.scopes.used.length;
  const inUse = verdictCounts(report.scopes.details)['in-use'];
  const coverage = [
    { name: 'Declared', value: declared, color: 'var(--ds-chart-neutral, #8590a2)' },
    { name: 'Needed', value: needed, color: 'var(--ds-chart-categorical-1, #1d7afc)' },
    { name: 'Seen in use', value: inUse, color: 'var(--ds-chart-success-bold, #22a06b)' },
  ];
  const undated = a.undated ? ` ${plural(a.undated, 'call')} from older usage files carry no dates and are not drawn.` : '';
  const toggle = (
    <div className="si-segmented" role="group" aria-label="Stack calls by">
      <Button spacing="compact" isSelected={by === 'product'} aria-pressed={by === 'product'} onClick={() => setBy('product')}>
        By product
      </Button>
      <Button spacing="compact" isSelected={by === 'operation'} aria-pressed={by === 'operation'} onClick={() => setBy('operation')}>
        By operation
      </Button>
    </div>
  );
  return (
    <div className="si-charts">
      <ChartFrame
        title={`Calls per day (${range})`}
        summary={daySummary('Calls', a.days, a.calls, 'calls') + undated}
        legend={calls.map((s) => ({ name: s.name, color: s.color }))}
        table={dayTable(`Calls per day ${by === 'product' ? 'by product' : 'by operation'}`, a.days, calls)}
        testId="chart-calls"
        controls={toggle}
      >
        {(labelledBy) => <StackedBars days={a.days} series={calls} labelledBy={labelledBy} />}
      </ChartFrame>
      <ChartFrame
        title={`Failures per day (${range})`}
        summary={daySummary('Failed calls', a.days, a.failures, 'failed calls') + (total(a.refused) ? ` Of them, ${plural(total(a.refused), 'call')} refused (401): a site had not granted a scope.` : '')}
        legend={failures.map((s) => ({ name: s.name, color: s.color }))}
        table={dayTable('Failed calls per day', a.days, failures)}
        testId="chart-failures"
      >
        {(labelledBy) => <StackedBars days={a.days} series={failures} labelledBy={labelledBy} />}
      </ChartFrame>
      <ChartFrame
        title="Coverage"
        summary={`${plural(declared, 'scope')} declared; ${formatCount(needed)} needed by code, the manifest or the platform; ${formatCount(inUse)} seen in use (${range}).`}
        table={{ caption: 'Scopes declared, needed (by code, the manifest or the platform), and seen in use', columns: ['Scopes', 'Count'], rows: coverage.map((c) => [c.name, c.value]) }}
        testId="chart-coverage"
      >
        {(labelledBy) => <CoverageBars bars={coverage} labelledBy={labelledBy} />}
      </ChartFrame>
    </div>
  );
}
