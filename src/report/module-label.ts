import type { ScopeModule } from '../analysis/verdict-types';

/** Module types whose words alone do not say what they are. */
const TYPE_LABELS: Record<string, string> = {
  trigger: 'Trigger',
  scheduledTrigger: 'Scheduled trigger',
  webtrigger: 'Web trigger',
  function: 'Function',
  endpoint: 'Endpoint',
  remote: 'Remote',
  consumer: 'Queue consumer',
  'rovo:agent': 'Rovo agent',
  'rovo:action': 'Rovo action',
};

/** Returns a manifest module type for people: `jira:issuePanel` → "Issue panel", `confluence:contentBylineItem` → "Content byline item". */
export function moduleTypeLabel(type: string | undefined): string {
  if (!type) return 'Module';
  if (TYPE_LABELS[type]) return TYPE_LABELS[type];
  const name = type.slice(type.lastIndexOf(':') + 1);
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[-_]+/g, ' ').toLowerCase().trim();
  return words ? words[0].toUpperCase() + words.slice(1) : type;
}

/** Returns a module as the page and the reports name it: "Issue panel · Recent activity" (its key when it has no title). */
export function moduleLabel(module: ScopeModule): string {
  return `${moduleTypeLabel(module.type)} · ${module.title ?? module.key}`;
}
