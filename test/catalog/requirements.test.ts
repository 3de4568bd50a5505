import { getOperation, isAuthorized, missingScopes, operationsAuthorizedBy, operations, operationsForScopes, scopeInfo } from '../../src/catalog';
import { leastPrivilegePlan } from '../../src/analysis/plan';
import type { Operation } from '../../src/catalog';

const op = (key: string): Operation => {
  const found = getOperation(key);
  if (!found) throw new Error(`not in catalog: ${key}`);
  return found;
};

describe('scope requirements', () => {
  it('maps GET /rest/api/3/issue/{issueIdOrKey} to read:jira-work or the granular read set', () => {
    const issue = op('GET /rest/api/3/issue/{issueIdOrKey}');
    expect(issue.alternatives.map((a) => a.kind)).toEqual(['classic', 'granular']);
    expect(issue.alternatives[0].scopes).toEqual(['read:jira-work']);
    expect(issue.alternatives[1].scopes).toContain('read:issue:jira');
    expect(isAuthorized(issue, ['read:jira-work'])).toBe(true);
    expect(isAuthorized(issue, issue.alternatives[1].scopes)).toBe(true);
    // One granular scope short of the AND-set is not enough.
    expect(isAuthorized(issue, issue.alternatives[1].scopes.slice(1))).toBe(false);
  });

  it('needs all scopes of one alternative, not one of each', () => {
    const issue = op('GET /rest/api/3/issue/{issueIdOrKey}');
    const mixed = [issue.alternatives[1].scopes[0]];
    expect(isAuthorized(issue, mixed)).toBe(false);
  });

  it('suggests the smallest addition, granular on a tie, granular first once granular scopes are granted', () => {
    const issue = op('GET /rest/api/3/issue/{issueIdOrKey}');
    const granular = issue.alternatives[1].scopes;
    // Nothing granted: one classic scope beats nine granular ones.
    expect(missingScopes(issue, [])).toEqual(['read:jira-work']);
    expect(missingScopes(issue, ['write:jira-work'])).toEqual(['read:jira-work']);
    // Some granular scopes granted: complete the granular set, even if it adds more.
    expect(missingScopes(issue, granular.slice(2))).toEqual(granular.slice(0, 2));
    expect(missingScopes(issue, ['read:jira-work'])).toEqual([]);
    // A tie (one classic or one granular scope) goes to granular.
    const property = op('PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}');
    expect(missingScopes(property, ['read:jira-work'])).toEqual(['write:issue.property:jira']);
    // Without a granular alternative, the classic one is the answer whatever is granted.
    const classicOnly = operations().find((o) => !o.undocumented && o.alternatives.every((a) => a.kind === 'classic' && a.scopes.length))!;
    expect(missingScopes(classicOnly, ['read:page:confluence'])).toEqual([...classicOnly.alternatives[0].scopes]);
  });

  it('treats an explicit empty alternative as needing no scope', () => {
    const value = op('POST /rest/api/3/app/field/value');
    expect(isAuthorized(value, [])).toBe(true);
    expect(missingScopes(value, [])).toEqual([]);
  });

  it('marks operations that list no Forge scope as undocumented, never as needing none', () => {
    const undocumented = operations().filter((o) => o.undocumented);
    expect(undocumented.length).toBeGreaterThan(20);
    expect(undocumented.every((o) => o.alternatives.length === 0)).toBe(true);
    expect(operationsAuthorizedBy(['read:jira-work']).some((o) => o.undocumented)).toBe(false);
  });

  it('marks the Assets and JSM Operations operations that list no OAuth scope as undocumented, never as needing none', () => {
    const none = (prefix: string) => operations().filter((o) => o.template.startsWith(prefix) && o.undocumented).map((o) => o.key).sort();
    expect(none('/jsm/assets/')).toEqual([
      'GET /jsm/assets/workspace/{workspaceId}/v1/aql/objects',
      'GET /jsm/assets/workspace/{workspaceId}/v1/iql/objects',
      'POST /jsm/assets/workspace/{workspaceId}/v1/object/navlist/iql',
    ]);
    expect(none('/jsm/ops/')).toEqual([
      'DELETE /jsm/ops/api/v1/alerts/{alertId}/attachments/{id}',
      'GET /jsm/ops/api/v1/alerts/{alertId}/attachments',
      'GET /jsm/ops/api/v1/alerts/{alertId}/attachments/{id}',
      'POST /jsm/ops/api/v1/alerts/{alertId}/attachments',
    ]);
    expect(isAuthorized(op('GET /jsm/ops/api/v1/alerts/{alertId}/attachments'), [])).toBe(true);
    expect(missingScopes(op('GET /jsm/ops/api/v1/alerts/{alertId}/attachments'), [])).toEqual([]);
  });

  it('needs every scope of a JSM Operations AND-set (a write needs read + write)', () => {
    const create = op('POST /jsm/ops/api/v1/alerts');
    expect(create.alternatives.map((a) => [...a.scopes])).toEqual([['read:ops-alert:jira-service-management', 'write:ops-alert:jira-service-management']]);
    expect(isAuthorized(create, ['write:ops-alert:jira-service-management'])).toBe(false);
    expect(missingScopes(create, ['read:ops-alert:jira-service-management'])).toEqual(['write:ops-alert:jira-service-management']);
  });

  it('labels hand-written entries with their source page, and a partial one as undocumented with its probable scope', () => {
    const get = op('GET /wiki/rest/atlassian-connect/1/addons/{addonKey}/properties/{propertyKey}');
    expect(get).toMatchObject({ sourceUrl: 'https://developer.atlassian.com/cloud/confluence/app-properties-api/', docUrl: 'https://developer.atlassian.com/cloud/confluence/app-properties-api/' });
    expect(get.alternatives).toEqual([{ kind: 'granular', scopes: ['read:app-data:confluence'], source: 'reference' }]);
    expect(get.partial).toBeUndefined();
    const put = op('PUT /wiki/rest/atlassian-connect/1/addons/{addonKey}/properties/{propertyKey}');
    expect(put).toMatchObject({ undocumented: true, alternatives: [], probableScopes: ['write:app-data:confluence'] });
    expect(put.partial).toMatch(/^scope unverified/);
    // A probable scope is never a requirement.
    expect(operationsAuthorizedBy(['write:app-data:confluence']).map((o) => o.key)).not.toContain(put.key);
    expect(op('PUT /forms/issue/{issueIdOrKey}/form/{formId}').alternatives[0].scopes).toEqual(['write:jira-work']);
  });

  it('gives the same authorized operations and least-privilege plans over the families a scope set names as over every operation', () => {
    const fc = require('fast-check') as typeof import('fast-check');
    const all = operations();
    const named = [...new Set(all.flatMap((o) => o.alternatives.flatMap((a) => a.scopes)))].sort();
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...named, 'not:a-scope'), { maxLength: 8 }), (scopes) => {
        const subset = operationsForScopes(scopes);
        expect(operationsAuthorizedBy(scopes)).toEqual(operationsAuthorizedBy(scopes, all));
        expect(operationsAuthorizedBy(scopes, subset)).toEqual(operationsAuthorizedBy(scopes, all));
        const needs = scopes.map((s, i) => ({ id: String(i), alternatives: [[s], ...(i % 2 ? [[scopes[0]]] : [])] }));
        expect(leastPrivilegePlan(needs, subset)).toEqual(leastPrivilegePlan(needs, all));
      }),
      { numRuns: 150 },
    );
  });

  it('keeps Bitbucket legacy scopes apart from Forge scopes', () => {
    const legacyOnly = operations().filter((o) => o.product === 'bitbucket' && o.legacyScopes?.length && o.undocumented);
    expect(legacyOnly.length).toBeGreaterThan(0);
    const pr = op('GET /2.0/repositories/{workspace}/{repo_slug}/pullrequests');
    expect(pr.alternatives.flatMap((a) => a.scopes)).toContain('read:pullrequest:bitbucket');
    expect(pr.alternatives.flatMap((a) => a.scopes)).not.toContain('pullrequest');
  });

  it('adds the documented classic alternative to Jira Software agile operations, labelled inferred', () => {
    const board = op('GET /rest/agile/1.0/board/{boardId}');
    expect(board.alternatives.find((a) => a.source === 'inferred')?.scopes).toEqual(['read:jira-work']);
    const moveToSprint = operations().find((o) => o.template.startsWith('/rest/agile/') && o.method === 'POST' && !o.undocumented)!;
    expect(moveToSprint.alternatives.find((a) => a.source === 'inferred')?.scopes).toEqual(['write:jira-work']);
  });

  it('records where each requirement came from', () => {
    const banner = op('GET /rest/api/3/announcementBanner');
    expect(banner.alternatives.map((a) => a.source)).toEqual(['security']);
    expect(op('GET /wiki/api/v2/pages/{id}').alternatives.map((a) => [a.source, a.kind])).toEqual([['x-current', 'granular']]);
  });

  it('lists the operations a scope set authorizes, growing with the set', () => {
    const read = operationsAuthorizedBy(['read:jira-work']);
    const readWrite = operationsAuthorizedBy(['read:jira-work', 'write:jira-work']);
    expect(read.length).toBeGreaterThan(50);
    expect(readWrite.length).toBeGreaterThan(read.length);
    for (const o of read) expect(isAuthorized(o, ['read:jira-work'])).toBe(true);
    expect(operationsAuthorizedBy([])).toEqual([]);
  });

  it('knows scope metadata: kind, validity, description and how many operations each can authorize', () => {
    expect(scopeInfo('read:jira-work')).toMatchObject({ kind: 'classic', product: 'jira', valid: true });
    expect(scopeInfo('read:jira-work')!.description).toMatch(/\w/);
    expect(scopeInfo('read:page:confluence')).toMatchObject({ kind: 'granular', product: 'confluence', valid: true });
    expect(scopeInfo('read:jira-work')!.operationCount).toBeGreaterThan(100);
    expect(scopeInfo('storage:app')).toMatchObject({ valid: true });
  });
});
