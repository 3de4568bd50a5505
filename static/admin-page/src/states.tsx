import EmptyState from '@atlaskit/empty-state';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { describeError } from './api';

/** Returns a centred spinner with an accessible label. */
export function Loading({ label }: { label: string }) {
  return (
    <div className="si-loading" role="status" aria-live="polite">
      <Spinner size="large" label={label} />
      <span className="si-muted">{label}</span>
    </div>
  );
}

/** Returns an error SectionMessage for a resolver failure or any other error. */
export function ErrorMessage({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  const { code, message } = describeError(error);
  return (
    <SectionMessage appearance="error" title={title} testId="error-message">
      <p>
        {code ? <code className="si-code-inline">{code}</code> : null} {message}
      </p>
    </SectionMessage>
  );
}

/** Returns the page for a user the resolver refused (`NOT_ADMIN`): usage data is for admins only. */
export function NotAdmin() {
  return (
    <SectionMessage appearance="information" title="Scope Inspector is for administrators" testId="not-admin">
      <p>Recorded usage, the report and its exports are shown to site or product administrators only. Ask one of them for the report.</p>
    </SectionMessage>
  );
}

/** Returns an empty state explaining why there is nothing to show. */
export function Empty({ header, description }: { header: string; description: string }) {
  return <EmptyState header={header} description={description} headingLevel={3} testId="empty-state" />;
}
