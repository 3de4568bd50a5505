/**
 * Braces in source paths: the scanner writes `{}` for an interpolated value, and Bitbucket code
 * writes `{uuid}` literally or around a value. Neither may be confused with the other: each is a
 * parameter value of the operation, never an unknown shape.
 */
import { scanFiles } from '../../src/scan';

const PR = 'GET /2.0/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}';

it.each([
  ['a literal UUID', 'route`/2.0/repositories/{7d0b7c5e-1234-4000-8000-00000000b1b1}/{a1b2c3d4-0000-4000-8000-00000000abcd}/pullrequests/1`'],
  ['braces around interpolated values', 'route`/2.0/repositories/{${ws}}/{${repo}}/pullrequests/${id}`'],
  ['percent-encoded braces around a value', 'route`/2.0/repositories/%7B${ws}%7D/${repo}/pullrequests/${id}`'],
  ['a UUID constant', 'route`/2.0/repositories/${WORKSPACE}/${repo}/pullrequests/${id}`'],
])('%s in a Bitbucket path is the pull request operation', (_name, path) => {
  const text = `import api, { route } from '@forge/api';\nconst WORKSPACE = '{7d0b7c5e-1234-4000-8000-00000000b1b1}';\nexport const run = (ws, repo, id) => api.asApp().requestBitbucket(${path});\n`;
  const result = scanFiles([{ file: 'src/index.js', side: 'backend', text }]);
  expect(result.calls.map((c) => [c.operationKey, c.noMatch])).toEqual([[PR, undefined]]);
  expect(result.unresolved).toEqual([]);
});
