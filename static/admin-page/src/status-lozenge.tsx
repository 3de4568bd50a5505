import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import { VERDICT_LABEL } from './glossary';
import type { ScopeStatus } from './scope-rows';

// Green only for what was observed succeeding; red for what fails or is missing.
const APPEARANCE: Record<ScopeStatus, ThemeAppearance> = {
  'in-use': 'success',
  'code-only': 'inprogress',
  platform: 'new',
  'not-granted': 'removed',
  missing: 'removed',
  'missing-if-called': 'moved',
  unverifiable: 'moved',
  unused: 'moved',
  'granted-only': 'default',
};

/** Returns a scope status in plain words: "In use", "Not granted", "Granted, not declared". */
export const statusLabel = (status: ScopeStatus): string => (status === 'granted-only' ? 'Granted, not declared' : VERDICT_LABEL[status]);

/** Returns a lozenge for a scope status. */
export function StatusLozenge({ status }: { status: ScopeStatus }) {
  return (
    <span data-testid="scope-status" data-status={status}>
      <Lozenge appearance={APPEARANCE[status]}>{statusLabel(status)}</Lozenge>
    </span>
  );
}
