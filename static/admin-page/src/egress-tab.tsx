import Heading from '@atlaskit/heading';
import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import type { EgressVerdict, Report } from '../../../src/analysis/report-types';
import { describeSurface } from '../../../src/analysis/runtime-surfaces';
import { EGRESS_VERDICTS, egressByVerdict, egressContentText, egressCounts, egressEvidence, egressUnresolvedText } from '../../../src/report/egress-summary';
import { formatCount, plural } from './format';
import { Empty } from './states';

// Red for what Forge refuses, yellow for what could go (or cannot be judged), green for what is reached.
const APPEARANCE: Record<EgressVerdict, ThemeAppearance> = { missing: 'removed', unverifiable: 'moved', unused: 'moved', used: 'success' };
const LABEL: Record<EgressVerdict, string> = { missing: 'Missing', unverifiable: 'Cannot tell', unused: 'Unused', used: 'Used' };

/** Returns the runtime calls of the other request surfaces (GraphQL, remotes, egress…), or nothing when there are none. */
function RuntimeSurfaces({ report }: { report: Report }) {
  const surfaces = report.runtimeSurfaces ?? [];
  if (surfaces.length === 0) return null;
  return (
    <section aria-labelledby="si-surfaces-heading" data-testid="runtime-surfaces">
      <Heading size="small" as="h2" id="si-surfaces-heading">
        Other request surfaces at runtime
      </Heading>
      <p className="si-muted">GraphQL, Atlassian paths, remotes, providers and outbound fetches the recorder saw, by operation or path template. Where Atlassian publishes no scopes for them, no declared scope they may use is called unused.</p>
      <div className="si-table-scroll">
        <table className="si-data-table">
          <caption className="si-offscreen">Runtime calls of other request surfaces</caption>
          <thead>
            <tr>
              <th scope="col">Call</th>
              <th scope="col">Calls</th>
              <th scope="col">Scopes</th>
            </tr>
          </thead>
          <tbody>
            {surfaces.map((x) => (
              <tr key={describeSurface(x) + x.method} data-testid="runtime-surface-row">
                <th scope="row">
                  <code className="si-code-inline si-evidence">{describeSurface(x)}</code>
                </th>
                <td>
                  {formatCount(x.runtime.calls)}
                  {x.refused ? <div className="si-danger">{plural(x.refused, 'call')} refused by Forge</div> : null}
                </td>
                <td>
                  {x.scopes}: <span className="si-muted">{x.note}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * Returns the Egress tab: each host the manifest declares (permissions.external, remotes) or the
 * app reaches (code, runtime), with its verdict and evidence; what could not be resolved; the
 * content-policy relaxations; and the other request surfaces seen at runtime. Counts are the
 * report's derived lists, never recounted here.
 */
export default function EgressTab({ report }: { report: Report }) {
  const egress = report.egress;
  if (!egress || (egress.details.length === 0 && egress.unresolved.length === 0 && egress.content.length === 0)) {
    return (
      <div className="si-stack">
        <Empty header="No egress" description="The manifest declares no external hosts or remotes, and the app reaches none the tool can see." />
        <RuntimeSurfaces report={report} />
      </div>
    );
  }
  const n = egressCounts(egress);
  return (
    <div className="si-stack">
      <p className="si-muted" data-testid="egress-counts">
        {/* The declared hosts split into cannot tell, unused and used; missing hosts are reached but not declared. */}
        {plural(n.declared, 'declared host')}: {EGRESS_VERDICTS.filter((v) => v !== 'missing').map((v) => `${formatCount(n[v])} ${LABEL[v].toLowerCase()}`).join(' · ')}; {formatCount(n.missing)} missing (reached, not declared: Forge refuses them). A host is called unused only from a complete view: every file read, every URL of its kind resolved, no third-party script or stylesheet that could reach it.
      </p>
      <div className="si-table-scroll">
        <table className="si-data-table" data-testid="egress-table">
          <caption className="si-offscreen">Hosts outside Atlassian</caption>
          <thead>
            <tr>
              <th scope="col">Host</th>
              <th scope="col">Kind</th>
              <th scope="col">Verdict</th>
              <th scope="col">Evidence</th>
            </tr>
          </thead>
          <tbody>
            {egressByVerdict(egress).map((d) => (
              <tr key={`${d.kind} ${d.domain}`} data-testid="egress-row" data-verdict={d.verdict}>
                <th scope="row">
                  <code className="si-code-inline si-evidence">{d.domain}</code>
                </th>
                <td>{d.kind}</td>
                <td>
                  <Lozenge appearance={APPEARANCE[d.verdict]}>{LABEL[d.verdict]}</Lozenge>
                </td>
                <td className="si-evidence">{egressEvidence(d, report.manifest)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {egress.unresolved.length ? (
        <section aria-labelledby="si-egress-unresolved">
          <Heading size="xsmall" as="h2" id="si-egress-unresolved">
            Hosts the tool could not tell
          </Heading>
          <ul className="si-list" data-testid="egress-unresolved">
            {egress.unresolved.map((u, i) => (
              <li key={i}>
                {u.kind}: {egressUnresolvedText(u)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {egress.content.length ? (
        <p className="si-muted" data-testid="egress-content">
          Content-policy relaxations: {egress.content.map((c) => egressContentText(c, report.manifest)).join(', ')}. The tool does not judge whether the page needs them.
        </p>
      ) : null}
      <RuntimeSurfaces report={report} />
    </div>
  );
}
