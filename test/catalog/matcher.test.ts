import { match, MAX_PATH_LENGTH } from '../../src/catalog';
import type { Family } from '../../src/catalog';

type Row = [Family, string, string, string];

describe('match', () => {
  it.each<Row>([
    ['requestJira', 'GET', '/rest/api/3/issue/createmeta', 'GET /rest/api/3/issue/createmeta'],
    ['requestJira', 'GET', '/rest/api/3/issue/picker', 'GET /rest/api/3/issue/picker'],
    ['requestJira', 'GET', '/rest/api/3/issue/ABC-1', 'GET /rest/api/3/issue/{issueIdOrKey}'],
    ['requestJira', 'GET', '/rest/api/3/project/search', 'GET /rest/api/3/project/search'],
    ['requestJira', 'GET', '/rest/api/3/project/ABC', 'GET /rest/api/3/project/{projectIdOrKey}'],
    ['requestJira', 'GET', '/rest/api/3/myself', 'GET /rest/api/3/myself'],
    ['requestJira', 'GET', '/rest/api/2/myself', 'GET /rest/api/3/myself'],
    ['requestJira', 'GET', '/rest/api/latest/myself', 'GET /rest/api/3/myself'],
    ['requestJira', 'GET', '/rest/api/3/myself/', 'GET /rest/api/3/myself'],
    ['requestJira', 'get', '/rest/api/3/myself?expand=groups&x=/a/b', 'GET /rest/api/3/myself'],
    ['requestJira', 'GET', '/rest/api/3/issue/ABC-1/comment?expand=renderedBody', 'GET /rest/api/3/issue/{issueIdOrKey}/comment'],
    ['requestJira', 'POST', '/rest/api/3/issue', 'POST /rest/api/3/issue'],
    ['requestJira', 'GET', '/rest/agile/1.0/board/42/sprint', 'GET /rest/agile/1.0/board/{boardId}/sprint'],
    ['requestJira', 'GET', '/rest/servicedeskapi/servicedesk/3/queue', 'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/queue'],
    ['requestConfluence', 'GET', '/wiki/api/v2/pages/123', 'GET /wiki/api/v2/pages/{id}'],
    ['requestConfluence', 'GET', '/wiki/rest/api/space/DEV', 'GET /wiki/rest/api/space/{spaceKey}'],
    ['requestConfluence', 'GET', '/wiki/rest/api/content/123', 'GET /wiki/rest/api/content/{id}'],
    ['requestBitbucket', 'GET', '/2.0/repositories/acme/app/pullrequests/7', 'GET /2.0/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}'],
    ['requestBitbucket', 'GET', '/2.0/repositories/acme/app/src/main/a/b/c.ts', 'GET /2.0/repositories/{workspace}/{repo_slug}/src/{commit}/{path}'],
    ['requestJira', 'GET', '/rest/api/3/issue/ABC%2D1', 'GET /rest/api/3/issue/{issueIdOrKey}'],
    ['requestJira', 'GET', '/rest/api/3/user/properties/%5F%5Fproto%5F%5F', 'GET /rest/api/3/user/properties/{propertyKey}'],
    ['requestJira', 'GET', '/jsm/assets/workspace/7e0f/v1/object/88?includeAttributes=true', 'GET /jsm/assets/workspace/{workspaceId}/v1/object/{id}'],
    ['requestJira', 'POST', '/jsm/assets/workspace/7e0f/v1/object/aql', 'POST /jsm/assets/workspace/{workspaceId}/v1/object/aql'],
    ['requestJira', 'POST', '/jsm/assets/workspace/7e0f/v1/importsource/9/executions/3/data', 'POST /jsm/assets/workspace/{workspaceId}/v1/importsource/{importSourceId}/executions/{importExecutionId}/data'],
    ['requestJira', 'POST', '/jsm/ops/api/v1/jec/channels', 'POST /jsm/ops/api/v1/jec/channels'],
    ['requestJira', 'GET', '/forms/issue/SD-12/form/c18bde7a-d846-11ed-afa1-0242ac120002', 'GET /forms/issue/{issueIdOrKey}/form/{formId}'],
    ['requestJira', 'PUT', '/forms/project/10000/form/c18bde7a', 'PUT /forms/project/{projectIdOrKey}/form/{formId}'],
    ['requestConfluence', 'GET', '/wiki/rest/atlassian-connect/1/addons/com.example.app/properties', 'GET /wiki/rest/atlassian-connect/1/addons/{addonKey}/properties'],
  ])('maps %s %s %s to %s', (family, method, path, key) => {
    expect(match(family, method, path).operation?.key).toBe(key);
  });

  describe('Bitbucket UUIDs in braces (what @forge/api route passes for `{uuid}` values)', () => {
    const WS = '{7d0b7c5e-1234-4000-8000-00000000b1b1}';
    const REPO = '{A1B2C3D4-0000-4000-8000-00000000ABCD}';
    const PR = 'GET /2.0/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}';
    it.each([
      ['raw', `/2.0/repositories/${WS}/${REPO}/pullrequests/1`, [WS, REPO, '1']],
      ['percent-encoded', `/2.0/repositories/${encodeURIComponent(WS)}/${encodeURIComponent(REPO)}/pullrequests/1`, [encodeURIComponent(WS), encodeURIComponent(REPO), '1']],
      ['mixed with a slug', `/2.0/repositories/${WS}/my-repo/pullrequests/1?fields=id`, [WS, 'my-repo', '1']],
    ])('maps a %s UUID segment as a parameter value', (_name, path, params) => {
      expect(match('requestBitbucket', 'GET', path)).toMatchObject({ operation: { key: PR }, params });
    });
    it('maps a user UUID at the end of the path', () => {
      expect(match('requestBitbucket', 'GET', `/2.0/users/${WS}`).operation?.key).toBe('GET /2.0/users/{selected_user}');
    });
    it.each([
      ['a brace around something else', '/2.0/repositories/{ws-1}/app/pullrequests/1'],
      ['empty braces', '/2.0/repositories/{}/app/pullrequests/1'],
      ['a UUID brace inside a segment', `/2.0/repositories/x${WS}/app/pullrequests/1`],
      ['text after the closing brace', `/2.0/repositories/${WS}x/app/pullrequests/1`],
      ['doubled braces', `/2.0/repositories/{${WS}}/app/pullrequests/1`],
      ['an unopened brace', `/2.0/repositories/${WS.slice(1)}/app/pullrequests/1`],
      ['an unclosed brace', `/2.0/repositories/${WS.slice(0, -1)}/app/pullrequests/1`],
      ['a short UUID', '/2.0/repositories/{7d0b7c5e-1234-4000-8000-00000000b1b}/app/pullrequests/1'],
    ])('still rejects %s', (_name, path) => {
      expect(match('requestBitbucket', 'GET', path)).toMatchObject({ operation: undefined, code: 'BAD_CHARACTER' });
    });
    it('keeps the dot-segment rule next to a UUID', () => {
      expect(match('requestBitbucket', 'GET', `/2.0/repositories/${WS}/../pullrequests/1`)).toMatchObject({ code: 'BAD_SEGMENT' });
    });
  });

  it('returns parameter values in template order', () => {
    const result = match('requestJira', 'GET', '/rest/api/3/issue/ABC-1/comment/10002');
    expect(result.operation && result.params).toEqual(['ABC-1', '10002']);
  });

  it('flags operations only an older edition documents', () => {
    expect(match('requestConfluence', 'GET', '/wiki/rest/api/content/123').operation?.removed).toBe('2021-11-23');
    expect(match('requestConfluence', 'GET', '/wiki/api/v2/pages/1').operation?.removed).toBeUndefined();
  });

  it.each<[string, Family, string, string, string]>([
    ['empty', 'requestJira', 'GET', '', 'EMPTY_PATH'],
    ['no leading slash', 'requestJira', 'GET', 'rest/api/3/myself', 'NO_LEADING_SLASH'],
    ['absolute URL', 'requestJira', 'GET', 'https://x.atlassian.net/rest/api/3/myself', 'NO_LEADING_SLASH'],
    ['100 KB path', 'requestJira', 'GET', '/rest/api/3/issue/' + 'A'.repeat(100_000), 'PATH_TOO_LONG'],
    ['dot-dot segment', 'requestJira', 'GET', '/rest/api/3/issue/../myself', 'BAD_SEGMENT'],
    ['encoded dot-dot', 'requestJira', 'GET', '/rest/api/3/issue/%2e%2e/myself', 'BAD_SEGMENT'],
    ['doubled slash', 'requestJira', 'GET', '/rest//api/3/myself', 'BAD_SEGMENT'],
    ['malformed escape', 'requestJira', 'GET', '/rest/api/3/issue/%E0%A4%A', 'BAD_SEGMENT'],
    ['raw unicode', 'requestJira', 'GET', '/rest/api/3/issue/ÄBC-1', 'BAD_CHARACTER'],
    ['space', 'requestJira', 'GET', '/rest/api/3/issue/A B', 'BAD_CHARACTER'],
    ['encoded slash standing for a literal', 'requestJira', 'GET', '/rest/api/3/issue%2Fcreatemeta', 'NOT_FOUND'],
    ['__proto__ segment', 'requestJira', 'GET', '/rest/api/3/__proto__', 'NOT_FOUND'],
    ['constructor segment', 'requestJira', 'GET', '/constructor', 'NOT_FOUND'],
    ['wrong method', 'requestJira', 'PATCH', '/rest/api/3/issue/createmeta', 'METHOD_NOT_ALLOWED'],
    ['literal path, other method', 'requestJira', 'DELETE', '/rest/api/3/issue/createmeta', 'METHOD_NOT_ALLOWED'],
    ['unknown method', 'requestJira', 'FETCH', '/rest/api/3/myself', 'UNKNOWN_METHOD'],
    // Only ASCII letters fold: "poſt" and "optıons" upper-case to POST and OPTIONS under Unicode rules, and no HTTP stack sends them as such.
    ['a Unicode long s folding to POST', 'requestJira', 'poſt', '/rest/api/3/issue', 'UNKNOWN_METHOD'],
    ['a dotless i folding to OPTIONS', 'requestJira', 'optıons', '/rest/api/3/issue', 'UNKNOWN_METHOD'],
    ['a Kelvin sign', 'requestJira', 'pu\u212At', '/rest/api/3/issue/A-1', 'UNKNOWN_METHOD'],
    ['unknown family', 'requestTrello' as Family, 'GET', '/rest/api/3/myself', 'UNKNOWN_FAMILY'],
    ['prototype family', '__proto__' as Family, 'GET', '/rest/api/3/myself', 'UNKNOWN_FAMILY'],
    ['unanchored prefix', 'requestJira', 'GET', '/foo/rest/api/3/myself', 'NOT_FOUND'],
    ['unanchored suffix', 'requestJira', 'GET', '/rest/api/3/myself/extra', 'NOT_FOUND'],
    ['root', 'requestJira', 'GET', '/', 'NOT_FOUND'],
    ['Jira path through requestConfluence', 'requestConfluence', 'GET', '/rest/api/3/myself', 'NOT_FOUND'],
  ])('returns undefined with a reason for %s', (_name, family, method, path, code) => {
    let result: ReturnType<typeof match> | undefined;
    expect(() => (result = match(family, method, path))).not.toThrow();
    expect(result!.operation).toBeUndefined();
    expect(result).toMatchObject({ code, reason: expect.any(String) });
  });

  it.each<[Family, string, string, string]>([
    ['requestJira', 'GET', '/rest/dev-status/latest/issue/detail?issueId=10001&applicationType=GitHub&dataType=pullrequest', '/rest/dev-status/'],
    ['requestJira', 'GET', '/rest/dev-status/1.0/issue/summary', '/rest/dev-status/'],
    ['requestJira', 'GET', '/rest/greenhopper/1.0/rapid/charts/sprintreport?rapidViewId=1&sprintId=2', '/rest/greenhopper/'],
    ['requestJira', 'GET', '/rest/internal/2/issue/ABC-1/comment', '/rest/internal/'],
    ['requestJira', 'POST', '/rest/insight/1.0/object/create', '/rest/insight/'],
    ['requestJira', 'GET', '/gateway/api/public/teams/v1/teams/42/members', '/gateway/api/'],
    ['requestConfluence', 'GET', '/wiki/rest/experimental/user?key=1', '/wiki/rest/experimental/'],
    ['requestBitbucket', 'GET', '/!api/internal/repositories/a/b/pullrequests/1/merge-restrictions', '/!api/'],
  ])('gives %s %s %s the undocumented-internal-API verdict, never "no operation matches"', (family, method, path, prefix) => {
    const result = match(family, method, path);
    expect(result).toMatchObject({ operation: undefined, code: 'INTERNAL_API' });
    const reason = (result as { reason: string }).reason;
    expect(reason).toContain('undocumented internal API: no published scope; Atlassian may change or block it');
    expect(reason).toContain(prefix);
    expect(reason).not.toContain('?');
  });

  it('lets a documented operation under an internal prefix win over the internal-API verdict', () => {
    expect(match('requestJira', 'POST', '/rest/internal/api/latest/worklog/bulk').operation?.key).toBe('POST /rest/internal/api/latest/worklog/bulk');
  });

  it('reports which documented form of a JSM Operations path matched, with the operation\'s own parameters', () => {
    const forge = match('requestJira', 'GET', '/jsm/ops/api/v1/alerts/a1b2');
    const cloudId = match('requestJira', 'GET', '/jsm/ops/api/3f2c1b7e-8a4d-4e0f-9b6a-2d5c7e1f0a93/v1/alerts/a1b2');
    expect(forge).toMatchObject({ operation: { key: 'GET /jsm/ops/api/v1/alerts/{id}' }, pathForm: 'forge', params: ['a1b2'] });
    expect(cloudId).toMatchObject({ operation: { key: 'GET /jsm/ops/api/v1/alerts/{id}' }, pathForm: 'cloud-id', params: ['a1b2'] });
    // Operations with one documented form carry no pathForm.
    expect(match('requestJira', 'GET', '/rest/api/3/myself')).not.toHaveProperty('pathForm');
  });

  it('names the /wiki operation a Confluence path without its prefix probably meant', () => {
    const result = match('requestConfluence', 'GET', '/rest/api/space/DEV');
    expect(result.operation).toBeUndefined();
    expect('reason' in result && result.reason).toContain('GET /wiki/rest/api/space/{spaceKey}');
    expect('suggestions' in result && result.suggestions?.[0].key).toBe('GET /wiki/rest/api/space/{spaceKey}');
  });

  it('names the Bitbucket operation a path without /2.0 probably meant', () => {
    const result = match('requestBitbucket', 'GET', '/repositories/acme/app');
    expect('reason' in result && result.reason).toContain('/2.0');
  });

  it('tells which product function a path belongs to when called through the wrong one', () => {
    const result = match('requestConfluence', 'GET', '/rest/api/3/myself');
    expect('reason' in result && result.reason).toContain('requestJira');
  });

  it('accepts a path of exactly the maximum length and no more', () => {
    const base = '/rest/api/3/issue/';
    expect(match('requestJira', 'GET', base + 'A'.repeat(MAX_PATH_LENGTH - base.length)).operation?.key).toBe('GET /rest/api/3/issue/{issueIdOrKey}');
    expect(match('requestJira', 'GET', base + 'A'.repeat(MAX_PATH_LENGTH - base.length + 1)).operation).toBeUndefined();
  });

  it('never throws on arbitrary input', () => {
    const fc = require('fast-check') as typeof import('fast-check');
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.constantFrom('GET', 'POST', 'x', ''), (path, method) => {
        const result = match('requestJira', method, '/rest/api/3/' + path);
        return result.operation === undefined || result.operation.family === 'requestJira';
      }),
      { numRuns: 2000 },
    );
  });
});

