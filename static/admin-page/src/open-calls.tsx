import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import type { Report } from '../../../src/analysis/report-types';
import { candidateCallText, unresolvedText } from '../../../src/report/call-facts';

/**
 * Returns the calls the code makes whose operation the tool could not pin down: calls that select
 * one of several operations (candidates), and unresolved calls with what is known of them (a link
 * followed from an earlier response, a GraphQL operation, a remote); nothing when there are none.
 * They are why scopes stay "cannot tell" or "missing if called".
 */
export function OpenCalls({ report }: { report: Pick<Report, 'candidateCalls' | 'unresolved'> }) {
  if (report.candidateCalls.length === 0 && report.unresolved.length === 0) return null;
  return (
    <section aria-labelledby="si-open-calls-heading" data-testid="open-calls">
      <Heading size="small" as="h2" id="si-open-calls-heading">
        Calls the tool could not pin down
      </Heading>
      <p className="si-muted">Their scopes are kept, never proposed for removal; a candidate the manifest does not cover is “missing if called”.</p>
      <ul className="si-list">
        {report.candidateCalls.map((c) => (
          <li key={`c ${c.file}:${c.line}:${c.column}`} data-testid="candidate-call">
            <Lozenge appearance="moved">candidates</Lozenge> <code className="si-code-inline">{`${c.file}:${c.line}`}</code> {candidateCallText(c, c.operations.length)}
          </li>
        ))}
        {report.unresolved.map((u, i) => (
          <li key={`u ${u.file}:${u.line}:${u.column}:${i}`} data-testid="unresolved-call">
            <Lozenge appearance="moved">{u.link ? 'follows a link' : u.surface ?? (u.code === 'INTERNAL_API' ? 'internal API' : 'unresolved')}</Lozenge> <code className="si-code-inline">{`${u.file}:${u.line}`}</code> {unresolvedText(u)}
          </li>
        ))}
      </ul>
    </section>
  );
}
