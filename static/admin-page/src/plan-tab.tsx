import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { useState } from 'react';
import type { GetReportResult } from '../../../src/resolvers/contract';
import { copyText } from './download';
import { formatCount } from './format';

function diffClass(line: string): string {
  if (line.startsWith('+++') || line.startsWith('---')) return 'si-diff-file';
  if (line.startsWith('@@')) return 'si-diff-hunk';
  if (line.startsWith('+')) return 'si-diff-add';
  if (line.startsWith('-')) return 'si-diff-del';
  return '';
}

/** Returns the Plan tab: what applying the plan costs, the recommended `permissions.scopes` block (copyable) and its diff against manifest.yml. */
export default function PlanTab({ data }: { data: GetReportResult }) {
  const { plan } = data.report;
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => setCopied((await copyText(data.planYaml)) ? 'copied' : 'failed');
  const unchanged = plan.add.length === 0 && plan.remove.length === 0;
  return (
    <div className="si-stack">
      <p>
        The least-privilege plan keeps {formatCount(plan.scopes.length)} scopes, authorizing {formatCount(plan.authorizedOperations)} operations
        {plan.add.length ? `; adds ${plan.add.join(', ')}` : ''}
        {plan.remove.length ? `; removes ${plan.remove.join(', ')}` : ''}.{unchanged ? ' manifest.yml already matches it.' : ''}
        {plan.search === 'greedy' ? ' (Chosen heuristically: too many combinations to try them all.)' : ''}
      </p>
      <SectionMessage appearance={plan.cost.approval === 'not-required' ? 'success' : 'warning'} title="What applying the plan costs" testId="plan-cost">
        <p>{plan.cost.summary}</p>
        {plan.cost.withoutApproval ? <p data-testid="plan-without-approval">{plan.cost.withoutApproval.summary}</p> : null}
      </SectionMessage>
      {plan.replacements.length ? (
        <section aria-labelledby="si-replace-heading">
          <Heading size="small" as="h2" id="si-replace-heading">
            Classic scopes replaced by granular ones
          </Heading>
          <ul className="si-list" data-testid="plan-replacements">
            {plan.replacements.map((r) => (
              <li key={r.classic}>
                <code className="si-code-inline">{r.classic}</code> → {r.replacement.map((s) => <code key={s} className="si-code-inline">{s}</code>)}: operations authorized {formatCount(r.authorizedBefore)} → {formatCount(r.authorizedAfter)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {plan.keptForUnresolved.length ? (
        <p className="si-muted" data-testid="plan-kept">
          Kept because the tool cannot tell whether they are needed (see the Scopes tab, status unverifiable): {plan.keptForUnresolved.join(', ')}.
        </p>
      ) : null}
      <section aria-labelledby="si-plan-heading">
        <div className="si-row">
          <Heading size="small" as="h2" id="si-plan-heading">
            Recommended permissions.scopes
          </Heading>
          <Button onClick={copy} testId="copy-plan">
            {copied === 'copied' ? 'Copied' : 'Copy'}
          </Button>
          <span className="si-muted" aria-live="polite">
            {copied === 'failed' ? 'Copy failed: select the text and copy it by hand.' : ''}
          </span>
        </div>
        <pre className="si-code" data-testid="plan-yaml" tabIndex={0} aria-label="Recommended permissions.scopes YAML">
          {data.planYaml}
        </pre>
      </section>
      <section aria-labelledby="si-diff-heading">
        <Heading size="small" as="h2" id="si-diff-heading">
          Diff against manifest.yml
        </Heading>
        {data.planDiff.trim() ? (
          <pre className="si-code" data-testid="plan-diff" tabIndex={0} aria-label="Diff of the plan against manifest.yml">
            {data.planDiff.replace(/\n$/, '').split('\n').map((line, i) => (
              <span key={i} className={`si-diff-line ${diffClass(line)}`}>
                {line}
                {'\n'}
              </span>
            ))}
          </pre>
        ) : (
          <p className="si-muted" data-testid="plan-diff">
            No changes: manifest.yml already declares the plan.
          </p>
        )}
      </section>
    </div>
  );
}
