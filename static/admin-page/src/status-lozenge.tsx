import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import type { ScopeStatus } from './scope-rows';

// Green only for what was observed succeeding; red for what fails or is missing.
const APPEARANCE: Record<ScopeStatus, ThemeAppearance> = {
  'in-use': 'success',
  'code-only': 'inprogress',
  platform: 'new',
  'not-granted': 'removed',
  missing: 'removed',
  unverifiable: 'default',
  unused: 'moved',
  'granted-only': 'default',
};

/** Returns a lozenge for a scope status. */
export function StatusLozenge({ status }: { status: ScopeStatus }) {
  return <Lozenge appearance={APPEARANCE[status]}>{status}</Lozenge>;
}
