import type { Report } from '../analysis/report-types';
import { countText } from '../analysis/count-text';
import { daysBetween } from '../analysis/usage-window';

/**
 * Days of observation the anchors look at before calling access unused: AWS IAM Access Analyzer's
 * unused-access tracking period (1–365 days, 90 in its documentation's example) and Google
 * Cloud's IAM recommender (permission use "in the last 90 days"). Sources: docs/admin-page.md.
 */
export const ANCHOR_DAYS = 90;

/** How far the runtime evidence can be trusted, for people. */
export interface Confidence {
  /** `none`: no runtime data; `short`: under a week; `partial`: under `ANCHOR_DAYS`; `enough`: at least that. */
  level: 'none' | 'short' | 'partial' | 'enough';
  /** One or two plain sentences. */
  text: string;
}

const days = (n: number) => `${countText(n)} day${n === 1 ? '' : 's'}`;
const ANCHORS = `AWS IAM Access Analyzer and Google Cloud's IAM recommender look at ${ANCHOR_DAYS} days of use before calling access unused`;
const KEPT = 'Scopes the code can call stay "code only", never "unused", however short the window.';

/** Returns the plain confidence statement of a report's window (every surface shows this one). */
export function confidenceOf(report: Pick<Report, 'runtime'>): Confidence {
  const { window, sites } = report.runtime;
  if (sites === 0) return { level: 'none', text: `No runtime data yet: the verdicts rest on the code alone. ${KEPT}` };
  if (!window.firstDay || !window.lastDay) {
    const range = window.days === null ? 'in the usage recorded' : `in the last ${days(window.days)}`;
    return { level: 'none', text: `No calls of the app ${range}: nothing tells which scopes it uses in practice. ${KEPT}` };
  }
  const span = daysBetween(window.firstDay, window.lastDay).length;
  const seen = `Observed for ${days(span)} (${window.firstDay === window.lastDay ? window.firstDay : `${window.firstDay} → ${window.lastDay}`}, calls on ${days(window.daysObserved)})`;
  const undated = window.undated ? ` ${countText(window.undated)} calls from older usage files carry no dates and are counted whole.` : '';
  if (span >= ANCHOR_DAYS) return { level: 'enough', text: `${seen}: as long as ${ANCHORS}.${undated}` };
  const level = span < 7 ? 'short' : 'partial';
  const advice = window.days !== null && window.days < ANCHOR_DAYS ? ` Choose the ${ANCHOR_DAYS}-day window to see more.` : '';
  return { level, text: `${seen}. ${level === 'short' ? 'Too short' : 'Shorter than advised'} to tell which scopes the app uses in practice: ${ANCHORS}. ${KEPT}${advice}${undated}` };
}
