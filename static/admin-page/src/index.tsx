// The page's first module: it asks for the report and the host's context as soon as it runs, then
// loads the page (React, Atlaskit: ./mount, preloaded by index.html) while the resolver works.
import { view } from '@forge/bridge';
import { DEFAULT_WINDOW } from '../../../src/resolvers/contract';
import { getReport } from './api';

const firstReport = getReport(DEFAULT_WINDOW);
firstReport.catch(() => undefined); // the page reports the failure; this only avoids an unhandled rejection meanwhile
const hostMode = view.getContext().then(
  (context) => (context as { theme?: { colorMode?: unknown } | null }).theme?.colorMode,
  () => undefined, // without a context (a host that does not answer) the OS preference decides
);

void import('./mount.js').then(({ mount }) => mount(document.getElementById('root')!, firstReport, hostMode));
