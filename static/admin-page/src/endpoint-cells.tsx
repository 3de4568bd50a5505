import Lozenge from '@atlaskit/lozenge';
import type { EndpointReport } from '../../../src/analysis/report-types';
import { PATH_FORM_NOTE } from '../../../src/report/call-facts';
import { principalLabel } from '../../../src/report/principal-label';
import { formatCount, formatDay } from './format';
import { Breakable } from './breakable';

/** Returns who made the calls: runtime principals, else the static call sites' principals, in one vocabulary. */
export function principalsOf(e: EndpointReport): string {
  const names = e.runtime?.principals.length ? e.runtime.principals : e.calls.map((c) => c.principal);
  return [...new Set(names.map(principalLabel))].sort().join(', ') || '—';
}

/** Returns the status-class counts of an endpoint, only the non-zero ones. */
export function StatusClasses({ endpoint }: { endpoint: EndpointReport }) {
  const status = endpoint.runtime?.status;
  if (!status) return <span className="si-muted">—</span>;
  const parts = (Object.entries(status) as [string, number][]).filter(([, n]) => n > 0);
  if (parts.length === 0) return <span className="si-muted">—</span>;
  return (
    <span className="si-status-classes">
      {parts.map(([cls, n]) => (
        <span key={cls} className={`si-status si-status-${cls}`}>
          {cls} {formatCount(n)}
        </span>
      ))}
    </span>
  );
}

/** Returns the template with its authorization state. */
export function TemplateCell({ endpoint }: { endpoint: EndpointReport }) {
  return (
    <div>
      <code className="si-code-inline si-template"><Breakable text={endpoint.template} /></code>
      {!endpoint.authorized ? (
        <div>
          <Lozenge appearance="removed">needs {endpoint.missing.join(' + ')}</Lozenge>
        </div>
      ) : null}
      {endpoint.deprecated ? <Lozenge appearance="moved">deprecated</Lozenge> : null}
      {endpoint.candidate ? <Lozenge appearance="moved">candidate: the code may call it</Lozenge> : null}
    </div>
  );
}

/** Returns first and last seen days. */
export function SeenCell({ endpoint }: { endpoint: EndpointReport }) {
  if (!endpoint.runtime) return <span className="si-muted">not seen</span>;
  return (
    <span>
      <span className="si-nowrap">{formatDay(endpoint.runtime.firstSeen)}</span> → <span className="si-nowrap">{formatDay(endpoint.runtime.lastSeen)}</span>
    </span>
  );
}

/** Returns up to three static call sites. */
export function LocationsCell({ endpoint }: { endpoint: EndpointReport }) {
  if (endpoint.calls.length === 0) return <span className="si-muted">runtime only</span>;
  const rest = endpoint.calls.length - 3;
  return (
    <ul className="si-list">
      {endpoint.calls.slice(0, 3).map((c) => (
        <li key={`${c.file}:${c.line}:${c.column}`}>
          <code className="si-code-inline">
            <Breakable text={`${c.file}:${c.line}`} />
          </code>
          {c.candidateOf ? <span className="si-muted" title={c.candidateOf}> (a candidate)</span> : null}
          {c.pathForm ? (
            <span className="si-muted" title={PATH_FORM_NOTE[c.pathForm]} data-testid="path-form">
              {' '}
              ({c.pathForm} path form)
            </span>
          ) : null}
          {c.via?.length ? (
            <span className="si-muted">
              {' '}
              via <Breakable text={c.via.map((v) => `${v.file}:${v.line}`).join(' → ')} />
            </span>
          ) : null}
        </li>
      ))}
      {rest > 0 ? <li className="si-muted">+{rest} more</li> : null}
    </ul>
  );
}
