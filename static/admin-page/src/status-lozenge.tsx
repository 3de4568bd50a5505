import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import type { ScopeStatus } from './scope-rows';

const APPEARANCE: Record<ScopeStatus, ThemeAppearance> = {
  used: 'success',
  unused: 'moved',
  'unused-unless-unresolved': 'default',
  missing: 'removed',
  invalid: 'removed',
  replaceable: 'inprogress',
  'granted-only': 'new',
};

/** Returns a lozenge for a scope status. */
export function StatusLozenge({ status }: { status: ScopeStatus }) {
  return <Lozenge appearance={APPEARANCE[status]}>{status}</Lozenge>;
}