describe('matchPattern', () => {
  const { matchPattern, enumeratePattern } = require('../../src/catalog') as typeof import('../../src/catalog');

  it('reads an interpolated segment as a parameter, not as a literal sibling', () => {
    expect(matchPattern('requestJira', 'GET', '/rest/api/3/issue/{}').operation?.key).toBe('GET /rest/api/3/issue/{issueIdOrKey}');
    expect(matchPattern('requestJira', 'GET', '/rest/api/3/issue/{}/comment?expand={}').operation?.key).toBe('GET /rest/api/3/issue/{issueIdOrKey}/comment');
  });

  it('names the /wiki operation a Confluence pattern without its prefix probably meant', () => {
    const result = matchPattern('requestConfluence', 'GET', '/api/v2/pages/{}');
    expect(result.operation).toBeUndefined();
    expect('reason' in result && result.reason).toContain('GET /wiki/api/v2/pages/{id}');
  });

  it('gives an internal-API pattern its verdict and a JSM Operations pattern its path form', () => {
    expect(matchPattern('requestJira', 'GET', '/rest/dev-status/latest/issue/detail?issueId={}')).toMatchObject({ code: 'INTERNAL_API' });
    expect(matchPattern('requestJira', 'GET', '/jsm/ops/api/{}/v1/alerts/{}')).toMatchObject({ operation: { key: 'GET /jsm/ops/api/v1/alerts/{id}' }, pathForm: 'cloud-id' });
    expect(matchPattern('requestJira', 'POST', '/jsm/ops/api/v1/alerts')).toMatchObject({ operation: { key: 'POST /jsm/ops/api/v1/alerts' }, pathForm: 'forge' });
  });

  it('enumerates the operations a resource-selecting wildcard can reach', () => {
    const keys = enumeratePattern('requestJira', 'GET', '/rest/api/3/{}/{}/properties').map((o) => o.key);
    expect(keys).toEqual(expect.arrayContaining(['GET /rest/api/3/issue/{issueIdOrKey}/properties', 'GET /rest/api/3/project/{projectIdOrKey}/properties']));
    expect(keys.every((k) => k.startsWith('GET /rest/api/3/'))).toBe(true);
  });
});
