import type { EndpointReport, Report } from '../../src/analysis/report-types';
import { scopeEvidence } from '../../src/analysis/scope-evidence';
import { filterScopeRows, scopeRows } from '../../static/admin-page/src/scope-rows';
import { resolveColorMode } from '../../static/admin-page/src/theme';
import { parseCsv } from './downloads';

const at = (file: string, line: number) => ({ file, line, column: 1 });

/** A report's scope part with one scope in every status. */
const report: Pick<Report, 'scopes' | 'runtime'> = {
  scopes: {
    declared: [
      { name: 'read:jira-work', line: 8, column: 7, kind: 'classic', valid: true },
      { name: 'read:issue:jira', line: 9, column: 7, kind: 'granular', valid: true },
      { name: 'manage:jira-configuration', line: 10, column: 7, kind: 'classic', valid: true },
      { name: 'read:jira-things', line: 11, column: 7, kind: 'classic', valid: false },
      { name: 'read:project:jira', line: 12, column: 7, kind: 'granular', valid: true },
    ],
    used: [
      { name: 'read:jira-work', kind: 'classic', neededBy: ['GET /rest/api/3/issue/{issueIdOrKey}'] },
      { name: 'read:issue:jira', kind: 'granular', neededBy: ['GET /rest/api/3/issue/{issueIdOrKey}', 'avi:jira:created:issue'] },
    ],
    unused: [
      { name: 'manage:jira-configuration', line: 10, column: 7, kind: 'classic', status: 'unused', because: [] },
      { name: 'read:project:jira', line: 12, column: 7, kind: 'granular', status: 'unused-unless-unresolved', because: ['src/a.ts:3 requestJira(path)'] },
    ],
    missing: [
      { need: 'POST /rest/api/3/issue/{issueIdOrKey}/comment', where: 'manifest', add: ['write:comment:jira'], locations: [at('src/a.ts', 9)], scopeMismatch401: 4 },
      { need: 'PUT /rest/api/3/issue/{issueIdOrKey}', where: 'installation', add: ['read:issue:jira'], locations: [at('src/b.ts', 2)], scopeMismatch401: 2 },
    ],
    missingScopes: ['write:comment:jira'],
    replaceable: [{ classic: 'read:jira-work', line: 8, column: 7, replacement: ['read:issue:jira'], toAdd: [], neededBy: ['GET /rest/api/3/issue/{issueIdOrKey}'] }],
    invalid: [{ name: 'read:jira-things', line: 11, column: 7, reason: 'not a scope @forge/manifest knows', suggestion: 'read:jira-work' }],
    duplicates: [],
  },
  runtime: {
    sites: 1,
    window: { firstDay: '2026-11-20', lastDay: '2026-11-22', daysObserved: 3 },
    installations: [{ installation: 'abc', appVersion: '1.0.0', granted: ['read:jira-work', 'read:issue:jira', 'read:me'], notGranted: ['manage:jira-configuration'], unauthorizedNeeds: [] }],
    droppedCalls: 0,
    staticExercised: 0.5,
  },
};

describe('scope rows of the Scopes tab', () => {
  const rows = new Map(scopeRows(report).map((r) => [r.name, r]));

  it.each([
    ['read:jira-work', 'replaceable', 'classic'],
    ['read:issue:jira', 'used', 'granular'],
    ['manage:jira-configuration', 'unused', 'classic'],
    ['read:project:jira', 'unused-unless-unresolved', 'granular'],
    ['write:comment:jira', 'missing', 'granular'],
    ['read:jira-things', 'invalid', 'classic'],
    ['read:me', 'granted-only', 'classic'],
  ])('gives %s the status %s and kind %s', (name, status, kind) => {
    expect(rows.get(name)).toMatchObject({ status, kind });
  });

  it('lists every declared, needed or granted scope once', () => {
    expect([...rows.keys()].sort()).toEqual(['manage:jira-configuration', 'read:issue:jira', 'read:jira-things', 'read:jira-work', 'read:me', 'read:project:jira', 'write:comment:jira']);
  });

  it('carries a missing scope’s need, locations and 401 scope mismatches', () => {
    expect(rows.get('write:comment:jira')).toMatchObject({ declared: false, neededBy: ['POST /rest/api/3/issue/{issueIdOrKey}/comment'], locations: ['src/a.ts:9'], scopeMismatch401: 4 });
  });

  it('keeps a declared scope a site has not granted as declared, with its 401s and a note', () => {
    expect(rows.get('read:issue:jira')).toMatchObject({ status: 'used', declared: true, scopeMismatch401: 2, note: 'Declared, but a site has not granted it yet' });
  });

  it('counts the installations that granted a scope', () => {
    expect(rows.get('read:jira-work')?.grantedBy).toBe(1);
    expect(rows.get('manage:jira-configuration')?.grantedBy).toBe(0);
  });

  it.each([
    ['', [], 7],
    ['', ['unused'], 1],
    ['', ['unused', 'missing'], 2],
    ['ISSUE', [], 3], // read:issue:jira by name; read:jira-work and write:comment:jira by what needs them
    ['avi:jira', [], 1],
    ['nothing-like-this', [], 0],
  ] as const)('filters by text %j and statuses %j to %i rows', (text, statuses, count) => {
    expect(filterScopeRows(scopeRows(report), text, statuses)).toHaveLength(count);
  });
});

describe('scope evidence', () => {
  const endpoint = (key: string, calls: number | undefined, lastSeen: string, sites: string[]): EndpointReport =>
    ({ key, calls: sites.map((s) => ({ ...at(s.split(':')[0], Number(s.split(':')[1])), side: 'backend', principal: 'asApp' })), ...(calls === undefined ? {} : { runtime: { calls, lastSeen } }) }) as unknown as EndpointReport;
  const endpoints = new Map([
    ['GET /a', endpoint('GET /a', 5, '2026-11-20', ['src/a.ts:1'])],
    ['GET /b', endpoint('GET /b', 7, '2026-11-22', ['src/b.ts:2', 'src/a.ts:1'])],
    ['GET /c', endpoint('GET /c', undefined, '', ['src/c.ts:3'])],
  ]);

  it('sums calls, keeps the latest day and every static location of the endpoints that need the scope', () => {
    expect(scopeEvidence(['GET /a', 'GET /b', 'GET /c', 'trigger'], endpoints)).toEqual({ calls: 12, lastSeen: '2026-11-22', locations: ['src/a.ts:1', 'src/b.ts:2', 'src/c.ts:3'] });
  });

  it('has no last day when nothing was seen at runtime', () => {
    expect(scopeEvidence(['GET /c'], endpoints)).toEqual({ calls: 0, locations: ['src/c.ts:3'] });
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
