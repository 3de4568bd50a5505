import type * as CatalogModule from '../../src/catalog';

/** A fresh copy of the catalog modules, as a new process would load them. */
function freshCatalog(): typeof CatalogModule {
  let fresh: typeof CatalogModule | undefined;
  jest.isolateModules(() => {
    fresh = require('../../src/catalog');
  });
  return fresh!;
}

describe('each catalog part is loaded on first use', () => {
  it('matching a Jira platform path loads only the Jira platform part', () => {
    const c = freshCatalog();
    expect(c.loadCatalog().loadedParts()).toEqual([]);
    expect(c.match('requestJira', 'GET', '/rest/api/3/issue/ABC-1').operation?.key).toBe('GET /rest/api/3/issue/{issueIdOrKey}');
    expect(c.match('requestJira', 'GET', '/rest/api/2/no-such-thing').operation).toBeUndefined();
    expect(c.loadCatalog().loadedParts()).toEqual(['jira-platform']);
    expect(c.match('requestJira', 'GET', '/rest/agile/1.0/board/1').operation?.key).toBe('GET /rest/agile/1.0/board/{boardId}');
    expect(c.loadCatalog().loadedParts()).toEqual(['jira-platform', 'jira']);
  });

  it('routes a percent-encoded platform path to the platform part', () => {
    const c = freshCatalog();
    expect(c.match('requestJira', 'GET', '/rest/%61pi/3/myself').operation?.key).toBe('GET /rest/api/3/myself');
    expect(c.loadCatalog().loadedParts()).toEqual(['jira-platform']);
  });

  it('a key names its part: getOperation of a Confluence key loads Confluence only', () => {
    const c = freshCatalog();
    expect(c.getOperation('GET /wiki/api/v2/pages/{id}')?.family).toBe('requestConfluence');
    expect(c.getOperation('GET /wiki/api/v2/no-such-thing')).toBeUndefined();
    expect(c.loadCatalog().loadedParts()).toEqual(['confluence']);
  });

  it('a pattern with literal leading segments loads its part; one with an unknown leading segment loads the family', () => {
    const c = freshCatalog();
    expect(c.matchPattern('requestJira', 'GET', '/rest/api/3/issue/{}').operation?.key).toBe('GET /rest/api/3/issue/{issueIdOrKey}');
    expect(c.loadCatalog().loadedParts()).toEqual(['jira-platform']);
    const keys = c.enumeratePattern('requestJira', 'GET', '/rest/{}/{}/board/{}').map((o) => o.key);
    expect(keys).toContain('GET /rest/agile/1.0/board/{boardId}');
    expect(c.loadCatalog().loadedParts()).toEqual(['jira-platform', 'jira']);
  });

  it('scope metadata loads no part', () => {
    const c = freshCatalog();
    expect(c.scopeInfo('read:cmdb-object:jira')).toMatchObject({ valid: true, operationCount: expect.any(Number) });
    expect(c.scopeInfo('read:cmdb-object:jira')!.operationCount).toBeGreaterThan(5);
    expect(c.loadCatalog().loadedParts()).toEqual([]);
  });

  it('the operations a Jira scope set can authorize come from the Jira parts only', () => {
    const c = freshCatalog();
    const ops = c.operationsForScopes(['read:ops-alert:jira-service-management']);
    expect(new Set(ops.map((o) => c.partOfTemplate(o.template)))).toEqual(new Set(['jira']));
    expect(c.loadCatalog().loadedParts()).toEqual(['jira']);
    expect(c.operationsAuthorizedBy(['read:jira-work']).length).toBeGreaterThan(100);
    expect(c.loadCatalog().loadedParts()).toEqual(['jira-platform', 'jira']);
    c.operationsForScopes(['read:page:confluence', 'unknown:scope']);
    expect(c.loadCatalog().loadedParts()).toEqual(['jira-platform', 'jira', 'confluence']);
  });

  it('every template obeys the prefix rules a key and a path are routed by', () => {
    const c = freshCatalog();
    for (const op of c.operations()) {
      expect(c.familyOfTemplate(op.template)).toBe(op.family);
      expect(c.partOfPath(op.family, op.template)).toBe(c.partOfTemplate(op.template));
      expect(c.getOperation(op.key)).toBe(op);
    }
    expect(c.loadCatalog().family('requestJira').length).toBe(c.loadCatalog().part('jira-platform').length + c.loadCatalog().part('jira').length);
  });
});
