import { analyze } from '../../src/analysis';
import { call, inputOf, scanOf, unresolved, usageOf } from '../analysis/inputs';
import { filterScopeRows, scopeRows } from '../../static/admin-page/src/scope-rows';
import { resolveColorMode } from '../../static/admin-page/src/theme';
import { parseCsv } from './downloads';

const GET_ISSUE = 'GET /rest/api/3/issue/{issueIdOrKey}';
const PUT_PROPERTY = 'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}';
const BANNER = 'GET /rest/api/3/announcementBanner';
const MYSELF = 'GET /rest/api/3/myself';

/** A real report (through analyze) with one scope of every verdict, an invalid one and one only granted. */
function reportWithEveryVerdict() {
  const declared = ['read:jira-work', 'write:jira-work', 'manage:jira-configuration', 'storage:app', 'read:page:confluence', 'read:repository:bitbucket', 'read:jira-things'];
  const usage = usageOf('site-a', [{ key: GET_ISSUE, calls: 5 }, { key: BANNER, calls: 4, mismatch: 4 }, { key: MYSELF, calls: 2 }], [...declared.filter((s) => s !== 'manage:jira-configuration'), 'read:me']);
  const scan = {
    ...scanOf([call(GET_ISSUE, 'src/a.ts:3'), call(PUT_PROPERTY, 'src/a.ts:9'), call(BANNER, 'src/b.ts:2')], [unresolved([], 'src/c.ts:4', 'requestConfluence')]),
    forgeApiNeeds: [{ file: 'src/store.ts', line: 1, column: 1, alternatives: [['storage:app']], reason: 'Forge storage (@forge/kvs): @forge/kvs imported (src/store.ts:1)', source: 'forge-api' as const, feature: 'Forge storage (@forge/kvs)' }],
  };
  return analyze({ ...inputOf(declared, [], { scan, usage: [usage], modules: [{ key: 'main', type: 'jira:issuePanel', title: 'Recent activity' }] }), invalid: [{ name: 'read:jira-things', line: 16, column: 7, reason: 'not a scope @forge/manifest knows', suggestion: 'read:jira-work' }] });
}

describe('scope rows of the Scopes tab', () => {
  const report = reportWithEveryVerdict();
  const rows = new Map(scopeRows(report).map((r) => [r.name, r]));

  it.each([
    ['read:jira-work', 'in-use', 'classic'],
    ['write:jira-work', 'code-only', 'classic'],
    ['storage:app', 'platform', 'classic'],
    ['manage:jira-configuration', 'not-granted', 'classic'],
    ['read:user:jira', 'missing', 'granular'],
    ['read:page:confluence', 'unverifiable', 'granular'],
    ['read:jira-things', 'unverifiable', 'classic'],
    ['read:repository:bitbucket', 'unused', 'granular'],
    ['read:me', 'granted-only', 'classic'],
  ])('gives %s the status %s and kind %s', (name, status, kind) => {
    expect(rows.get(name)).toMatchObject({ status, kind });
  });

  it('shows the verdict of the report, never one of its own', () => {
    const verdicts = new Map(report.scopes.details.map((d) => [d.scope, d.verdict]));
    for (const row of rows.values()) if (row.status !== 'granted-only') expect(row.status).toBe(verdicts.get(row.name));
  });

  it('carries the runtime evidence of the detail, and marks a scope whose every call failed as failing', () => {
    expect(rows.get('read:jira-work')).toMatchObject({ calls: 5, failures: 0, failing: false });
    expect(rows.get('manage:jira-configuration')).toMatchObject({ calls: 4, failures: 4, failing: true, note: expect.stringContaining('has not granted it') });
    expect(rows.get('read:user:jira')).toMatchObject({ declared: false, neededBy: [MYSELF], calls: 2 });
  });

  it('names what blocks an unverifiable verdict, and the suggestion for an invalid scope', () => {
    expect(rows.get('read:page:confluence')?.neededBy[0]).toContain('src/c.ts:4');
    expect(rows.get('read:jira-things')?.note).toBe('Did you mean read:jira-work?');
  });

  it('counts the installations that granted a scope', () => {
    expect(rows.get('read:jira-work')?.grantedBy).toBe(1);
    expect(rows.get('manage:jira-configuration')?.grantedBy).toBe(0);
  });

  it.each([
    ['', undefined, undefined, 12],
    ['', 'unused', undefined, 1],
    ['', 'missing', undefined, 4], // GET /myself's granular alternative has four scopes
    ['myself', undefined, undefined, 4],
    ['nothing-like-this', undefined, undefined, 0],
    ['', undefined, 'main', 6], // the scopes whose calls the usage attributes to the module `main`
    ['issue panel · recent', undefined, undefined, 6], // a module's name finds its scopes too
  ] as const)('filters by text %j, status %j and module %j to %i rows', (text, status, module, count) => {
    expect(filterScopeRows(scopeRows(report), { text, status, module })).toHaveLength(count);
  });

  it('lists what needs attention first: worst verdict first, then a failing scope, then by name', () => {
    const order = scopeRows(report).map((r) => r.status);
    const rank = (s: string) => ['missing', 'not-granted', 'unverifiable', 'unused', 'platform', 'code-only', 'in-use', 'granted-only'].indexOf(s);
    expect(order.map(rank)).toEqual([...order.map(rank)].sort((a, b) => a - b));
    expect(order[0]).toBe('missing');
  });
});

describe('colour mode', () => {
  it.each([
    ['dark', false, 'dark'],
    ['light', true, 'light'],
    [undefined, true, 'dark'],
    [undefined, false, 'light'],
    ['auto', true, 'dark'],
  ] as const)('host %j with OS dark=%j renders %s', (host, prefersDark, mode) => {
    expect(resolveColorMode(host, prefersDark)).toBe(mode);
  });
});

describe('the e2e CSV reader', () => {
  it('reads quoted fields with commas, doubled quotes and newlines', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\nthere'],
    ]);
  });
});
