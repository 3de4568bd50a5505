import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import type { GetReportResult } from '../../../src/resolvers/contract';
import { failedCalls, formatDay, plural, refusedCalls, windowWords } from './format';
import { Term } from './glossary';
import { Empty } from './states';
import { Breakable } from './breakable';

/** Returns a site's lag behind the deployed manifest, in words. */
function lagOf(i: GetReportResult['report']['runtime']['installations'][number], deployed: string): string {
  const parts: string[] = [];
  if (i.appVersion && i.appVersion !== deployed) parts.push(`runs ${i.appVersion}, deployed ${deployed}`);
  if (i.notGranted.length) parts.push(`${plural(i.notGranted.length, 'declared scope')} not granted`);
  if (i.extraGranted.length) parts.push(`${plural(i.extraGranted.length, 'scope')} granted that the manifest no longer declares`);
  return parts.length ? parts.join('; ') : i.appVersion ? 'up to date' : 'unknown: no grant recorded yet';
}

/**
 * Returns the Sites tab: one row per installation whose usage the report joins — its app version,
 * granted scopes, lag behind the deployed manifest, what its admin must approve, what fails there
 * until then, and its calls refused (401). On Forge the page reads its own site's usage; the CLI
 * (`audit --usage a.json b.json`) joins many.
 */
export default function SitesTab({ data }: { data: GetReportResult }) {
  const { installations, window } = data.report.runtime;
  if (installations.length === 0) return <Empty header="No site has reported yet" description="A site appears once the app has made a call there and its usage was read." />;
  return (
    <div className="si-stack">
      <p className="si-muted">
        {plural(installations.length, 'site')}, deployed version {data.deployedVersion}; calls counted over the {windowWords(window.days)}. What a site must <Term term="approval">approve</Term> is worked out from the scopes it granted: egress, remotes and other permissions are not recorded per site, so a pending approval for them cannot be seen here.
      </p>
      <div className="si-table-scroll">
        <table className="si-data-table si-sites" data-testid="sites-table">
          <caption className="si-offscreen">Sites running the app</caption>
          <thead>
            <tr>
              <th scope="col">Site</th>
              <th scope="col">App version</th>
              <th scope="col">Granted scopes</th>
              <th scope="col">Behind the deployed manifest</th>
              <th scope="col">Its admin must approve</th>
              <th scope="col">Fails there until then</th>
              <th scope="col">Calls</th>
            </tr>
          </thead>
          <tbody>
            {installations.map((i) => (
              <tr key={i.installation} data-testid="site-row" data-installation={i.installation}>
                <th scope="row">
                  <code className="si-code-inline">{i.installation}</code>
                </th>
                <td>{i.appVersion ?? '—'}</td>
                <td>
                  <details>
                    <summary>{plural(i.granted.length, 'scope')}</summary>
                    <ul className="si-list">
                      {i.granted.map((s) => (
                        <li key={s}>
                          <code className="si-code-inline">{s}</code>
                        </li>
                      ))}
                    </ul>
                  </details>
                </td>
                <td data-testid="site-lag">
                  {i.notGranted.length || i.extraGranted.length ? <Lozenge appearance="moved">behind</Lozenge> : null} {lagOf(i, data.deployedVersion)}
                  {i.notGranted.length ? (
                    <div className="si-muted">
                      not granted: {i.notGranted.map((s) => <code key={s} className="si-code-inline">{s}</code>)}
                    </div>
                  ) : null}
                </td>
                <td data-testid="site-upgrade">{i.upgrade ? i.upgrade.summary : 'Unknown: the site has recorded no granted scopes yet.'}</td>
                <td data-testid="site-fails">
                  {i.unauthorizedNeeds.length ? (
                    <ul className="si-list">
                      {i.unauthorizedNeeds.map((n) => (
                        <li key={n}>
                          <code className="si-code-inline"><Breakable text={n} /></code>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="si-muted">nothing the tool knows of</span>
                  )}
                </td>
                <td data-testid="site-calls">
                  {plural(i.calls, 'call')}
                  {i.failures ? <div>{failedCalls(i.failures)}</div> : null}
                  {i.scopeMismatch401 ? <div className="si-danger">{refusedCalls(i.scopeMismatch401)}</div> : null}
                  {i.lastSeen ? <div className="si-muted">last {formatDay(i.lastSeen)}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {installations.some((i) => i.notGranted.length) ? (
        <SectionMessage appearance="warning" title="Until its admin approves, a site runs the older version" testId="not-granted-warning">
          <p>
            Forge sends a new major version to a site only after its admin accepts the new scopes. Meanwhile the calls listed above fail there with 401 “scope does not match”. Admins approve it in the product’s app management (Jira: Apps → Manage apps).
          </p>
        </SectionMessage>
      ) : null}
      <Heading size="xsmall" as="h2">
        Reading several sites
      </Heading>
      <p className="si-muted">Each site keeps its own usage. To see many side by side, export JSON on each site and run <code className="si-code-inline">npx scope-inspector audit . --usage site-a.json site-b.json</code>.</p>
    </div>
  );
}
