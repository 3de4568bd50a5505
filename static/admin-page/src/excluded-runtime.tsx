import DynamicTable from '@atlaskit/dynamic-table';
import Heading from '@atlaskit/heading';
import type { ExcludedRuntimeEndpoint } from '../../../src/analysis/report-types';
import { formatCount } from './format';
import { Breakable } from './breakable';

const HEAD = {
  cells: [
    { key: 'method', content: 'Method' },
    { key: 'template', content: 'Path', isSortable: true },
    { key: 'calls', content: 'Calls', isSortable: true },
    { key: 'sites', content: 'Sites', isSortable: true },
  ],
};

/**
 * Returns the browser-reported calls kept apart from the evidence, or nothing when there are
 * none: operations the app's Custom UI code does not make, per the static analysis. Client
 * input cannot make a scope needed, so they are listed, never counted.
 */
export function ExcludedRuntime({ items, total }: { items: readonly ExcludedRuntimeEndpoint[]; total: number }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="si-excluded-heading" data-testid="excluded-runtime">
      <Heading size="small" as="h2" id="si-excluded-heading">
        Unverified browser reports
      </Heading>
      <p className="si-muted">
        Browsers reported these calls, but the app’s Custom UI code does not make them{total > items.length ? ` (the busiest ${formatCount(items.length)} of ${formatCount(total)})` : ''}.
        Recorded, never evidence of a need.
      </p>
      <div className="si-table-scroll">
        <DynamicTable
          head={HEAD}
          label="Unverified browser reports"
          defaultSortKey="calls"
          defaultSortOrder="DESC"
          rows={items.map((x) => ({
            key: `${x.family} ${x.method} ${x.template}`,
            testId: 'excluded-runtime-row',
            cells: [
              { key: x.method, content: <code className="si-code-inline">{x.method}</code> },
              { key: x.template, content: <code className="si-code-inline si-template"><Breakable text={x.template} /></code> },
              { key: x.calls, content: formatCount(x.calls) },
              { key: x.sites, content: formatCount(x.sites) },
            ],
          }))}
        />
      </div>
    </section>
  );
}
