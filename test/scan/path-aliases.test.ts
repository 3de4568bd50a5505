import { readPathAliases, scanApp } from '../../src/scan';
import { tempApp } from '../helpers/temp-app';

const app = (files: Record<string, string>) => tempApp(files, 'si-aliases-');

describe('tsconfig extends chains', () => {
  it.each([
    ['a relative parent, paths relative to the parent\'s folder', {
      'tsconfig.json': '{ "extends": "./config/base.json", "compilerOptions": { "strict": true } }',
      'config/base.json': '{ "compilerOptions": { "paths": { "@lib/*": ["../src/lib/*"] } } }',
    }, { paths: [{ pattern: '@lib/*', targets: ['src/lib/*'] }] }],
    ['a package config from node_modules, with a child baseUrl', {
      'tsconfig.json': '{ "extends": "@acme/tsconfig/forge.json", "compilerOptions": { "baseUrl": "src" } }',
      'node_modules/@acme/tsconfig/forge.json': '{ "compilerOptions": { "paths": { "~/*": ["*"] } } }',
    }, { baseUrl: 'src', paths: [{ pattern: '~/*', targets: ['src/*'] }] }],
    ['a package name resolved through its package.json "tsconfig" field', {
      'tsconfig.json': '{ "extends": "@acme/base" }',
      'node_modules/@acme/base/package.json': '{ "name": "@acme/base", "tsconfig": "./forge.json" }',
      'node_modules/@acme/base/forge.json': '{ "compilerOptions": { "baseUrl": "." } }',
    }, { baseUrl: 'node_modules/@acme/base', paths: [] }],
    ['an array (TS 5): later entries win, the child wins over all', {
      'tsconfig.json': '{ "extends": ["./a.json", "./b"], // comments and trailing commas are fine\n }',
      'a.json': '{ "compilerOptions": { "baseUrl": "lib", "paths": { "@a/*": ["a/*"] } } }',
      'b.json': '{ "compilerOptions": { "paths": { "@b/*": ["b/*"] } } }',
    }, { baseUrl: 'lib', paths: [{ pattern: '@b/*', targets: ['lib/b/*'] }] }],
    ['a loop of extends is not followed forever', {
      'tsconfig.json': '{ "extends": "./a.json" }',
      'a.json': '{ "extends": "./tsconfig.json", "compilerOptions": { "baseUrl": "src" } }',
    }, { baseUrl: 'src', paths: [] }],
    ['a missing parent contributes nothing', {
      'tsconfig.json': '{ "extends": "./nope.json", "compilerOptions": { "paths": { "@x": ["src/x.ts"] } } }',
    }, { paths: [{ pattern: '@x', targets: ['src/x.ts'] }] }],
  ])('%s', (_name, files, expected) => {
    expect(readPathAliases(app(files))).toEqual(expected);
  });

  it('lets the scanner follow an alias the parent config declares', () => {
    const dir = app({
      'tsconfig.json': '{ "extends": "./tsconfig.base.json" }',
      'tsconfig.base.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@jira/*": ["src/jira/*"] } } }',
      'src/jira/paths.ts': "import { route } from '@forge/api';\nexport const MYSELF = route`/rest/api/3/myself`;",
      'src/index.ts': "import api from '@forge/api';\nimport { MYSELF } from '@jira/paths';\napi.asApp().requestJira(MYSELF);",
    });
    expect(scanApp(dir).calls.map((c) => c.operationKey)).toEqual(['GET /rest/api/3/myself']);
  });
});
