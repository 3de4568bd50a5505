import DynamicTable from '@atlaskit/dynamic-table';
import Lozenge from '@atlaskit/lozenge';
import Textfield from '@atlaskit/textfield';
import { Suspense, useMemo } from 'react';
import type { Report } from '../../../src/analysis/report-types';
import { moduleLabel } from '../../../src/report/module-label';
import { scopeName } from '../../../src/report/scope-name';
import type SparklineType from './charts/sparkline';
import { Choice } from './choice';
import { lazyDefault } from './lazy-default';
import { failedCalls, formatDay, plural } from './format';
import { filterScopeRows, SCOPE_STATUSES, scopeRows, type ScopeFilter, type ScopeRow } from './scope-rows';
import { ScopeDetailPanel } from './scope-detail';
import { Empty } from './states';
import { StatusLozenge, statusLabel } from './status-lozenge';
import { Breakable } from './breakable';

const Sparkline = lazyDefault<typeof SparklineType>(() => import('./charts/sparkline.js'));

const HEAD = {
  cells: [
    // Shares of the width (percent): the operations that need a scope get the most room.
    { key: 'name', content: 'Scope', isSortable: true, width: 22 },
    { key: 'status', content: 'Verdict', isSortable: true, width: 10 },
    { key: 'modules', content: 'Used by', width: 16 },
    { key: 'calls', content: 'Calls in the window', isSortable: true, width: 18 },
    { key: 'neededBy', content: 'What needs it (or why it cannot be told)', width: 34 },
  ],
};

const SHOWN_NEEDS = 3;

function Needs({ row }: { row: ScopeRow }) {
  if (row.neededBy.length === 0) return <span className="si-muted">{row.note ?? 'nothing known'}</span>;
  const rest = row.neededBy.length - SHOWN_NEEDS;
  return (
    <ul className="si-list">
      {row.neededBy.slice(0, SHOWN_NEEDS).map((n) => (
        <li key={n}>
          <code className="si-code-inline"><Breakable text={n} /></code>
        </li>
      ))}
      {rest > 0 ? <li className="si-muted">and {rest} more</li> : null}
    </ul>
  );
}

function Calls({ row }: { row: ScopeRow }) {
  if (row.calls === 0) return <span className="si-muted">none</span>;
  return (
    <div className="si-calls" data-testid="scope-runtime" data-calls={row.calls} data-failures={row.failures}>
      {row.daily ? (
        <Suspense fallback={null}>
          <Sparkline values={row.daily} label={`Calls per day of ${row.name}`} />
        </Suspense>
      ) : null}
      <span>
        {plural(row.calls, 'call')}
        {row.failures ? `, ${failedCalls(row.failures)}` : ''}
        <span className="si-muted">
          , last used <span className="si-nowrap">{formatDay(row.lastSeen)}</span>
        </span> {row.failing ? <Lozenge appearance="removed">failing</Lozenge> : null}
      </span>
    </div>
  );
}

/**
 * Returns the Scopes tab: every declared, needed or granted scope, what needs attention first,
 * filterable by text, verdict and module; a scope's name opens its detail beside the table.
 */
export function ScopesTab({ report, filter, onFilter, selected, onSelect, onShowEndpoints }: { report: Pick<Report, 'scopes' | 'runtime' | 'endpoints' | 'activity'>; filter: ScopeFilter; onFilter: (f: ScopeFilter) => void; selected?: string; onSelect: (scope: string | undefined) => void; onShowEndpoints: (scope: string) => void }) {
  const all = useMemo(() => scopeRows(report), [report]);
  const rows = filterScopeRows(all, filter);
  const statuses = SCOPE_STATUSES.filter((s) => all.some((r) => r.status === s)).map((s) => ({ label: `${statusLabel(s)} (${all.filter((r) => r.status === s).length})`, value: s }));
  const modules = useMemo(() => {
    const byKey = new Map(report.scopes.details.flatMap((d) => d.modules).map((m) => [m.key, m]));
    return [...byKey.values()].map((m) => ({ label: moduleLabel(m), value: m.key })).sort((a, b) => a.label.localeCompare(b.label));
  }, [report]);
  const row = selected ? all.find((r) => r.name === selected) : undefined;
  // Closing the detail returns focus to the scope that opened it.
  const close = (name: string) => {
    onSelect(undefined);
    setTimeout(() => document.querySelector<HTMLElement>(`[data-testid="scope-row-${CSS.escape(name)}"] [data-testid="scope-open"]`)?.focus());
  };
  return (
    <div className={row ? 'si-master-detail' : undefined}>
      <div className="si-stack">
        <div className="si-filters" role="search" aria-label="Filter scopes">
          <div className="si-filter-text">
            <Textfield aria-label="Filter scopes by text" placeholder="Scope, operation or feature" value={filter.text ?? ''} onChange={(e) => onFilter({ ...filter, text: e.currentTarget.value || undefined })} testId="scopes-filter-text" isCompact />
          </div>
          <Choice id="scopes-filter-status" label="Filter scopes by verdict" anyLabel="Any verdict" options={statuses} value={filter.status} onChange={(status) => onFilter({ ...filter, status })} testId="scopes-filter-status" />
          <Choice id="scopes-filter-module" label="Filter scopes by feature" anyLabel="Any feature" options={modules} value={filter.module} onChange={(module) => onFilter({ ...filter, module })} testId="scopes-filter-module" />
          <span className="si-muted" data-testid="scopes-count" aria-live="polite">
            {rows.length} of {plural(all.length, 'scope')}, what needs attention first
          </span>
        </div>
        <div className="si-table-scroll si-scopes-table">
          <DynamicTable
            head={HEAD}
            label="Scopes"
            testId="scopes-table"
            emptyView={<Empty header={all.length ? 'No scope matches the filter' : 'No scopes'} description={all.length ? 'Clear the filters to see every scope.' : 'The manifest declares no scopes and nothing needs one.'} />}
            rows={rows.map((r, i) => ({
              key: r.name,
              testId: `scope-row-${r.name}`,
              isHighlighted: r.name === selected,
              cells: [
                {
                  key: r.name,
                  content: (
                    <button type="button" className="si-link-button" onClick={() => onSelect(r.name)} aria-expanded={r.name === selected} data-testid="scope-open">
                      <code className="si-code-inline"><Breakable text={scopeName(r.name)} after=":" /></code>
                    </button>
                  ),
                },
                { key: `${String(i).padStart(4, '0')}`, content: <StatusLozenge status={r.status} /> },
                { key: r.modules.join(), content: r.modules.length ? <ul className="si-list">{r.modules.map((m) => <li key={m}>{m}</li>)}</ul> : <span className="si-muted">—</span> },
                { key: r.calls, content: <Calls row={r} /> },
                { key: r.neededBy.length, content: <Needs row={r} /> },
              ],
            }))}
          />
        </div>
      </div>
      {row ? <ScopeDetailPanel row={row} report={report} onClose={() => close(row.name)} onShowEndpoints={onShowEndpoints} /> : null}
    </div>
  );
}
