// The issue panel ("Recent activity") and Confluence byline item ("Page facts"): one tiny page,
// plain DOM (no framework) so it loads fast inside the product's iframe.
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

async function main(): Promise<void> {
  const context = (await view.getContext()) as { extension?: { type?: string } };
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
