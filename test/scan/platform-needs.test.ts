import { scanFiles } from '../../src/scan';

/** Scans one file and returns what it tells of platform features. */
const scan = (text: string, file = 'src/a.ts', side: 'backend' | 'frontend' = 'backend') => scanFiles([{ file, side, text }]);
const needs = (text: string, file?: string, side?: 'backend' | 'frontend') => scan(text, file, side).forgeApiNeeds.map((n) => `${n.alternatives.flat().join('+')}${n.maybe ? ' (maybe)' : ''} ← ${n.feature} @${n.line}`);

describe('platform features the scanner reads from the @forge/* packages', () => {
  it.each([
    ['@forge/kvs', "import { kvs } from '@forge/kvs';\nkvs.get('a');", ['storage:app ← Forge storage (@forge/kvs) @1']],
    ['@forge/storage', "const { storage } = require('@forge/storage');", ['storage:app ← Forge storage (@forge/storage) @1']],
    ['storage from @forge/api', "import { storage } from '@forge/api';\nstorage.get('a');", ['storage:app ← Forge storage (storage from @forge/api) @1']],
    ['@forge/sql: Atlassian names no scope, so storage:app only may be needed', "import { sql } from '@forge/sql';", ['storage:app (maybe) ← Forge SQL (@forge/sql) @1']],
    ['@forge/events needs no scope', "import { Queue } from '@forge/events';\nnew Queue({ key: 'q' }).push({});", []],
    ['publishGlobal imported from @forge/realtime', "import { publishGlobal } from '@forge/realtime';\nexport const f = () => 1;", ['read:app-global-channel:realtime ← Forge Realtime global channel (publishGlobal) @1']],
    ['publishGlobal called on a namespace import, at the call', "import * as rt from '@forge/realtime';\n\nrt.publishGlobal('c', 'x');", ['read:app-global-channel:realtime ← Forge Realtime global channel (publishGlobal) @3']],
    ['a non-global publish needs nothing', "import { publish } from '@forge/realtime';\npublish('c', 'x');", []],
    ['Realtime taken whole and passed along: the global channel may be used', "import * as rt from '@forge/realtime';\nexport const live = rt;", ['read:app-global-channel:realtime (maybe) ← Forge Realtime (global channels may be used) @1']],
    ["@forge/bridge's realtime.subscribeGlobal", "import { realtime } from '@forge/bridge';\n\nrealtime.subscribeGlobal('c', () => {});", ['read:app-global-channel:realtime ← Forge Realtime global channel (realtime.subscribeGlobal) @3']],
    ['the privacy API called in place, at the call', "import { privacy } from '@forge/api';\n\nprivacy.reportPersonalData([]);", ['report:personal-data ← User privacy API (privacy.reportPersonalData) @3']],
    ['the privacy API imported and passed along', "import { privacy } from '@forge/api';\nexport const p = privacy;", ['report:personal-data ← User privacy API (privacy.reportPersonalData) @1']],
  ])('%s', (_name, source, expected) => {
    expect(needs(source)).toEqual(expected);
  });

  it('models authorize() as the permission check it makes as the user, per product', () => {
    const result = scan("import { authorize } from '@forge/api';\nexport const a = (k: string) => authorize().onJiraIssue(k).canEdit();\nexport const b = (id: string) => authorize().onConfluenceContent(id).canRead();\n");
    expect(result.calls.map((c) => `${c.principal} ${c.operationKey} @${c.line}`)).toEqual([
      'asUser POST /rest/api/3/permissions/check @2',
      'asUser POST /wiki/rest/api/content/{id}/permission/check @3',
    ]);
    expect(result.unresolved).toEqual([]);
  });

  it('an authorize() whose product is out of sight is unresolved, with both permission checks as candidates', () => {
    const result = scan("import { authorize } from '@forge/api';\nexport const auth = () => authorize();\n");
    expect(result.unresolved).toEqual([expect.objectContaining({ line: 2, kind: 'path', principal: 'asUser', candidates: ['POST /rest/api/3/permissions/check', 'POST /wiki/rest/api/content/{id}/permission/check'] })]);
  });

  it('an unknown @forge/* package is an unrecognised surface; a known one that requests nothing is not', () => {
    expect(scan("import { chat } from '@forge/llm';\nimport Resolver from '@forge/resolver';\nimport { useProductContext } from '@forge/react';").unresolved.map((u) => `${u.kind} @${u.line}: ${u.reason}`)).toEqual([
      "api @1: @forge/llm: the tool does not know what this package requests on the app's behalf",
    ]);
    expect(scan("import type { Chat } from '@forge/llm';").unresolved).toEqual([]);
  });
});
