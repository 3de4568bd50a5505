import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { useCallback, useEffect, useState } from 'react';
import type { GetReportResult } from '../../../src/resolvers/contract';
import { describeError, getReport } from './api';
import type { EndpointFilter } from './endpoint-filters';
import { EndpointsTab } from './endpoints-tab';
import { ExportTab } from './export-tab';
import { OverviewTab } from './overview-tab';
import { PlanTab } from './plan-tab';
import { ScopesTab } from './scopes-tab';
import { formatDay } from './format';
import { ErrorMessage, Loading, NotAdmin } from './states';
import { UnknownRuntime } from './unknown-runtime';
import { ExcludedRuntime } from './excluded-runtime';

const TABS = ['Overview', 'Scopes', 'Endpoints', 'Plan', 'Export'] as const;

/**
 * Returns the admin page: loads one report snapshot through the resolver and shows it in tabs.
 * Every tab renders that snapshot (the Endpoints tab pages its endpoints locally); Refresh, and
 * Reset, load a new snapshot for all of them at once.
 */
export function App({ firstReport }: { firstReport?: Promise<GetReportResult> }) {
  const [data, setData] = useState<GetReportResult | undefined>();
  const [error, setError] = useState<unknown>();
  const [refreshing, setRefreshing] = useState(false);
  // Counts the snapshots shown, so a reader can tell a new one has arrived.
  const [snapshot, setSnapshot] = useState(0);
  const [tab, setTab] = useState(0);
  const [filter, setFilter] = useState<EndpointFilter>({});

  const [first] = useState(() => firstReport);
  const load = useCallback((pending?: Promise<GetReportResult>) => {
    setError(undefined);
    setRefreshing(true);
    (pending ?? getReport())
      .then((next) => {
        setData(next);
        setSnapshot((n) => n + 1);
      }, setError)
      .finally(() => setRefreshing(false));
  }, []);
  // StrictMode runs effects twice in development; the promise makes the second run free.
  useEffect(() => load(first), [load, first]);

  if (error && !data) {
    if (describeError(error).code === 'NOT_ADMIN') return <NotAdmin />;
    return <ErrorMessage error={error} title="Could not load the Scope Inspector report" />;
  }
  if (!data) return <Loading label="Loading the scope report…" />;

  const showEndpoints = (scope: string) => {
    setFilter({ text: scope });
    setTab(TABS.indexOf('Endpoints'));
  };
  const onReset = () => load();
  return (
    <main className="si-page">
      <header className="si-header">
        <Heading size="large" as="h1">
          Scope Inspector
        </Heading>
        <span className="si-muted">{data.report.manifest}</span>
        {data.canAdminister ? <Lozenge appearance="success">admin</Lozenge> : <Lozenge>read only</Lozenge>}
        <span className="si-muted" data-testid="snapshot-time" data-snapshot={snapshot}>
          as of {formatDay(data.generatedAt)} {data.generatedAt.slice(11, 19)} UTC
        </span>
        <Button onClick={() => load()} isLoading={refreshing} testId="refresh">
          Refresh
        </Button>
      </header>
      {error ? <ErrorMessage error={error} title="Could not refresh the report" /> : null}
      <Tabs id="si-tabs" selected={tab} onChange={setTab} testId="tabs">
        <TabList>
          {TABS.map((t) => (
            <Tab key={t}>{t}</Tab>
          ))}
        </TabList>
        <TabPanel>
          <div className="si-panel">
            <OverviewTab data={data} />
          </div>
        </TabPanel>
        <TabPanel>
          <div className="si-panel">
            <ScopesTab report={data.report} onShowEndpoints={showEndpoints} />
          </div>
        </TabPanel>
        <TabPanel>
          <div className="si-panel">
            <div className="si-stack">
              <EndpointsTab endpoints={data.report.endpoints} filter={filter} onFilter={setFilter} />
              <UnknownRuntime items={data.report.unknownRuntime} total={data.unknownRuntimeCount ?? data.report.unknownRuntime.length} />
              <ExcludedRuntime items={data.report.excludedRuntime ?? []} total={data.excludedRuntimeCount ?? data.report.excludedRuntime?.length ?? 0} />
            </div>
          </div>
        </TabPanel>
        <TabPanel>
          <div className="si-panel">
            <PlanTab data={data} />
          </div>
        </TabPanel>
        <TabPanel>
          <div className="si-panel">
            <ExportTab canAdminister={data.canAdminister} onReset={onReset} />
          </div>
        </TabPanel>
      </Tabs>
    </main>
  );
}
