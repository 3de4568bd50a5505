import { scopeChangeCost } from '../release/approval-cost';
import { countText } from './count-text';
import type { PlanCost, PlanReplacement } from './report-types';

const list = (items: readonly string[]): string => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);
const scopes = (n: number, kind = '') => `${n} ${kind}${kind ? ' ' : ''}scope${n === 1 ? '' : 's'}`;

/** What the plan is, as the report holds it. */
export interface PlanShape {
  scopes: readonly string[];
  add: readonly string[];
  remove: readonly string[];
  replacements: readonly PlanReplacement[];
}

/** Returns the plan's changes as phrases: "swapping read:jira-work for 11 granular scopes", "removing …", "adding …". */
function changeWords(plan: PlanShape): string[] {
  const replaced = new Set(plan.replacements.map((r) => r.classic));
  const brought = new Set(plan.replacements.flatMap((r) => r.replacement));
  const words = plan.replacements.map((r) => `swapping ${r.classic} for ${r.replacement.length === 1 ? r.replacement[0] : scopes(r.replacement.length, 'granular')}`);
  const removed = plan.remove.filter((s) => !replaced.has(s));
  const added = plan.add.filter((s) => !brought.has(s));
  if (removed.length) words.push(`removing ${list(removed)}`);
  if (added.length) words.push(`adding ${list(added)}`);
  return words;
}

/**
 * Returns what applying the plan costs: by Atlassian's rules (`scopeChangeCost`, src/release) any
 * change to the declared scopes, removals included, makes a major version every site's admin must
 * approve. States the operations authorized before and after, and the variant that needs no
 * approval — keeping today's scopes — with what it leaves missing.
 */
export function planCost(declared: readonly string[], plan: PlanShape, authorizedBefore: number, authorizedAfter: number, missing: readonly string[]): PlanCost {
  const cost = scopeChangeCost(declared, plan.scopes);
  if (cost.changes.length === 0) {
    return { approval: cost.approval, summary: 'Applying the plan changes nothing: manifest.yml already declares its scopes, so there is nothing for site admins to approve.', authorizedBefore, authorizedAfter, withoutApproval: null };
  }
  const effect =
    authorizedAfter < authorizedBefore
      ? `authorizes ${countText(authorizedAfter)} catalog operations instead of ${countText(authorizedBefore)}`
      : authorizedAfter > authorizedBefore
        ? `authorizes ${countText(authorizedAfter)} catalog operations instead of ${countText(authorizedBefore)} (more: the scopes it adds cover operations today's do not)`
        : `authorizes as many catalog operations as today (${countText(authorizedAfter)})`;
  const approval =
    cost.approval === 'required'
      ? "but it changes the scopes, so every site's admin must approve a new major version before it applies there"
      : cost.approval === 'unclear'
        ? "and Atlassian's rules do not say whether site admins must approve it"
        : 'and it rolls out to every site without approval';
  const words = changeWords(plan);
  const summary = `${words.length ? `Applying the plan (${list(words)})` : 'Applying the plan'} ${effect}, ${approval}.`;
  const stillMissing = missing.length ? `; ${list([...missing])} stay${missing.length === 1 ? 's' : ''} missing, so the calls that need ${missing.length === 1 ? 'it' : 'them'} keep failing` : '';
  return {
    approval: cost.approval,
    summary,
    authorizedBefore,
    authorizedAfter,
    withoutApproval: cost.approval === 'not-required' ? null : { summary: `Keeping today's scopes needs no approval: they authorize ${countText(authorizedBefore)} catalog operations${stillMissing}. No smaller set avoids the approval, because any change to the scopes needs one.`, authorized: authorizedBefore },
  };
}
