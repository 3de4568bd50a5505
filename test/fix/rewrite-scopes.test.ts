import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rewriteScopes } from '../../src/fix/rewrite-scopes';
import { makeApp, runCli } from '../cli/run-cli';

const crlf = (lines: string[]) => lines.join('\r\n');

describe('rewriteScopes changes only the scope lines, in the file’s own line breaks', () => {
  it.each<[string, string, { add: string[]; remove: string[] }, string]>([
    ['a CRLF block list (add and remove)', crlf(['app:', '  id: x', 'permissions:', '  scopes:', '    - read:jira-work # issues', '    - storage:app', '']), { add: ['write:jira-work'], remove: ['storage:app'] },
      crlf(['app:', '  id: x', 'permissions:', '  scopes:', '    - read:jira-work # issues', '    - write:jira-work', ''])],
    ['a CRLF block list without a final line break', crlf(['permissions:', '  scopes:', '    - read:jira-work']), { add: ['write:jira-work'], remove: [] },
      crlf(['permissions:', '  scopes:', '    - read:jira-work', '    - write:jira-work', ''])],
    ['a CRLF flow list, spacing and comment kept', crlf(['permissions:', '  scopes: [read:jira-work,storage:app]  # t', '']), { add: ['write:jira-work'], remove: ['storage:app'] },
      crlf(['permissions:', '  scopes: [read:jira-work,write:jira-work]  # t', ''])],
    ['a BOM and an empty flow list', `\uFEFF${crlf(['app:', '  id: x', 'permissions:', '  scopes: []', ''])}`, { add: ['write:jira-work'], remove: [] },
      `\uFEFF${crlf(['app:', '  id: x', 'permissions:', '  scopes: [write:jira-work]', ''])}`],
    ['an empty scopes: with a comment', crlf(['permissions:', '  scopes: # none yet', '  external: {}', '']), { add: ['write:jira-work', 'storage:app'], remove: [] },
      crlf(['permissions:', '  scopes: # none yet', '    - write:jira-work', '    - storage:app', '  external: {}', ''])],
    ['permissions without scopes, four-space indentation', 'app:\n    id: x\npermissions:\n    external:\n        fetch: {}\n', { add: ['write:jira-work'], remove: [] },
      'app:\n    id: x\npermissions:\n    scopes:\n        - write:jira-work\n    external:\n        fetch: {}\n'],
    ['no permissions at all (CRLF, no final line break)', crlf(['app:', '  id: x']), { add: ['write:jira-work'], remove: [] },
      crlf(['app:', '  id: x', 'permissions:', '  scopes:', '    - write:jira-work', ''])],
    ['an explicit null permissions (found by fuzzing)', 'permissions: null\napp:\n  id: x\n', { add: ['write:jira-work'], remove: [] },
      'permissions:\n  scopes:\n    - write:jira-work\napp:\n  id: x\n'],
    ['scopes: ~', 'permissions:\n  scopes: ~ # none\n', { add: ['write:jira-work'], remove: [] },
      'permissions:\n  scopes: # none\n    - write:jira-work\n'],
    ['a tab after the dash', 'permissions:\n  scopes:\n    -\tread:jira-work\n', { add: ['storage:app'], remove: [] },
      'permissions:\n  scopes:\n    -\tread:jira-work\n    -\tstorage:app\n'],
    ['single-quoted items', "permissions:\n  scopes:\n    - 'read:jira-work'\n", { add: ['storage:app'], remove: [] },
      "permissions:\n  scopes:\n    - 'read:jira-work'\n    - 'storage:app'\n"],
    ['every item of a flow list removed', 'permissions:\n  scopes: [read:jira-work, storage:app]\n', { add: [], remove: ['read:jira-work', 'storage:app'] },
      'permissions:\n  scopes: []\n'],
  ])('%s', (_name, text, change, expected) => {
    expect(rewriteScopes(text, change)).toBe(expected);
  });

  it('returns the text unchanged when there is nothing to do', () => {
    const text = crlf(['permissions:', '  scopes:', '    - read:jira-work', '']);
    expect(rewriteScopes(text, { add: ['read:jira-work'], remove: ['storage:app'] })).toBe(text);
  });

  it('falls back to the Document API for an item spread over lines, and the result reads back right', () => {
    expect(rewriteScopes('permissions:\n  scopes:\n    - "read:jira-work\n      x"\n    - storage:app\n', { add: [], remove: ['read:jira-work x'] })).toBe('permissions:\n  scopes:\n    - storage:app\n');
  });
});

describe('audit --fix on a CRLF manifest', () => {
  it('keeps CRLF on every line', async () => {
    const manifest = crlf(['# demo', 'app:', '  id: ari:cloud:ecosystem::app/1', 'permissions:', '  scopes:', '    - read:jira-user   # me', '']);
    const dir = makeApp({ 'manifest.yml': manifest, 'src/index.ts': "import api, { route } from '@forge/api';\napi.asApp().requestJira(route`/rest/api/3/issue/A-1`);\n" });
    expect((await runCli(['audit', dir, '--fix'])).code).toBe(0);
    const fixed = readFileSync(join(dir, 'manifest.yml'), 'utf8');
    expect(fixed).toBe(crlf(['# demo', 'app:', '  id: ari:cloud:ecosystem::app/1', 'permissions:', '  scopes:', '    - read:jira-user   # me', '    - read:jira-work', '']));
    expect(fixed.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
  });
});
