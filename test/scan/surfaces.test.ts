import { scanFiles, type SourceFile } from '../../src/scan';

const scan = (text: string, file = 'src/a.ts', side: SourceFile['side'] = 'backend') => scanFiles([{ file, side, text }]);
const surfaces = (text: string, file?: string) =>
  scan(text, file).unresolved.filter((u) => u.kind === 'api').map((u) => ({ surface: u.surface, principal: u.principal, side: u.side, ...(u.remote ? { remote: u.remote } : {}), ...(u.graphql ? { graphql: u.graphql } : {}), ...(u.pattern ? { pattern: u.pattern } : {}) }));

describe('request surfaces whose scopes the tool cannot tell reach the analysis as kind "api"', () => {
  it.each([
    ['requestGraph with a literal query', "import api from '@forge/api';\napi.asApp().requestGraph('query Me { me { user { accountId } } }');",
      [{ surface: 'requestGraph', principal: 'asApp', side: 'backend', graphql: { operation: 'Me', type: 'query', fields: ['me'] } }]],
    ['requestGraph with a query constant imported nowhere but declared below (hoisting), variables never read', "import api from '@forge/api';\nexport const f = (id: string) => api.asUser().requestGraph(Q, { id });\nconst Q = `mutation Rename($id: ID!) { renameThing(id: $id) { ok } other: updateThing(id: $id) { ok } }`;",
      [{ surface: 'requestGraph', principal: 'asUser', side: 'backend', graphql: { operation: 'Rename', type: 'mutation', fields: ['renameThing', 'updateThing'] } }]],
    ['requestGraph with a query that cannot be read', "import api from '@forge/api';\napi.asApp().requestGraph(buildQuery());", [{ surface: 'requestGraph', principal: 'asApp', side: 'backend' }]],
    ['requestTeamworkGraph', "import api from '@forge/api';\napi.asUser().requestTeamworkGraph('query { graphStore { __typename } }');", [{ surface: 'requestTeamworkGraph', principal: 'asUser', side: 'backend', graphql: { type: 'query', fields: ['graphStore'] } }]],
    ['requestAtlassian with a route', "import api, { route } from '@forge/api';\napi.asApp().requestAtlassian(route`/ex/jira/${cloudId}/rest/api/3/myself`);", [{ surface: 'requestAtlassian', principal: 'asApp', side: 'backend', pattern: '/ex/jira/{}/rest/api/3/myself' }]],
    ['requestConnectedData', "import api, { route } from '@forge/api';\napi.asApp().requestConnectedData(route`/rest/devinfo/0.10/bulk`, { method: 'POST' });", [{ surface: 'requestConnectedData', principal: 'asApp', side: 'backend', pattern: '/rest/devinfo/0.10/bulk' }]],
    ['invokeRemote from @forge/api', "import { invokeRemote } from '@forge/api';\ninvokeRemote('my-remote', { path: '/v1/run', method: 'POST' });", [{ surface: 'invokeRemote', principal: 'asApp', side: 'backend', remote: 'my-remote', pattern: '/v1/run' }]],
    ['invokeService through the default export', "import api from '@forge/api';\napi.invokeService('worker', { path: '/jobs' });", [{ surface: 'invokeService', principal: 'asApp', side: 'backend', remote: 'worker', pattern: '/jobs' }]],
  ])('%s', (_name, text, expected) => {
    expect(surfaces(text)).toEqual(expected);
  });

  it.each([
    ['requestRemote', "import { requestRemote } from '@forge/bridge';\nrequestRemote('backend', { path: '/api/x', method: 'GET' });", [{ surface: 'requestRemote', principal: 'bridge', side: 'frontend', remote: 'backend', pattern: '/api/x' }]],
    ['invokeRemote (the remote is the module\'s endpoint)', "import { invokeRemote } from '@forge/bridge';\ninvokeRemote({ path: '/api/y', method: 'POST' });", [{ surface: 'invokeRemote', principal: 'bridge', side: 'frontend', pattern: '/api/y' }]],
    ['requestTeamworkGraph', "import { requestTeamworkGraph } from '@forge/bridge';\nrequestTeamworkGraph('query Q { a { b } }');", [{ surface: 'requestTeamworkGraph', principal: 'bridge', side: 'frontend', graphql: { operation: 'Q', type: 'query', fields: ['a'] } }]],
  ])('the bridge\'s %s', (_name, text, expected) => {
    expect(surfaces(text, 'static/ui/src/a.js')).toEqual(expected);
  });

  it('treats asApp().withContext(ari) as the principal it comes from', () => {
    const r = scan("import api, { route } from '@forge/api';\napi.asApp().withContext(ari).requestJira(route`/rest/api/3/myself`);");
    expect(r.calls.map((c) => `${c.principal} ${c.operationKey}`)).toEqual(['asApp GET /rest/api/3/myself']);
  });

  it('says why in the reason, naming the GraphQL operation or the remote', () => {
    const r = scan("import api, { invokeRemote } from '@forge/api';\napi.asApp().requestGraph('query Teams { team { id } }');\ninvokeRemote('svc', { path: '/x' });");
    expect(r.unresolved.map((u) => u.reason)).toEqual([
      'requestGraph: the tool cannot tell which scopes GraphQL query Teams (team) needs',
      'invokeRemote: the tool cannot tell which scopes remote svc needs',
    ]);
  });
});

describe('literal GraphQL documents are read as the recorder reads them (one reader)', () => {
  const graphqlOf = (doc: string) => scan(`import api from '@forge/api';\napi.asApp().requestGraph(${JSON.stringify(doc)});`).unresolved.map((u) => u.graphql);
  it.each([
    ['an anonymous query', '{ me { name } }', { type: 'query', fields: ['me'] }],
    ['fragments are not top-level fields', 'query A { jira { issue(id: 1) { ...F } } } fragment F on Issue { key }', { operation: 'A', type: 'query', fields: ['jira'] }],
    ['a subscription', 'subscription S { onEvent { id } }', { operation: 'S', type: 'subscription', fields: ['onEvent'] }],
  ])('%s', (_name, doc, expected) => {
    expect(graphqlOf(doc)).toEqual([expected]);
  });
  it.each([
    ['interpolated text', 'query { {} }'],
    ['not GraphQL', '/rest/api/3/myself'],
    // The gateway refuses a document of several operations without an operation name: nothing to name here either.
    ['several operations and no name', 'query A { a } query B { b }'],
  ])('names no operation for %s', (_name, doc) => {
    expect(graphqlOf(doc)).toEqual([undefined]);
  });
});
