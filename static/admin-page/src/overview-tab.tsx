import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import type { GetReportResult } from '../../../src/resolvers/contract';
import { skippedLines, verdictCounts, VERDICT_MEANING } from '../../../src/report/verdict-summary';
import { formatCount, formatDay, formatShare, plural } from './format';
import { Stat } from './stat';

const FILES_SHOWN = 5;

const TILES = [
  { verdict: 'in-use', label: 'In use', appearance: 'success' },
  { verdict: 'code-only', label: 'Code only', appearance: 'default' },
  { verdict: 'platform', label: 'Platform', appearance: 'default' },
  { verdict: 'not-granted', label: 'Not granted', appearance: 'danger' },
  { verdict: 'missing', label: 'Missing', appearance: 'danger' },
  { verdict: 'unverifiable', label: 'Unverifiable', appearance: 'warning' },
  { verdict: 'unused', label: 'Unused', appearance: 'warning' },
] as const;

/** Returns the Overview: scope counts, blast radius, observation window and confidence, installed vs deployed. */
export function OverviewTab({ data }: { data: GetReportResult }) {
  const { report } = data;
  const { scopes, runtime } = report;
  const counts = verdictCounts(scopes.details);
  const behind = runtime.installations.filter((i) => i.notGranted.length > 0);
  const unresolved = report.unresolved.length;
  const notScanned = skippedLines(report.files);
  const blocking = report.files.skipped.filter((f) => f.blocksRemoval).length;
  return (
    <div className="si-stack">
      {behind.map((i) => (
        <SectionMessage key={i.installation} appearance="warning" title="A site has not granted every declared scope" testId="not-granted-warning">
          <p>
            Installation <code className="si-code-inline">{i.installation}</code>
            {i.appVersion ? ` (app version ${i.appVersion})` : ''} has not granted {i.notGranted.join(', ')}. Its admin must upgrade the app (accept the new
            scopes) before features that need them work there.
          </p>
          {i.unauthorizedNeeds.length ? <p>Not authorized there today: {i.unauthorizedNeeds.join(', ')}.</p> : null}
        </SectionMessage>
      ))}
      {scopes.missingScopes.length > 0 ? (
        <SectionMessage appearance="error" title="Missing scopes" testId="missing-warning">
          <p>
            The app needs {scopes.missingScopes.join(', ')} but manifest.yml does not declare {scopes.missingScopes.length === 1 ? 'it' : 'them'}. See the Plan tab.
          </p>
        </SectionMessage>
      ) : null}
      <section aria-labelledby="si-scopes-heading">
        <Heading size="small" as="h2" id="si-scopes-heading">
          Scopes
        </Heading>
        <div className="si-stats">
          <Stat label="Declared" value={scopes.declared.length} testId="count-declared" />
          {TILES.map((t) => (
            <Stat key={t.verdict} label={t.label} value={counts[t.verdict]} appearance={counts[t.verdict] ? t.appearance : 'default'} testId={`count-${t.verdict}`}>
              {VERDICT_MEANING[t.verdict]}
            </Stat>
          ))}
          <Stat label="Replaceable" value={scopes.replaceable.length} appearance={scopes.replaceable.length ? 'warning' : 'default'} testId="count-replaceable" />
          <Stat label="Invalid" value={scopes.invalid.length} appearance={scopes.invalid.length ? 'danger' : 'default'} testId="count-invalid" />
        </div>
      </section>
      <section aria-labelledby="si-blast-heading">
        <Heading size="small" as="h2" id="si-blast-heading">
          Blast radius
        </Heading>
        <div className="si-stats">
          <Stat label="Operations the declared scopes authorize" value={formatCount(report.blastRadius.declared)} testId="blast-declared" />
          <Stat label="With the least-privilege plan" value={formatCount(report.blastRadius.plan)} appearance={report.blastRadius.plan <= report.blastRadius.declared ? 'success' : 'warning'} testId="blast-plan">
            {report.blastRadius.declared > 0 ? `${formatShare(report.blastRadius.plan / report.blastRadius.declared)} of today's` : null}
            {report.plan.replacements.length ? ', with classic scopes replaced by granular ones (see Plan)' : null}
          </Stat>
        </div>
      </section>
      <section aria-labelledby="si-window-heading">
        <Heading size="small" as="h2" id="si-window-heading">
          Observation window and confidence
        </Heading>
        <div className="si-stats">
          <Stat label="Days observed" value={runtime.window.daysObserved} testId="days-observed">
            {runtime.window.firstDay ? `${formatDay(runtime.window.firstDay)} → ${formatDay(runtime.window.lastDay)}` : 'No runtime data yet'}
          </Stat>
          <Stat label="Static endpoints exercised at runtime" value={formatShare(runtime.staticExercised)} testId="static-exercised" />
          <Stat label="Unresolved dynamic calls" value={unresolved} appearance={unresolved ? 'warning' : 'default'} testId="unresolved" />
          <Stat label="Files not read (block removal)" value={blocking} appearance={blocking ? 'warning' : 'default'} testId="files-blocking" />
          <Stat label="Endpoints" value={formatCount(data.endpointCount)} testId="endpoint-count">
            {plural(runtime.sites, 'site')}
            {runtime.droppedCalls ? `, ${plural(runtime.droppedCalls, 'dropped call')}` : ''}
          </Stat>
        </div>
      </section>
      {notScanned.length ? (
        <section aria-labelledby="si-files-heading">
          <Heading size="small" as="h2" id="si-files-heading">
            Files not scanned as such ({notScanned.length})
          </Heading>
          <ul className="si-list" data-testid="files-not-scanned">
            {notScanned.slice(0, FILES_SHOWN).map((line) => (
              <li key={line}>
                <code className="si-code-inline">{line}</code>
              </li>
            ))}
            {notScanned.length > FILES_SHOWN ? <li className="si-muted">and {notScanned.length - FILES_SHOWN} more (see the Markdown export)</li> : null}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="si-install-heading">
        <Heading size="small" as="h2" id="si-install-heading">
          Installed vs deployed
        </Heading>
        <p className="si-muted" data-testid="deployed-version">
          Deployed manifest version {data.deployedVersion}; report generated {formatDay(data.generatedAt)}.{' '}
          {runtime.installations.length === 0
            ? 'No installation has reported its granted scopes yet.'
            : behind.length === 0
              ? `All ${plural(runtime.installations.length, 'installation')} granted every declared scope.`
              : `${behind.length} of ${plural(runtime.installations.length, 'installation')} ${behind.length === 1 ? 'lags' : 'lag'} behind the manifest.`}
        </p>
      </section>
    </div>
  );
}
