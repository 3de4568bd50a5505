import DynamicTable from '@atlaskit/dynamic-table';
import Heading from '@atlaskit/heading';
import type { UnknownRuntimeEndpoint } from '../../../src/analysis/report-types';
import { formatCount } from './format';
import { Breakable } from './breakable';

const HEAD = {
  cells: [
    { key: 'method', content: 'Method', isSortable: true },
    { key: 'shape', content: 'Path shape', isSortable: true },
    { key: 'family', content: 'Called through' },
    { key: 'calls', content: 'Calls', isSortable: true },
    { key: 'sites', content: 'Sites', isSortable: true },
  ],
};

/**
 * Returns the runtime calls to paths outside the catalog (redacted shapes, busiest first), or
 * nothing when there are none: their scopes are unknown, so they lower the plan's confidence.
 */
export function UnknownRuntime({ items, total }: { items: readonly UnknownRuntimeEndpoint[]; total: number }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="si-unknown-heading" data-testid="unknown-runtime">
      <Heading size="small" as="h2" id="si-unknown-heading">
        Calls outside the catalog
      </Heading>
      <p className="si-muted">
        Paths no documented operation matches, as redacted shapes{total > items.length ? ` (the busiest ${formatCount(items.length)} of ${formatCount(total)})` : ''}. Their scopes are unknown: check them by
        hand before removing scopes.
      </p>
      <div className="si-table-scroll">
        <DynamicTable
          head={HEAD}
          label="Calls outside the catalog"
          defaultSortKey="calls"
          defaultSortOrder="DESC"
          rows={items.map((u) => ({
            key: `${u.family} ${u.method} ${u.shape}`,
            testId: 'unknown-runtime-row',
            cells: [
              { key: u.method, content: <code className="si-code-inline">{u.method}</code> },
              { key: u.shape, content: <code className="si-code-inline si-template"><Breakable text={u.shape} /></code> },
              { key: u.family, content: u.family },
              { key: u.calls, content: formatCount(u.calls) },
              { key: u.sites, content: formatCount(u.sites) },
            ],
          }))}
        />
      </div>
    </section>
  );
}
