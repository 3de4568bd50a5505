/**
 * The identity a surface call is stored under: path templates with no concrete value, GraphQL
 * operation and top-level fields without arguments or variables, and strict validation of
 * identities read back from storage, exports and browsers.
 */
import fc from 'fast-check';
import { loadGraphqlParser, summarizeGraphql } from '../../src/usage/graphql-summary';
import { EXTERNAL_PATH_WORDS } from '../../src/usage/external-words';
import { isPathTemplate, templatePath } from '../../src/usage/path-template';
import { decodeIdentity, encodeIdentity, identityProblem, surfaceMatchKey, type Surface } from '../../src/usage/surfaces';
import { rowProblem } from '../../src/usage/validate-rows';

beforeAll(() => loadGraphqlParser());

describe('templatePath keeps versions and allow-listed words, nothing concrete', () => {
  it.each([
    ['/users/42/repos?secret=1&token=abc', '/users/{}/repos'],
    ['/v1/jobs/9f0e2a8c-1234-4b5c-9d6e-000000000001', '/v1/jobs/{}'],
    ['/2.0/repositories/{}/x#frag', '/2.0/repositories/{}/{}'],
    // An organisation and a repository of the site are words too: only the API's own words stay.
    ['/repos/acme-corp/payroll/issues', '/repos/{}/{}/issues'],
    ['/people/bob/Profile', '/people/{}/Profile'],
    ['/drive/v3/files/1AbCdEfGhIjK', '/drive/v3/files/{}'],
    ['/people/alice@example.com/profile', '/people/{}/profile'],
    ['/spaces/ACME/pages/Quarterly%20Plan', '/spaces/{}/pages/{}'],
    ['/hooks/T0001/B0002/XXXXXXXXXXXXXXXXXXXXXXXX', '/hooks/{}/{}/{}'],
    ['/api/getUser/index.html', '/api/{}/index.html'],
    ['/api/chat.postMessage', '/api/{}'],
    ['/issues/' + 'b'.repeat(41), '/issues/{}'],
    ['', '/'],
    ['//', '/'],
  ])('%s → %s', (path, template) => {
    expect(templatePath(path)).toBe(template);
    expect(isPathTemplate(template)).toBe(true);
  });

  it('caps long paths and marks them cut', () => {
    const t = templatePath('/a'.repeat(100));
    expect(t.endsWith('/*')).toBe(true);
    expect(t.split('/')).toHaveLength(18);
    expect(isPathTemplate(t)).toBe(true);
  });

  it('never lets a digit, an @, a % or a capitalised key through, whatever the path (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 30 }), { maxLength: 30 }), (segments) => {
        const t = templatePath('/' + segments.join('/'));
        expect(isPathTemplate(t)).toBe(true);
        for (const s of t.split('/')) {
          if (s === '{}' || s === '*' || s === '' || /^(v\d{1,3}(\.\d{1,3})?|\d{1,2}\.\d{1,2})$/i.test(s)) continue;
          expect(s).not.toMatch(/[\d@%?#\s]/);
          expect(s).not.toMatch(/^[A-Z]{2,}$/);
        }
      }),
    );
  });

  it('keeps no word outside the allow-list, whatever the path (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z][a-z_-]{0,12}$/), { maxLength: 12 }), (segments) => {
        for (const s of templatePath('/' + segments.join('/')).split('/')) {
          if (s === '' || s === '{}' || s === '*') continue;
          expect(EXTERNAL_PATH_WORDS.has(s.toLowerCase())).toBe(true);
        }
      }),
    );
  });

  it('reads back a template written before the allow-list (words kept), as stored rows hold it', () => {
    expect(isPathTemplate('/repos/acme/widgets')).toBe(true);
  });

  it.each(['/users/42', 'users', '/a//b', '/*', '/a/*/b', '/ACME'])('rejects %s as a stored template', (t) => {
    expect(isPathTemplate(t)).toBe(false);
  });
});

describe('summarizeGraphql reads the operation and its top-level fields, never arguments or variables', () => {
  it.each([
    ['a named query with arguments and variables', 'query Issue($key: String!) { jira { issueByKey(key: $key, cloudId: "c-1") { id } } me { user { name } } }', undefined, { type: 'query', operation: 'Issue', fields: ['jira', 'me'] }],
    ['an anonymous query', '{ me { user { accountId } } }', undefined, { type: 'query', fields: ['me'] }],
    ['aliases name their field', 'mutation M { a: renameThing(id: "SECRET-9") { ok } b: renameThing(id: "x") { ok } }', undefined, { type: 'mutation', operation: 'M', fields: ['renameThing'] }],
    ['the operation named by operationName', 'query A { graphStore { x } } query B { other }', 'B', { type: 'query', operation: 'B', fields: ['other'] }],
    ['a subscription', 'subscription S { onEvent { id } }', undefined, { type: 'subscription', operation: 'S', fields: ['onEvent'] }],
  ])('%s', (_name, doc, operationName, expected) => {
    expect(summarizeGraphql(doc, operationName)).toEqual(expected);
  });

  it.each([
    ['a syntax error', 'query { me { '],
    ['interpolated text', 'query { {} }'],
    ['several operations and no name', 'query A { a } query B { b }'],
    ['an unknown operation name', 'query A { a }'],
    ['not a string', 42],
  ])('is null for %s', (_name, doc) => {
    expect(summarizeGraphql(doc, _name === 'an unknown operation name' ? 'Z' : undefined)).toBeNull();
  });
});

