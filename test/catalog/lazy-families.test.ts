import type * as CatalogModule from '../../src/catalog';

/** A fresh copy of the catalog modules, as a new process would load them. */
function freshCatalog(): typeof CatalogModule {
  let fresh: typeof CatalogModule | undefined;
  jest.isolateModules(() => {
    fresh = require('../../src/catalog');
  });
  return fresh!;
}

describe('each product family is loaded on first use', () => {
  it('matching a Jira path loads only the Jira family', () => {
    const c = freshCatalog();
    expect(c.loadCatalog().loadedFamilies()).toEqual([]);
    expect(c.match('requestJira', 'GET', '/rest/api/3/issue/ABC-1').operation?.key).toBe('GET /rest/api/3/issue/{issueIdOrKey}');
    expect(c.match('requestJira', 'GET', '/rest/api/3/no-such-thing').operation).toBeUndefined();
    expect(c.loadCatalog().loadedFamilies()).toEqual(['requestJira']);
  });

  it('a key names its family: getOperation of a Confluence key loads Confluence only', () => {
    const c = freshCatalog();
    expect(c.getOperation('GET /wiki/api/v2/pages/{id}')?.family).toBe('requestConfluence');
    expect(c.getOperation('GET /wiki/api/v2/no-such-thing')).toBeUndefined();
    expect(c.loadCatalog().loadedFamilies()).toEqual(['requestConfluence']);
  });

  it('scope metadata loads no family', () => {
    const c = freshCatalog();
    expect(c.scopeInfo('read:cmdb-object:jira')).toMatchObject({ valid: true, operationCount: expect.any(Number) });
    expect(c.scopeInfo('read:cmdb-object:jira')!.operationCount).toBeGreaterThan(5);
    expect(c.loadCatalog().loadedFamilies()).toEqual([]);
  });

  it('the operations a Jira scope set can authorize come from the Jira family only', () => {
    const c = freshCatalog();
    const ops = c.operationsForScopes(['read:jira-work', 'read:ops-alert:jira-service-management']);
    expect(new Set(ops.map((o) => o.family))).toEqual(new Set(['requestJira']));
    expect(c.operationsAuthorizedBy(['read:jira-work']).length).toBeGreaterThan(100);
    expect(c.loadCatalog().loadedFamilies()).toEqual(['requestJira']);
    c.operationsForScopes(['read:page:confluence', 'unknown:scope']);
    expect(c.loadCatalog().loadedFamilies()).toEqual(['requestJira', 'requestConfluence']);
  });

  it('every template obeys the prefix rule a key is routed by, so getOperation finds every operation', () => {
    const c = freshCatalog();
    for (const op of c.operations()) {
      expect(c.familyOfTemplate(op.template)).toBe(op.family);
      expect(c.getOperation(op.key)).toBe(op);
    }
  });
});
