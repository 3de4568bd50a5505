import Button from '@atlaskit/button/new';
import { DynamicTableStateless } from '@atlaskit/dynamic-table';
import { useState } from 'react';
import type { EndpointReport } from '../../../src/analysis/report-types';
import type { GetEndpointsInput } from '../../../src/resolvers/contract';
import { LocationsCell, principalsOf, SeenCell, StatusClasses, TemplateCell } from './endpoint-cells';
import { EndpointFilters, type EndpointFilter } from './endpoint-filters';
import { formatCount } from './format';
import { Empty } from './states';
import { useEndpoints } from './use-endpoints';

type Sort = NonNullable<GetEndpointsInput['sort']>;
const PAGE_SIZE = 25;

const HEAD = {
  cells: [
    { key: 'method', content: 'Method' },
    { key: 'template', content: 'Template', isSortable: true },
    { key: 'product', content: 'Product' },
    { key: 'principal', content: 'Principal' },
    { key: 'calls', content: 'Calls', isSortable: true },
    { key: 'status', content: 'Status classes' },
    { key: 'mismatch', content: 'Refused (401)' },
    { key: 'lastSeen', content: 'First → last seen', isSortable: true },
    { key: 'locations', content: 'Static locations' },
  ],
};

/** Returns the Endpoints tab: the snapshot's endpoints, paged, filtered and sorted as the `getEndpoints` resolver does. */
export default function EndpointsTab({ endpoints, filter, onFilter }: { endpoints: readonly EndpointReport[]; filter: EndpointFilter; onFilter: (filter: EndpointFilter) => void }) {
  const [offset, setOffset] = useState(0);
  const [sort, setSort] = useState<{ key: Sort; order: 'ASC' | 'DESC' }>({ key: 'calls', order: 'DESC' });
  const input: GetEndpointsInput = { ...filter, offset, limit: PAGE_SIZE, sort: sort.key, direction: sort.order === 'ASC' ? 'asc' : 'desc' };
  const page = useEndpoints(endpoints, input);
  const total = page.total;
  // The table re-sorts a page by the sorted column's cell keys (with Intl.Collator); keys that
  // encode the resolver's order keep the server's sort exactly.
  const order = (column: Sort, index: number) => (column === sort.key && sort.order === 'DESC' ? -index : index);
  const changeFilter = (next: EndpointFilter) => {
    setOffset(0);
    onFilter(next);
  };
  return (
    <div className="si-stack">
      <EndpointFilters filter={filter} onChange={changeFilter} />
      <div className="si-table-scroll">
        <DynamicTableStateless
          head={HEAD}
          label="Endpoints"
          testId="endpoints-table"
          sortKey={sort.key}
          sortOrder={sort.order}
          onSort={({ key, sortOrder }: { key: Sort; sortOrder: 'ASC' | 'DESC' }) => {
            setOffset(0);
            setSort({ key, order: sortOrder });
          }}
          emptyView={<Empty header={Object.values(filter).some(Boolean) ? 'No endpoint matches the filter' : 'No endpoints yet'} description="Endpoints appear when the app's code calls a product API (static) or the recorder sees a call (runtime)." />}
          rows={page.items.map((e, i) => ({
            key: e.key,
            testId: `endpoint-row`,
            cells: [
              { key: e.method, content: <code className="si-code-inline">{e.method}</code> },
              { key: order('template', i), content: <TemplateCell endpoint={e} /> },
              { key: e.product, content: e.product },
              { key: 'principal', content: principalsOf(e) },
              { key: order('calls', i), content: <span data-testid="endpoint-calls">{formatCount(e.runtime?.calls ?? 0)}</span> },
              { key: 'status', content: <StatusClasses endpoint={e} /> },
              { key: 'mismatch', content: e.runtime?.scopeMismatch401 ? <span className="si-danger">{formatCount(e.runtime.scopeMismatch401)}</span> : <span className="si-muted">0</span> },
              { key: order('lastSeen', i), content: <SeenCell endpoint={e} /> },
              { key: 'locations', content: <LocationsCell endpoint={e} /> },
            ],
          }))}
        />
      </div>
      <nav className="si-pager" aria-label="Endpoint pages">
        <Button isDisabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
          Previous
        </Button>
        <span data-testid="endpoints-range" data-loading="false" aria-live="polite">
          {total === 0 ? '0 endpoints' : `${formatCount(offset + 1)}–${formatCount(Math.min(offset + PAGE_SIZE, total))} of ${formatCount(total)}`}
        </span>
        <Button isDisabled={offset + PAGE_SIZE >= total} onClick={() => setOffset(offset + PAGE_SIZE)}>
          Next
        </Button>
      </nav>
    </div>
  );
}