describe('surface identities', () => {
  const cases: [Surface, Parameters<typeof encodeIdentity>[1], string, boolean][] = [
    ['requestGraph', { graphql: { type: 'query', operation: 'Me', fields: ['jira', 'me'] } }, '- - query:Me:jira,me', true],
    ['requestGraph', { graphql: null }, '- - ?', false],
    ['requestAtlassian', { path: '/graphql', graphql: { type: 'query', fields: ['me'] } }, '- /graphql query::me', true],
    ['requestAtlassian', { path: '/ex/jira/{}/rest/api/{}/myself' }, '- /ex/jira/{}/rest/api/{}/myself -', true],
    ['invokeRemote', { target: 'backend', path: '/v1/jobs/{}' }, 'backend /v1/jobs/{} -', true],
    ['invokeRemote', { path: '/v1/run' }, '- /v1/run -', true],
    ['requestRemote', { target: 'bad key!', path: '/' }, '? / -', false],
    ['providerFetch', { target: 'google/google-apis', path: '/drive/v3/files/{}' }, 'google/google-apis /drive/v3/files/{} -', true],
    ['fetch', { target: 'api.example.com:8443', path: '/users/{}' }, 'api.example.com:8443 /users/{} -', true],
    ['fetch', { target: null, path: null }, '? ? -', false],
  ];
  it.each(cases)('%s %j is stored as "%s"', (surface, identity, template, known) => {
    expect(encodeIdentity(surface, identity)).toEqual({ template, known });
    expect(identityProblem(surface, template, known ? 1 : 0)).toBeUndefined();
    const decoded = decodeIdentity(surface, template);
    expect(encodeIdentity(surface, decoded)).toEqual({ template, known });
  });

  it('keeps at most 32 fields of one operation, marking the cut', () => {
    const fields = Array.from({ length: 40 }, (_, i) => `f${String(i).padStart(2, '0')}`);
    const { template } = encodeIdentity('requestGraph', { graphql: { type: 'query', fields } });
    expect(template.split(':')[2].split(',')).toHaveLength(32);
    expect(template.endsWith(',*')).toBe(true);
    expect(identityProblem('requestGraph', template, 1)).toBeUndefined();
  });

  it.each([
    ['fetch', 'api.example.com /users/42 -', 'a concrete id in the path'],
    ['fetch', 'user:pw@api.example.com / -', 'credentials in the host'],
    ['fetch', 'api.example.com /users -extra', 'a GraphQL part on a surface without one'],
    ['requestGraph', '- - query:Me:jira(id:1)', 'an argument in a field list'],
    ['requestGraph', '- - query:Me:jira', 'right, but flagged unknown'],
    ['invokeRemote', 'backend /x', 'two parts'],
    ['requestRemote', '- /x -', 'no remote key'],
    ['providerFetch', 'a/b/c /x -', 'three keys'],
  ] as const)('rejects %s "%s" (%s)', (surface, template, why) => {
    expect(identityProblem(surface, template, why === 'right, but flagged unknown' ? 0 : 1)).toBeDefined();
  });

  it('validates surface rows in storage like product rows', () => {
    const row = (code: string, template: string, known = 1) => [code, 'POST', template, known, 'a', 1, 1, 0, 0, 0, 0, 0, 0, 0];
    expect(rowProblem(row('g', '- - query:Me:me'))).toBeUndefined();
    expect(rowProblem(row('e', 'api.example.com /users/{} -'))).toBeUndefined();
    expect(rowProblem(row('e', 'api.example.com /users/42 -'))).toMatch(/path/);
    expect(rowProblem(row('z', '- - -'))).toMatch(/unknown family/);
  });

  it('matches the static analysis on the surface and its key or GraphQL operation, never the path', () => {
    expect(surfaceMatchKey('requestRemote', { target: 'backend' })).toBe('requestRemote backend');
    expect(surfaceMatchKey('invokeRemote', {})).toBe('invokeRemote');
    expect(surfaceMatchKey('requestTeamworkGraph', { graphql: { type: 'query', operation: 'Q', fields: ['a'] } })).toBe('requestTeamworkGraph query:Q:a');
  });
});
