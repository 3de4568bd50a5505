#!/usr/bin/env node
'use strict';
/**
 * Lints Forge apps with the real @forge/lint PermissionLinter, offline, the way `forge lint` does
 * for one app (@forge/cli 13 LintService.run): in the app's directory, files = ./src plus the UI
 * Kit resource folders, minus .gitignore'd paths, .git and node_modules; the manifest read by
 * cli-shared's ConfigFile; lint(files, manifest, env, logger, statsig, { linters }) with only the
 * PermissionLinter. The OpenAPI documents come from USE_LOCAL_SWAGGER / LOCAL_*_SWAGGER (set by
 * bench/forge-lint.ts). Several app directories lint one after another in this one process.
 *
 *   node bench/forge-lint/driver.js APP_DIR...   → one JSON line per app on stdout
 */
const path = require('node:path');
const { lint, PermissionLinter, problemCount } = require('@forge/lint');
const { ConfigFile, FileSystemReader, FileSystemWriter, listGitIgnoreFiles } = require('@forge/cli-shared');

const quiet = { info() {}, warn() {}, debug() {}, error() {}, trace() {} };

async function lintApp(dir) {
  const start = process.hrtime.bigint();
  process.chdir(dir);
  const reader = new FileSystemReader();
  const configFile = new ConfigFile(reader, new FileSystemWriter());
  const manifest = await configFile.readConfig();
  const uiKitDirs = (await configFile.getResources(['nativeUI'])).map((r) => path.dirname(r.path));
  const exclude = [...(await listGitIgnoreFiles(reader)), '.git', 'node_modules'];
  const lists = await Promise.all(['./src', ...uiKitDirs].map((d) => reader.recursiveReadDir(d, exclude)));
  const files = [...new Set(lists.flat())];
  const results = await lint(files, manifest, 'default', quiet, undefined, { linters: [new PermissionLinter('default', manifest, quiet)] });
  const problems = problemCount(results);
  return { dir, files: files.length, ...problems, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

async function main() {
  const cwd = process.cwd();
  for (const dir of process.argv.slice(2)) {
    process.stdout.write(JSON.stringify(await lintApp(path.resolve(cwd, dir))) + '\n');
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(2);
});
