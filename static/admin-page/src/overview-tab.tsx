import Heading from '@atlaskit/heading';
import { Suspense } from 'react';
import type { GetReportResult } from '../../../src/resolvers/contract';
import { skippedLines, verdictCounts } from '../../../src/report/verdict-summary';
import { ActionList } from './action-list';
import type ActivityChartsType from './charts/activity-charts';
import { lazyDefault } from './lazy-default';
import { formatCount, formatDay, formatShare, plural, windowWords } from './format';
import { Term } from './glossary';
import type { Navigate } from './navigation';
import { Stat } from './stat';
import { VerdictBar } from './verdict-bar';
import { Breakable } from './breakable';

// visx and the charts load after the first paint: the verdicts and the action list come first.
const ActivityCharts = lazyDefault<typeof ActivityChartsType>(() => import('./charts/activity-charts.js'));

const FILES_SHOWN = 5;

/** Returns the Overview: verdicts, what needs action now, the charts, and the figures behind them. */
export function OverviewTab({ data, onNavigate }: { data: GetReportResult; onNavigate: Navigate }) {
  const { report } = data;
  const { scopes, runtime } = report;
  const counts = verdictCounts(scopes.details);
  const notScanned = skippedLines(report.files);
  const blocking = report.files.skipped.filter((f) => f.blocksRemoval).length;
  const unresolved = report.unresolved.length;
  return (
    <div className="si-overview">
      <section aria-labelledby="si-scopes-heading" className="si-card si-span-all">
        <div className="si-row">
          <Heading size="small" as="h2" id="si-scopes-heading">
            <span data-testid="count-declared">
              <span className="si-num">{formatCount(scopes.declared.length)}</span> {scopes.declared.length === 1 ? 'scope' : 'scopes'} declared
            </span>
          </Heading>
          <span className="si-muted">
            {scopes.replaceable.length ? `${plural(scopes.replaceable.length, 'classic scope')} can be replaced by granular ones · ` : ''}
            {scopes.invalid.length ? `${plural(scopes.invalid.length, 'invalid scope')} · ` : ''}
            select a verdict to list its scopes
          </span>
        </div>
        <VerdictBar counts={counts} onOpen={(status) => onNavigate({ tab: 'Scopes', filter: { status } })} />
      </section>
      <ActionList report={report} onNavigate={onNavigate} />
      <section aria-labelledby="si-figures-heading" className="si-card">
        <Heading size="small" as="h2" id="si-figures-heading">
          Figures ({windowWords(runtime.window.days)})
        </Heading>
        <div className="si-stats">
          <Stat label={<Term term="operations">Operations today’s scopes allow</Term>} value={formatCount(report.blastRadius.declared)} testId="blast-declared" />
          <Stat label="With the least-privilege plan" value={formatCount(report.blastRadius.plan)} appearance={report.blastRadius.plan <= report.blastRadius.declared ? 'success' : 'warning'} testId="blast-plan">
            {report.blastRadius.plan > report.blastRadius.declared ? 'more: granular replacements allow operations today’s scopes do not (see Plan)' : report.plan.replacements.length ? 'classic scopes replaced by granular ones (see Plan)' : null}
          </Stat>
          <Stat label="Days with calls" value={runtime.window.daysObserved} testId="days-observed">
            {runtime.window.firstDay ? `${formatDay(runtime.window.firstDay)} → ${formatDay(runtime.window.lastDay)}` : 'No calls recorded'}
          </Stat>
          <Stat label="Code paths seen at runtime" value={formatShare(runtime.staticExercised)} testId="static-exercised">
            of the operations the code can call
          </Stat>
          <Stat label="Calls the tool could not resolve" value={unresolved} appearance={unresolved ? 'warning' : 'default'} testId="unresolved" />
          <Stat label="Files not read (block removal)" value={blocking} appearance={blocking ? 'warning' : 'default'} testId="files-blocking" />
          <Stat label="Operations" value={formatCount(data.endpointCount)} testId="endpoint-count">
            {plural(runtime.sites, 'site')}
            {runtime.droppedCalls ? `, ${plural(runtime.droppedCalls, 'call')} lost to storage failures` : ''}
          </Stat>
        </div>
        {notScanned.length ? (
          <div className="si-gap-above">
            <Heading size="xsmall" as="h3">
              Files not scanned as such ({notScanned.length})
            </Heading>
            <ul className="si-list" data-testid="files-not-scanned">
              {notScanned.slice(0, FILES_SHOWN).map((line) => (
                <li key={line}>
                  <code className="si-code-inline"><Breakable text={line} /></code>
                </li>
              ))}
              {notScanned.length > FILES_SHOWN ? <li className="si-muted">and {notScanned.length - FILES_SHOWN} more (see the Markdown export)</li> : null}
            </ul>
          </div>
        ) : null}
      </section>
      <section aria-labelledby="si-charts-heading" className="si-span-all">
        <Heading size="small" as="h2" id="si-charts-heading">
          Activity
        </Heading>
        <Suspense fallback={<p className="si-muted">Loading the charts…</p>}>
          <ActivityCharts report={report} />
        </Suspense>
      </section>
    </div>
  );
}
