import '@atlaskit/css-reset';
import './admin-page.css';
import { view } from '@forge/bridge';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { GetReportResult } from '../../../src/resolvers/contract';
import { App } from './app';
import { followTheme } from './theme';

/** Renders the page into `root`, with the report requested by main.js and the host's colour mode. */
export async function mount(root: HTMLElement, firstReport: Promise<GetReportResult>, hostMode: Promise<unknown>): Promise<void> {
  const stopFollowingOs = followTheme(await hostMode);
  // On Forge this keeps <html data-color-mode> in step with the product's theme as the user
  // switches it (themes.css reacts to the attribute), so the OS preference no longer decides;
  // hosts without it (the sandbox) reject and the page keeps what it applied above.
  view.theme.enable().then(stopFollowingOs, () => undefined);
  createRoot(root).render(
    <StrictMode>
      <App firstReport={firstReport} />
    </StrictMode>,
  );
}
