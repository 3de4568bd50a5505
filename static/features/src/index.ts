// The issue panel ("Recent activity") and Confluence byline item ("Page facts"): one tiny page,
// plain DOM (no framework) so it loads fast inside the product's iframe. Styled by Atlaskit's
// design tokens (themes.css and features.css, linked from index.html: Forge's CSP allows no inline style).
import getThemeHtmlAttrs from '@atlaskit/tokens/get-theme-html-attrs';
import { invoke, view } from '@forge/bridge';

const root = document.getElementById('root')!;

function show(lines: string[], error = false): void {
  root.replaceChildren(
    ...lines.map((text) => {
      const p = document.createElement('p');
      p.textContent = text;
      if (error) p.setAttribute('role', 'alert');
      return p;
    }),
  );
}

/** Applies the product's colour mode (or the OS preference) as Atlaskit's theme attributes on <html>. */
function applyTheme(colorMode: unknown): void {
  const mode = colorMode === 'dark' || colorMode === 'light' ? colorMode : window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  const attrs = getThemeHtmlAttrs({ colorMode: mode, light: 'light', dark: 'dark', typography: 'typography' });
  for (const [name, value] of Object.entries(attrs)) document.documentElement.setAttribute(name, value);
}

async function main(): Promise<void> {
  const context = (await view.getContext()) as { extension?: { type?: string }; theme?: { colorMode?: unknown } };
  applyTheme(context.theme?.colorMode);
  view.theme.enable().catch(() => undefined); // Forge then keeps the theme attributes in step with the product
  const extension = context.extension ?? {};
  if (extension.type === 'jira:issuePanel') {
    // The resolver reads the issue from the platform's context, not from what the page sends.
    const result = (await invoke('getIssueActivity')) as any;
    if (!result?.ok) return show([result?.message ?? 'Could not load the activity.'], true);
    show([
      `${result.comments.length} recent comment(s)` + (result.comments[0] ? `, latest by ${result.comments[0].author}` : ''),
      `Transitions: ${result.transitions.map((t: { name: string }) => t.name).join(', ') || 'none available'}`,
    ]);
  } else {
    const result = (await invoke('getPageFacts')) as any;
    if (!result?.ok) return show([result?.message ?? 'Could not load the page facts.'], true);
    show([`Version ${result.version}`, `Labels: ${result.labels.join(', ') || 'none'}`]);
  }
}

main().catch((error: Error) => show([`Something went wrong: ${error.message}`], true));
