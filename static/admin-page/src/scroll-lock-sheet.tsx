import { PureComponent, type ComponentType } from 'react';

/** The body styles a lock sets, with what they were before (value and priority), to put back. */
type Saved = Record<string, { value: string; priority: string }>;

let locks = 0;
let saved: Saved | undefined;

/** Sets the body's styles through the CSSOM, which a Content Security Policy without 'unsafe-inline' allows (a `<style>` element it refuses). */
function lockBody(accountForScrollbars: boolean): void {
  const body = document.body;
  const styles: Record<string, string> = { 'box-sizing': 'border-box', overflow: 'hidden', position: 'relative', height: `${body.clientHeight}px` };
  if (accountForScrollbars) {
    // What react-scrolllock pads the body by: its own right padding plus the scrollbar the lock hides.
    const padding = parseInt(getComputedStyle(body).paddingRight, 10) + (window.innerWidth - document.documentElement.clientWidth);
    if (padding) styles['padding-right'] = `${padding}px`;
  }
  saved = Object.fromEntries(Object.keys(styles).map((p) => [p, { value: body.style.getPropertyValue(p), priority: body.style.getPropertyPriority(p) }]));
  for (const [p, v] of Object.entries(styles)) body.style.setProperty(p, v, 'important');
}

function unlockBody(): void {
  for (const [p, { value, priority }] of Object.entries(saved ?? {})) {
    if (value) document.body.style.setProperty(p, value, priority);
    else document.body.style.removeProperty(p);
  }
  saved = undefined;
}

/**
 * Stands in for react-scrolllock's `withLockSheet` (the build swaps it in; @atlaskit/modal-dialog
 * locks the page's scrolling behind a dialog with it). The original injects a `<style>` element,
 * which Forge's Custom UI policy (`style-src 'self'`) blocks; this sets the same body styles through
 * the CSSOM, which the policy allows, and restores them when the last lock goes.
 */
export default function withLockSheet<P extends { accountForScrollbars?: boolean }>(Wrapped: ComponentType<P>): ComponentType<P> {
  return class SheetProvider extends PureComponent<P> {
    override componentDidMount(): void {
      if (locks++ === 0) lockBody(this.props.accountForScrollbars !== false);
    }
    override componentWillUnmount(): void {
      if (--locks === 0) unlockBody();
    }
    override render() {
      return <Wrapped {...this.props} />;
    }
  };
}
