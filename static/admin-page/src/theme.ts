import getThemeHtmlAttrs from '@atlaskit/tokens/get-theme-html-attrs';

/** Colour mode the page renders in. */
export type ColorMode = 'light' | 'dark';

/** Returns the colour mode the host asked for (`view.getContext().theme.colorMode`), else the OS preference. */
export function resolveColorMode(hostMode: unknown, prefersDark: boolean): ColorMode {
  if (hostMode === 'light' || hostMode === 'dark') return hostMode;
  return prefersDark ? 'dark' : 'light';
}

/**
 * Applies Atlaskit's theme attributes to <html>. The theme CSS itself is bundled into the page's
 * stylesheet at build time (scripts/build-admin-page.ts), because Forge's CSP forbids the
 * <style> elements that `setGlobalTheme` would inject.
 */
export function applyTheme(mode: ColorMode): void {
  const attrs = getThemeHtmlAttrs({ colorMode: mode, light: 'light', dark: 'dark', spacing: 'spacing', typography: 'typography', shape: 'shape' });
  for (const [name, value] of Object.entries(attrs)) document.documentElement.setAttribute(name, value);
}

/** Follows the host's colour mode, or the OS preference (live) when the host gives none; returns a stop function. */
export function followTheme(hostMode: unknown): () => void {
  const query = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : undefined;
  applyTheme(resolveColorMode(hostMode, query?.matches ?? false));
  if (!query || hostMode === 'light' || hostMode === 'dark') return () => undefined;
  const onChange = (event: MediaQueryListEvent) => applyTheme(resolveColorMode(undefined, event.matches));
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}
