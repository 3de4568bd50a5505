import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { useEffect, useRef } from 'react';
import type { EndpointReport, Report, ScopeDetail, ScopeModule, ScopeReason } from '../../../src/analysis/report-types';
import { moduleLabel } from '../../../src/report/module-label';
import { scopeName } from '../../../src/report/scope-name';
import { failedCalls, formatCount, formatDay, plural, refusedCalls } from './format';
import { GLOSSARY } from './glossary';
import type { ScopeRow } from './scope-rows';
import { StatusLozenge } from './status-lozenge';
import { Breakable } from './breakable';

/** Returns the names of the modules behind a reason ("Issue panel · Recent activity"), or nothing known. */
function modulesOf(reason: ScopeReason, known: readonly ScopeModule[]): string[] {
  return (reason.modules ?? []).map((key) => moduleLabel(known.find((m) => m.key === key) ?? { key }));
}

/** Returns what a reason is, for the impact list: the operation, or the trigger, module or feature. */
const needOf = (r: ScopeReason) => r.operation ?? r.text;

function Reasons({ detail }: { detail: ScopeDetail }) {
  if (detail.reasons.length === 0) return <p className="si-muted">Nothing known needs it.</p>;
  return (
    <ul className="si-reasons" data-testid="detail-reasons">
      {detail.reasons.map((r, i) => (
        <li key={i}>
          <div>
            {r.kind === 'blocked' ? <Lozenge appearance="moved">cannot tell</Lozenge> : r.kind === 'not-granted' ? <Lozenge appearance="removed">not granted</Lozenge> : <Lozenge>{r.kind}</Lozenge>}{' '}
            {r.candidate ? <Lozenge appearance="moved">candidate</Lozenge> : null}{' '}
            {r.operation ? <code className="si-code-inline"><Breakable text={r.operation} /></code> : <Breakable text={r.text} />}
            {r.operation && r.text !== r.operation ? <span className="si-muted">{r.text.slice(r.operation.length)}</span> : null}
          </div>
          <div className="si-muted">
            {r.at.length ? r.at.join(', ') : null}
            {r.calls ? `${r.at.length ? ' · ' : ''}${plural(r.calls, 'call')} at runtime` : null}
            {modulesOf(r, detail.modules).length ? ` · ${modulesOf(r, detail.modules).join(', ')}` : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** Returns what removing a declared scope stops (or what adding a missing one makes work), need by need. */
function Impact({ detail, declared }: { detail: ScopeDetail; declared: boolean }) {
  const needs = detail.reasons.filter((r) => r.kind !== 'not-granted' && r.kind !== 'blocked');
  const breaking = declared ? needs.filter((r) => r.removalBreaks) : needs;
  const title = declared ? `Removing ${scopeName(detail.scope)} stops` : `Declaring ${scopeName(detail.scope)} makes these work`;
  return (
    <section aria-labelledby="si-impact-heading">
      <Heading size="xsmall" as="h3" id="si-impact-heading">
        {title}
      </Heading>
      {breaking.length === 0 ? (
        <p className="si-muted" data-testid="detail-impact">
          {declared ? (needs.length ? 'Nothing the tool knows of: other declared scopes also cover every need.' : 'Nothing the tool knows of.') : 'Nothing the tool knows of.'}
        </p>
      ) : (
        <ul className="si-list si-impact" data-testid="detail-impact">
          {breaking.map((r, i) => {
            const who = modulesOf(r, detail.modules);
            return (
              <li key={i}>
                {who.length ? who.join(', ') : r.at.length ? `code at ${r.at.slice(0, 2).join(', ')}${r.at.length > 2 ? '…' : ''}` : 'the app'} → <code className="si-code-inline"><Breakable text={needOf(r)} /></code>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function Endpoints({ endpoints, sites }: { endpoints: readonly EndpointReport[]; sites: number }) {
  if (endpoints.length === 0) return null;
  return (
    <section aria-labelledby="si-detail-endpoints-heading">
      <Heading size="xsmall" as="h3" id="si-detail-endpoints-heading">
        Operations
      </Heading>
      <div className="si-table-scroll">
        <table className="si-data-table" data-testid="detail-endpoints">
          <thead>
            <tr>
              <th scope="col">Operation</th>
              <th scope="col">Calls</th>
              <th scope="col">Failed</th>
              <th scope="col">Seen</th>
              <th scope="col">Sites</th>
            </tr>
          </thead>
          <tbody>
            {endpoints.map((e) => (
              <tr key={e.key}>
                <th scope="row">
                  <code className="si-code-inline si-template"><Breakable text={e.key} /></code>
                </th>
                <td>{formatCount(e.runtime?.calls ?? 0)}</td>
                <td>{e.runtime ? formatCount(e.runtime.failures) : '—'}{e.runtime?.scopeMismatch401 ? <div className="si-danger">{refusedCalls(e.runtime.scopeMismatch401)}</div> : null}</td>
                <td>{e.runtime ? `${formatDay(e.runtime.firstSeen)} → ${formatDay(e.runtime.lastSeen)}` : 'not seen'}</td>
                <td>{e.runtime ? `${e.runtime.sites} of ${sites}` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * Returns the scope detail panel: the verdict and its reasons with evidence, the features
 * (modules) that use the scope, what removing it stops, and its operations with counts, first
 * and last seen and sites. Focus moves to it when it opens; Close (or Escape) returns it.
 */
export function ScopeDetailPanel({ row, report, onClose, onShowEndpoints }: { row: ScopeRow; report: Pick<Report, 'scopes' | 'endpoints' | 'runtime'>; onClose: () => void; onShowEndpoints: (scope: string) => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [row.name]);
  const detail = report.scopes.details.find((d) => d.scope === row.name);
  const operations = new Set(detail?.reasons.flatMap((r) => (r.operation ? [r.operation] : [])) ?? []);
  const endpoints = report.endpoints.filter((e) => operations.has(e.key));
  return (
    <aside className="si-detail si-card" aria-labelledby="si-detail-heading" data-testid="scope-detail" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="si-row si-detail-head">
        <h2 className="si-detail-title" id="si-detail-heading" ref={heading} tabIndex={-1}>
          <code>{scopeName(row.name)}</code>
        </h2>
        <StatusLozenge status={row.status} />
        <span className="si-muted">{row.kind}</span>
        <span className="si-grow" />
        <Button appearance="subtle" onClick={onClose} testId="detail-close">
          Close
        </Button>
      </div>
      <p>{row.status === 'granted-only' ? GLOSSARY.grantedOnly : GLOSSARY[row.status]}</p>
      {row.note ? <p className="si-muted">{row.note}</p> : null}
      {detail ? (
        <>
          <p data-testid="detail-runtime">
            {detail.calls
              ? `${plural(detail.calls, 'call')} in the window${detail.failures ? `, ${failedCalls(detail.failures)}` : ''}; first ${formatDay(detail.firstSeen)}, last ${formatDay(detail.lastSeen)}; on ${plural(detail.sites, 'site')}.`
              : 'Not seen at runtime in the window.'}
          </p>
          <section aria-labelledby="si-features-heading">
            <Heading size="xsmall" as="h3" id="si-features-heading">
              Features using it
            </Heading>
            {detail.modules.length ? (
              <ul className="si-list" data-testid="detail-modules">
                {detail.modules.map((m) => (
                  <li key={m.key}>{moduleLabel(m)}</li>
                ))}
              </ul>
            ) : (
              <p className="si-muted">No manifest module is known to use it{detail.calls ? '' : ' (modules are known from runtime calls, triggers and module declarations)'}.</p>
            )}
          </section>
          <Impact detail={detail} declared={row.declared} />
          <section aria-labelledby="si-why-heading">
            <Heading size="xsmall" as="h3" id="si-why-heading">
              Why: {plural(detail.reasons.length, 'reason')}
            </Heading>
            <Reasons detail={detail} />
          </section>
          <Endpoints endpoints={endpoints} sites={report.runtime.sites} />
          {endpoints.length ? (
            <Button appearance="subtle" onClick={() => onShowEndpoints(row.name)}>
              Open these in the Endpoints tab
            </Button>
          ) : null}
        </>
      ) : null}
    </aside>
  );
}
