import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import { confidenceOf } from '../../../src/report/confidence';
import { DEFAULT_WINDOW, type GetReportResult, type ReportWindow } from '../../../src/resolvers/contract';
import { describeError, getReport } from './api';
import type { EndpointFilter } from './endpoint-filters';
import { formatDay } from './format';
import { Term } from './glossary';
import { TABS, type Navigate, type TabName } from './navigation';
import { OverviewTab } from './overview-tab';
import type { ScopeFilter } from './scope-rows';
import { ScopesTab } from './scopes-tab';
import { ErrorMessage, Loading, NotAdmin } from './states';
import { ExcludedRuntime } from './excluded-runtime';
import { UnknownRuntime } from './unknown-runtime';
import { OpenCalls } from './open-calls';
import { WindowSelect } from './window-select';

import type EgressTabType from './egress-tab';
import type EndpointsTabType from './endpoints-tab';
import type ExportTabType from './export-tab';
import { lazyDefault } from './lazy-default';
import type PlanTabType from './plan-tab';
import type SitesTabType from './sites-tab';

// Tabs a visitor may never open load when first shown.
const EndpointsTab = lazyDefault<typeof EndpointsTabType>(() => import('./endpoints-tab.js'));
const EgressTab = lazyDefault<typeof EgressTabType>(() => import('./egress-tab.js'));
const SitesTab = lazyDefault<typeof SitesTabType>(() => import('./sites-tab.js'));
const PlanTab = lazyDefault<typeof PlanTabType>(() => import('./plan-tab.js'));
const ExportTab = lazyDefault<typeof ExportTabType>(() => import('./export-tab.js'));

// A panel renders once its tab was first shown (its code loads then), and stays mounted after, keeping its state.
const Panel = ({ shown, children }: { shown: boolean; children: ReactNode }) => (
  <TabPanel>
    <div className="si-panel">{shown ? <Suspense fallback={<Loading label="Loading…" />}>{children}</Suspense> : null}</div>
  </TabPanel>
);

/**
 * Returns the admin page: loads one report snapshot for the chosen window through the resolver
 * and shows it in tabs. Every tab renders that snapshot; Refresh, Reset and a new window load the
 * next snapshot for all of them at once.
 */
export function App({ firstReport }: { firstReport?: Promise<GetReportResult> }) {
  const [data, setData] = useState<GetReportResult | undefined>();
  const [error, setError] = useState<unknown>();
  const [refreshing, setRefreshing] = useState(false);
  // Counts the snapshots shown, so a reader can tell a new one has arrived.
  const [snapshot, setSnapshot] = useState(0);
  const [usageWindow, setUsageWindow] = useState<ReportWindow>(DEFAULT_WINDOW);
  const [tab, setTab] = useState(0);
  const [visited, setVisited] = useState<ReadonlySet<number>>(() => new Set([0]));
  useEffect(() => setVisited((v) => (v.has(tab) ? v : new Set([...v, tab]))), [tab]);
  const [scopeFilter, setScopeFilter] = useState<ScopeFilter>({});
  const [endpointFilter, setEndpointFilter] = useState<EndpointFilter>({});
  const [selectedScope, setSelectedScope] = useState<string | undefined>();

  const [first] = useState(() => firstReport);
  const load = useCallback((pending: Promise<GetReportResult>) => {
    setError(undefined);
    setRefreshing(true);
    pending
      .then((next) => {
        setData(next);
        setSnapshot((n) => n + 1);
      }, setError)
      .finally(() => setRefreshing(false));
  }, []);
  // StrictMode runs effects twice in development; the promise makes the second run free.
  useEffect(() => load(first ?? getReport(DEFAULT_WINDOW)), [load, first]);

  if (error && !data) {
    if (describeError(error).code === 'NOT_ADMIN') return <NotAdmin />;
    return <ErrorMessage error={error} title="Could not load the Scope Inspector report" />;
  }
  if (!data) return <Loading label="Loading the scope report…" />;

  const navigate: Navigate = (to) => {
    if (to.tab === 'Scopes') {
      if (to.filter) setScopeFilter(to.filter);
      if (to.scope) {
        setScopeFilter({});
        setSelectedScope(to.scope);
      }
    }
    if (to.tab === 'Endpoints' && to.filter) setEndpointFilter(to.filter);
    setTab(TABS.indexOf(to.tab as TabName));
  };
  const chooseWindow = (next: ReportWindow) => {
    setUsageWindow(next);
    load(getReport(next));
  };
  const confidence = confidenceOf(data.report);
  return (
    <main className="si-page">
      <header className="si-header">
        <Heading size="large" as="h1">
          Scope Inspector
        </Heading>
        <span className="si-muted">{data.report.manifest}</span>
        {data.canAdminister ? <Lozenge appearance="success">admin</Lozenge> : <Lozenge>read only</Lozenge>}
        <span className="si-grow" />
        <span className="si-muted" data-testid="snapshot-time" data-snapshot={snapshot} data-window={String(data.report.runtime.window.days ?? 'all')}>
          as of {formatDay(data.generatedAt)} {data.generatedAt.slice(11, 19)} UTC
        </span>
        <div className="si-window">
          <Term term="window">Window</Term>
          <WindowSelect value={usageWindow} onChange={chooseWindow} />
        </div>
        <Button onClick={() => load(getReport(usageWindow))} isLoading={refreshing} testId="refresh">
          Refresh
        </Button>
      </header>
      {error ? <ErrorMessage error={error} title="Could not refresh the report" /> : null}
      <SectionMessage appearance={confidence.level === 'enough' ? 'information' : 'warning'} title="How far the runtime evidence goes" testId="confidence">
        <p>{confidence.text}</p>
      </SectionMessage>
      <Tabs id="si-tabs" selected={tab} onChange={setTab} testId="tabs">
        <TabList>
          {TABS.map((t) => (
            <Tab key={t}>{t}</Tab>
          ))}
        </TabList>
        <Panel shown={visited.has(0) || tab === 0}>
          <OverviewTab data={data} onNavigate={navigate} />
        </Panel>
        <Panel shown={visited.has(1) || tab === 1}>
          <ScopesTab report={data.report} filter={scopeFilter} onFilter={setScopeFilter} selected={selectedScope} onSelect={setSelectedScope} onShowEndpoints={(scope) => navigate({ tab: 'Endpoints', filter: { text: scope } })} />
        </Panel>
        <Panel shown={visited.has(2) || tab === 2}>
          <div className="si-stack">
            <EndpointsTab endpoints={data.report.endpoints} filter={endpointFilter} onFilter={setEndpointFilter} />
            <OpenCalls report={data.report} />
            <UnknownRuntime items={data.report.unknownRuntime} total={data.unknownRuntimeCount ?? data.report.unknownRuntime.length} />
            <ExcludedRuntime items={data.report.excludedRuntime ?? []} total={data.excludedRuntimeCount ?? data.report.excludedRuntime?.length ?? 0} />
          </div>
        </Panel>
        <Panel shown={visited.has(3) || tab === 3}>
          <EgressTab report={data.report} />
        </Panel>
        <Panel shown={visited.has(4) || tab === 4}>
          <SitesTab data={data} />
        </Panel>
        <Panel shown={visited.has(5) || tab === 5}>
          <PlanTab data={data} />
        </Panel>
        <Panel shown={visited.has(6) || tab === 6}>
          <ExportTab canAdminister={data.canAdminister} window={usageWindow} onReset={() => load(getReport(usageWindow))} />
        </Panel>
      </Tabs>
    </main>
  );
}
