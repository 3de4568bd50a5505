import type { CallPrincipal } from '../scan/types';
import type { Principal } from '../usage/format';

/**
 * One word per way a call is authorized, whichever side saw it: the recorder names principals
 * `app`/`user`/`none`, the scanner `asApp`/`asUser`/`default`, and a table mixing both
 * vocabularies read as two kinds of caller where there is one.
 */
const LABELS: Record<Principal | CallPrincipal, string> = {
  app: 'as app',
  asApp: 'as app',
  user: 'as user',
  asUser: 'as user',
  // A bare `requestJira`: `@forge/api` sends it with provider `none` (see Principal).
  none: 'bare call',
  default: 'bare call',
  bridge: 'bridge (user)',
  inspector: 'Scope Inspector',
};

/** Returns the label of a runtime or static principal, the same for both sides. */
export function principalLabel(principal: Principal | CallPrincipal): string {
  return LABELS[principal] ?? String(principal);
}
