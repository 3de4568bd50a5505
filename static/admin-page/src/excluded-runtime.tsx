import DynamicTable from '@atlaskit/dynamic-table';
import Heading from '@atlaskit/heading';
import type { ExcludedRuntimeEndpoint } from '../../../src/analysis/report-types';
import { formatCount } from './format';

const REASON: Record<ExcludedRuntimeEndpoint['reason'], string> = {
  'unverified-bridge': 'Browser report, not verified',
  inspector: 'Scope Inspector’s own call',
};

const HEAD = {
  cells: [
    { key: 'reason', content: 'Why apart', isSortable: true },
    { key: 'method', content: 'Method' },
    { key: 'template', content: 'Path', isSortable: true },
    { key: 'principal', content: 'As' },
    { key: 'calls', content: 'Calls', isSortable: true },
  ],
};

/**
 * Returns the runtime rows kept apart from the evidence, or nothing when there are none:
 * browser-reported calls to operations the app's Custom UI code does not make (client input,
 * which cannot make a scope needed) and Scope Inspector's own calls (its admin check).
 */
export function ExcludedRuntime({ items, total }: { items: readonly ExcludedRuntimeEndpoint[]; total: number }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="si-excluded-heading" data-testid="excluded-runtime">
      <Heading size="small" as="h2" id="si-excluded-heading">
        Calls kept apart
      </Heading>
      <p className="si-muted">
        Recorded, but never evidence of a need{total > items.length ? ` (the busiest ${formatCount(items.length)} of ${formatCount(total)})` : ''}: browsers reported calls the app’s
        Custom UI code does not make, and Scope Inspector’s own checks.
      </p>
      <div className="si-table-scroll">
        <DynamicTable
          head={HEAD}
          label="Calls kept apart"
          defaultSortKey="calls"
          defaultSortOrder="DESC"
          rows={items.map((x) => ({
            key: `${x.reason} ${x.principal} ${x.family} ${x.method} ${x.template}`,
            testId: 'excluded-runtime-row',
            cells: [
              { key: x.reason, content: REASON[x.reason] ?? x.reason },
              { key: x.method, content: <code className="si-code-inline">{x.method}</code> },
              { key: x.template, content: <code className="si-code-inline si-template">{x.template}</code> },
              { key: x.principal, content: x.principal },
              { key: x.calls, content: formatCount(x.calls) },
            ],
          }))}
        />
      </div>
    </section>
  );
}
