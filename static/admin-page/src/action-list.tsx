import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import type { Report } from '../../../src/analysis/report-types';
import { scopeName } from '../../../src/report/scope-name';
import { failedCalls, plural, refusedCalls } from './format';
import type { Destination, Navigate } from './navigation';
import { Breakable } from './breakable';

/** One thing that needs action, with where to look. */
export interface ActionItem {
  key: string;
  severity: 'danger' | 'warning';
  text: string;
  action: string;
  to: Destination;
}

const FAILURES_SHOWN = 5;

/** Returns what needs action now, worst first: missing scopes (and those candidate calls may need), invalid scopes, sites not granting, failing calls, scopes that cannot be judged, scopes safe to remove. */
export function actionItems(report: Pick<Report, 'scopes' | 'runtime' | 'endpoints'>): ActionItem[] {
  const items: ActionItem[] = [];
  const { scopes, runtime } = report;
  for (const m of scopes.details.filter((d) => d.verdict === 'missing')) {
    const calls = m.calls ? `; ${plural(m.calls, 'call')} needed it${m.failures ? `, ${failedCalls(m.failures)}` : ''}` : '';
    items.push({ key: `missing-${m.scope}`, severity: 'danger', text: `${m.scope} is needed but manifest.yml does not declare it${calls}.`, action: `Open ${m.scope}`, to: { tab: 'Scopes', scope: m.scope } });
  }
  for (const i of scopes.invalid) items.push({ key: `invalid-${i.name}`, severity: 'danger', text: `${scopeName(i.name)} is not a scope Forge knows (${i.reason})${i.suggestion ? `; did you mean ${i.suggestion}?` : ''}.`, action: `Open ${scopeName(i.name)}`, to: { tab: 'Scopes', scope: i.name } });
  for (const i of runtime.installations.filter((x) => x.notGranted.length)) {
    const refused = i.scopeMismatch401 ? `: ${refusedCalls(i.scopeMismatch401)}` : '';
    items.push({ key: `site-${i.installation}`, severity: 'danger', text: `Site ${i.installation}${i.appVersion ? ` (app ${i.appVersion})` : ''} has not granted ${i.notGranted.join(', ')}${refused}.`, action: 'Open Sites', to: { tab: 'Sites' } });
  }
  const failing = report.endpoints
    .filter((e) => (e.runtime?.failures ?? 0) > 0)
    .map((e) => ({ e, failed: e.runtime!.failures }))
    .sort((a, b) => b.failed - a.failed);
  for (const { e, failed } of failing.slice(0, FAILURES_SHOWN)) {
    const refused = e.runtime!.scopeMismatch401 ? ` (${refusedCalls(e.runtime!.scopeMismatch401)})` : '';
    items.push({ key: `calls-${e.key}`, severity: e.runtime!.scopeMismatch401 ? 'danger' : 'warning', text: `${e.key}: ${failedCalls(failed)} of ${plural(e.runtime!.calls, 'call')}${refused}.`, action: 'Open endpoint', to: { tab: 'Endpoints', filter: { text: e.template } } });
  }
  if (failing.length > FAILURES_SHOWN) items.push({ key: 'calls-more', severity: 'warning', text: `${plural(failing.length - FAILURES_SHOWN, 'more endpoint')} with failed calls.`, action: 'Open endpoints', to: { tab: 'Endpoints', filter: { status: 'mismatch' } } });
  for (const m of scopes.missingIfCalled) {
    items.push({ key: `if-called-${m.need}`, severity: 'warning', text: `${m.need} would need ${m.add.join(' + ')}, which manifest.yml does not declare, if the code selects it (${m.candidateOf.join('; ')}).`, action: `Open ${m.add[0]}`, to: { tab: 'Scopes', scope: m.add[0] } });
  }
  const blocked = scopes.details.filter((d) => d.verdict === 'unverifiable' && !scopes.invalid.some((i) => i.name === d.scope));
  if (blocked.length) items.push({ key: 'unverifiable', severity: 'warning', text: `${plural(blocked.length, 'declared scope')} cannot be judged: the tool could not read or resolve everything that may need ${blocked.length === 1 ? 'it' : 'them'}. Kept.`, action: 'Show why', to: { tab: 'Scopes', filter: { status: 'unverifiable' } } });
  if (scopes.unused.length) items.push({ key: 'unused', severity: 'warning', text: `${plural(scopes.unused.length, 'scope')} nothing needs: safe to remove (${scopes.unused.map((u) => u.name).join(', ')}).`, action: 'Open the plan', to: { tab: 'Plan' } });
  return items;
}

/** Returns the "Needs action now" list; each item opens where to act. */
export function ActionList({ report, onNavigate }: { report: Pick<Report, 'scopes' | 'runtime' | 'endpoints'>; onNavigate: Navigate }) {
  const items = actionItems(report);
  return (
    <section aria-labelledby="si-actions-heading" className="si-card">
      <Heading size="small" as="h2" id="si-actions-heading">
        Needs action now
      </Heading>
      {items.length === 0 ? (
        <p className="si-muted" data-testid="no-action">
          Nothing: every needed scope is declared and granted, and no call failed in this window.
        </p>
      ) : (
        <ul className="si-action-list" data-testid="action-list">
          {items.map((item) => (
            <li key={item.key} data-testid="action-item" data-severity={item.severity}>
              <span className="si-action-kind">
                <Lozenge appearance={item.severity === 'danger' ? 'removed' : 'moved'}>{item.severity === 'danger' ? 'fix' : 'check'}</Lozenge>
              </span>
              <span className="si-action-text"><Breakable text={item.text} /></span>
              <Button spacing="compact" appearance="subtle" onClick={() => onNavigate(item.to)}>
                {item.action}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
