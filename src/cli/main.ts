import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { ScopeInspectorError } from '../errors';
import { processIo, type CliIo } from './output';

// Each command's implementation is required in its action, not here: `lookup` must not pay for
// the YAML parser, the diff library or the JS parser, and `--help` for none of them
// (docs/benchmarks.md, "CLI start"). esbuild keeps these requires lazy in the bundle too.
/* eslint-disable @typescript-eslint/no-require-imports */
const lookupCommand = () => require('./lookup-command') as typeof import('./lookup-command');
const scopesCommand = () => require('./scopes-command') as typeof import('./scopes-command');
const auditCommand = () => require('./audit-command') as typeof import('./audit-command');
const auditManyCommand = () => require('./audit-many') as typeof import('./audit-many');
const diffCommand = () => require('./diff-command') as typeof import('./diff-command');
const initCommand = () => require('../init/init-command') as typeof import('../init/init-command');
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * Returns the app directory an `audit` argument names: a path to a `manifest.yml` file (what
 * `git ls-files '*manifest.yml'` or a shell glob gives) names its folder; anything else is a folder.
 */
function appDirOf(arg: string): string {
  if (basename(arg) !== 'manifest.yml') return arg;
  try {
    return statSync(arg).isFile() ? dirname(arg) : arg;
  } catch {
    return arg;
  }
}

/** Builds the `scope-inspector` command tree; actions store their exit code in `result`. */
function buildProgram(io: CliIo, result: { code: number }): Command {
  const program = new Command('scope-inspector')
    .description('Which OAuth scopes does this Atlassian Forge app really need?')
    .version(version())
    .exitOverride()
    .configureOutput({ writeOut: (t) => io.out(t), writeErr: (t) => io.err(t) });
  program
    .command('lookup')
    .description('show the operation, template and scope alternatives for a request')
    .argument('[method]', 'HTTP method, e.g. GET')
    .argument('[path]', 'request path, e.g. /rest/api/3/issue/ABC-1')
    .option('--json', 'print JSON')
    .option('--stdin', 'read "METHOD PATH" (or "PRODUCT METHOD PATH") lines from standard input; write one JSON object per line')
    .option('--product <product>', 'the product whose operations to search: jira, confluence or bitbucket (by default the one the path names; needed when two document it)')
    .action(async (method, path, options) => {
      result.code = await lookupCommand().runLookup(io, method, path, options);
    });
  program
    .command('scopes')
    .description('list the operations that these scopes authorize')
    .argument('<scope...>', 'scope names')
    .option('--json', 'print JSON')
    .action((scopes: string[], options) => {
      result.code = scopesCommand().runScopes(io, scopes, options);
    });
  program
    .command('audit')
    .description('scan a Forge app and report used, unused, missing, replaceable and invalid scopes with a least-privilege plan')
    .argument('[dir...]', 'app directories (each holding manifest.yml; a manifest.yml path names its folder); with --all, the directories to search', [])
    .option('--all', 'audit every Forge app (manifest.yml) below the directories (default .), skipping node_modules, build output, dot-folders and test fixtures')
    .option('--ndjson', 'several apps: print one JSON entry per line instead of one array')
    .option('-f, --format <format>', 'text, json, markdown or sarif', 'text')
    .option('--fail-on <list>', 'finding kinds that exit 1: missing,missing-if-called,unused,invalid,new,missing-egress,unused-egress (or none)', 'missing,invalid')
    .option('--usage <file...>', 'usage exports (JSON) from installations, to join runtime evidence')
    .option('--window <days>', 'with --usage: count only the last N days up to today (UTC), as the admin page does; or all', 'all')
    .option('--baseline <file>', 'fail only on findings not in this reviewed baseline')
    .option('--write-baseline <file>', 'write the current findings as a baseline')
    .option('--fix', 'add missing scopes to manifest.yml (keeps comments, order, quoting) and print the diff')
    .option('--remove-unused', 'with --fix or --dry-run: also remove unused scopes (exits 2, naming what blocks it, when some cannot be proven unused)')
    .option('--add-candidates', 'with --fix or --dry-run: also add the scopes only candidate calls may need (verdict missing-if-called)')
    .option('--dry-run', 'print the manifest diff --fix would apply, change nothing')
    .option('--force', 'with --remove-unused: also remove scopes the tool cannot prove unused (verdict unverifiable)')
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .action(async (given: string[], options) => {
      const dirs = given.map(appDirOf);
      const many = auditManyCommand();
      result.code = many.isMultiAppRun(dirs, options)
        ? await many.runAuditMany(io, dirs, options, version())
        : await auditCommand().runAudit(io, dirs[0] ?? '.', options, version());
    });
  program
    .command('diff')
    .description('release guard: classify every manifest change since a base as needing admin approval (major version), rolling out automatically (minor) or unclear, with evidence')
    .argument('[dir]', 'the app directory (holding manifest.yml)', '.')
    .option('--base <ref|file>', 'git ref, manifest file, baseline file (audit --write-baseline) or app directory; default: merge-base of HEAD with the default branch')
    .option('-f, --format <format>', 'text, json, markdown (pull-request comment) or sarif', 'text')
    .option('--fail-on <list>', 'exit 1 when a change needs approval (approval) or may (unclear); none', 'none')
    .option('--usage <file...>', 'usage exports (JSON) from installations: runtime use of removed scopes')
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--write <format=file...>', 'also write these formats to files, e.g. --write markdown=comment.md sarif=guard.sarif')
    .action(async (dir: string, options) => {
      result.code = await diffCommand().runDiff(io, dir, options, version());
    });
  program
    .command('init')
    .description('make a Forge app record its own product calls and show its own Scope Inspector admin page')
    .argument('[dir]', 'the app directory (holding manifest.yml)', '.')
    .option('--dry-run', 'print the diff, change nothing')
    .option('--update', 'only refresh what init generated (admin page build, static analysis), e.g. after upgrading')
    .option('--undo', 'restore every file init changed, byte for byte, and remove what it added')
    .option('--force', 'with --undo: restore files even if they changed since init wrote them')
    .option('--products <list>', 'admin pages to add (jira,confluence,bitbucket) instead of the products the manifest uses')
    .action(async (dir: string, options) => {
      result.code = await initCommand().runInit(io, dir, options);
    });
  return program;
}

/** Returns this package's version, found by walking up from the compiled or source file. */
function version(): string {
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version: string };
      if (pkg.name === 'forge-scope-inspector') return pkg.version;
    }
  }
  return '0.0.0';
}

/** Runs the CLI with `argv` (as in process.argv) and returns the exit code: 0 ok, 1 findings, 2 usage or input error. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const result = { code: 0 };
  try {
    await buildProgram(io, result).parseAsync(argv);
    return result.code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof ScopeInspectorError) {
      io.err(`scope-inspector: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
