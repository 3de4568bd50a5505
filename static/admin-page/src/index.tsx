import '@atlaskit/css-reset';
import './admin-page.css';
import { view } from '@forge/bridge';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getReport } from './api';
import { App } from './app';
import { followTheme } from './theme';

async function start(): Promise<void> {
  // Ask for the report at once, in parallel with the context: the resolver is the slow part.
  const firstReport = getReport();
  firstReport.catch(() => undefined); // App reports the failure; this only avoids an unhandled rejection meanwhile
  let hostMode: unknown;
  try {
    const context = (await view.getContext()) as { theme?: { colorMode?: unknown } | null };
    hostMode = context.theme?.colorMode;
  } catch {
    // Without a context (a host that does not answer) the OS preference decides.
  }
  const stopFollowingOs = followTheme(hostMode);
  // On Forge this keeps <html data-color-mode> in step with the product's theme as the user
  // switches it (themes.css reacts to the attribute), so the OS preference no longer decides;
  // hosts without it (the sandbox) reject and the page keeps what it applied above.
  view.theme.enable().then(stopFollowingOs, () => undefined);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App firstReport={firstReport} />
    </StrictMode>,
  );
}

void start();
