import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import Textfield from '@atlaskit/textfield';
import { useMemo, useState } from 'react';
import Lozenge from '@atlaskit/lozenge';
import type { Report } from '../../../src/analysis/report-types';
import { Choice } from './choice';
import { formatCount, formatDay, plural } from './format';
import { filterScopeRows, SCOPE_STATUSES, scopeRows, type ScopeRow, type ScopeStatus } from './scope-rows';
import { Empty } from './states';
import { StatusLozenge } from './status-lozenge';

const HEAD = {
  cells: [
    { key: 'name', content: 'Scope', isSortable: true },
    { key: 'status', content: 'Status', isSortable: true },
    { key: 'kind', content: 'Kind', isSortable: true },
    { key: 'neededBy', content: 'Needed by (or why it cannot be told)', isSortable: true },
    { key: 'evidence', content: 'Evidence' },
  ],
};

const SHOWN_NEEDS = 4;

function Needs({ row }: { row: ScopeRow }) {
  if (row.neededBy.length === 0) return <span className="si-muted">nothing known</span>;
  const rest = row.neededBy.length - SHOWN_NEEDS;
  return (
    <ul className="si-list">
      {row.neededBy.slice(0, SHOWN_NEEDS).map((n) => (
        <li key={n}>
          <code className="si-code-inline">{n}</code>
        </li>
      ))}
      {rest > 0 ? <li className="si-muted">+{rest} more</li> : null}
    </ul>
  );
}

function Evidence({ row, onShowEndpoints }: { row: ScopeRow; onShowEndpoints: (scope: string) => void }) {
  const locations = row.locations;
  return (
    <div className="si-evidence" data-testid="scope-evidence">
      {row.note ? <div>{row.note}</div> : null}
      {row.calls > 0 ? (
        <div data-testid="scope-runtime" data-calls={row.calls} data-failures={row.failures}>
          {plural(row.calls, 'call')} at runtime{row.failures ? `, ${formatCount(row.failures)} failed` : ''}
          {row.lastSeen ? `, last ${formatDay(row.lastSeen)}` : ''} {row.failing ? <Lozenge appearance="removed">failing</Lozenge> : null}
        </div>
      ) : null}
      {row.modules.length ? <div className="si-muted">modules: {row.modules.join(', ')}</div> : null}
      {locations.length ? (
        <div className="si-muted">
          {locations.slice(0, 3).join(', ')}
          {locations.length > 3 ? ` +${locations.length - 3} more` : ''}
        </div>
      ) : null}
      {row.grantedBy ? <div className="si-muted">granted by {plural(row.grantedBy, 'installation')}</div> : null}
      {row.neededBy.some((n) => /^[A-Z]+ \//.test(n)) ? (
        <Button appearance="subtle" spacing="compact" onClick={() => onShowEndpoints(row.name)} aria-label={`Show the endpoints that need ${row.name}`}>
          Show endpoints
        </Button>
      ) : null}
    </div>
  );
}

/** Returns the Scopes tab: every declared, needed or granted scope, sortable and filterable. */
export function ScopesTab({ report, onShowEndpoints }: { report: Pick<Report, 'scopes' | 'runtime'>; onShowEndpoints: (scope: string) => void }) {
  const all = useMemo(() => scopeRows(report), [report]);
  const [text, setText] = useState('');
  const [status, setStatus] = useState<ScopeStatus | undefined>();
  const rows = filterScopeRows(all, text, status ? [status] : []);
  const options = SCOPE_STATUSES.map((s) => ({ label: `${s} (${all.filter((r) => r.status === s).length})`, value: s }));
  return (
    <div className="si-stack">
      <div className="si-filters" role="search" aria-label="Filter scopes">
        <div className="si-filter-text">
          <Textfield aria-label="Filter scopes by text" placeholder="Filter by scope or operation" value={text} onChange={(e) => setText(e.currentTarget.value)} testId="scopes-filter-text" isCompact />
        </div>
        <Choice id="scopes-filter-status" label="Filter scopes by status" anyLabel="Any status" options={options} value={status} onChange={setStatus} />
        <span className="si-muted" data-testid="scopes-count">
          {rows.length} of {plural(all.length, 'scope')}
        </span>
      </div>
      <div className="si-table-scroll">
        <DynamicTable
          head={HEAD}
          label="Scopes"
          testId="scopes-table"
          defaultSortKey="name"
          defaultSortOrder="ASC"
          emptyView={<Empty header={all.length ? 'No scope matches the filter' : 'No scopes'} description={all.length ? 'Clear the filters to see every scope.' : 'The manifest declares no scopes and nothing needs one.'} />}
          rows={rows.map((r) => ({
            key: r.name,
            testId: `scope-row-${r.name}`,
            cells: [
              { key: r.name, content: <code className="si-code-inline">{r.name}</code> },
              { key: `${SCOPE_STATUSES.indexOf(r.status)}-${r.name}`, content: <StatusLozenge status={r.status} /> },
              { key: `${r.kind}-${r.name}`, content: r.kind },
              { key: r.neededBy.length, content: <Needs row={r} /> },
              { key: 'evidence', content: <Evidence row={r} onShowEndpoints={onShowEndpoints} /> },
            ],
          }))}
        />
      </div>
    </div>
  );
}
