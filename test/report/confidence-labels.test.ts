import type { Report } from '../../src/analysis/report-types';
import { confidenceOf } from '../../src/report/confidence';
import { moduleLabel, moduleTypeLabel } from '../../src/report/module-label';

const runtime = (window: Partial<Report['runtime']['window']>, sites = 1) =>
  ({ runtime: { sites, window: { firstDay: null, lastDay: null, daysObserved: 0, days: 90, start: null, end: null, undated: 0, ...window } } }) as unknown as Pick<Report, 'runtime'>;

describe('confidence statement', () => {
  it.each([
    [runtime({}, 0), 'none', 'No runtime data yet'],
    [runtime({ days: 7 }), 'none', 'No calls of the app in the last 7 days'],
    [runtime({ firstDay: '2026-11-29', lastDay: '2026-11-29', daysObserved: 1 }), 'short', 'Observed for 1 day (2026-11-29, calls on 1 day). Too short to tell'],
    [runtime({ firstDay: '2026-10-01', lastDay: '2026-11-29', daysObserved: 40, days: 30 }), 'partial', 'Shorter than advised'],
    [runtime({ firstDay: '2026-09-01', lastDay: '2026-11-29', daysObserved: 80 }), 'enough', 'Observed for 90 days (2026-09-01 → 2026-11-29, calls on 80 days): as long as'],
  ])('%#: %s', (report, level, text) => {
    const c = confidenceOf(report);
    expect(c.level).toBe(level);
    expect(c.text).toContain(text);
    if (level !== 'enough') expect(c.text).toContain('never "unused"');
  });

  it('cites the 90 days the anchors use and suggests the longer window when a shorter one is chosen', () => {
    const c = confidenceOf(runtime({ firstDay: '2026-11-25', lastDay: '2026-11-29', daysObserved: 5, days: 7, undated: 12 }));
    expect(c.text).toContain('AWS IAM Access Analyzer and Google Cloud\'s IAM recommender look at 90 days of use');
    expect(c.text).toContain('Choose the 90-day window');
    expect(c.text).toContain('12 calls from older usage files carry no dates');
  });
});

describe('module labels', () => {
  it.each([
    ['jira:issuePanel', 'Issue panel'],
    ['confluence:contentBylineItem', 'Content byline item'],
    ['jira:adminPage', 'Admin page'],
    ['scheduledTrigger', 'Scheduled trigger'],
    ['bitbucket:repoCodeOverviewCard', 'Repo code overview card'],
    ['jiraServiceManagement:portal-request-detail', 'Portal request detail'],
    [undefined, 'Module'],
  ])('%s reads "%s"', (type, label) => expect(moduleTypeLabel(type)).toBe(label));

  it('names a module by type and title, or by key without a title', () => {
    expect(moduleLabel({ key: 'issue-activity', type: 'jira:issuePanel', title: 'Recent activity' })).toBe('Issue panel · Recent activity');
    expect(moduleLabel({ key: 'issue-created-trigger', type: 'trigger' })).toBe('Trigger · issue-created-trigger');
  });
});
