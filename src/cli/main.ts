import { Command, CommanderError } from 'commander';
import { ScopeInspectorError } from '../errors';
import { runLookup } from './lookup-command';
import { processIo, type CliIo } from './output';
import { runScopes } from './scopes-command';

/** Builds the `scope-inspector` command tree; actions store their exit code in `result`. */
function buildProgram(io: CliIo, result: { code: number }): Command {
  const program = new Command('scope-inspector')
    .description('Which OAuth scopes does this Atlassian Forge app really need?')
    .exitOverride()
    .configureOutput({ writeOut: (t) => io.out(t), writeErr: (t) => io.err(t) });
  program
    .command('lookup')
    .description('show the operation, template and scope alternatives for a request')
    .argument('[method]', 'HTTP method, e.g. GET')
    .argument('[path]', 'request path, e.g. /rest/api/3/issue/ABC-1')
    .option('--json', 'print JSON')
    .option('--stdin', 'read "METHOD PATH" lines from standard input; write one JSON object per line')
    .action(async (method, path, options) => {
      result.code = await runLookup(io, method, path, options);
    });
  program
    .command('scopes')
    .description('list the operations that these scopes authorize')
    .argument('<scope...>', 'scope names')
    .option('--json', 'print JSON')
    .action((scopes: string[], options) => {
      result.code = runScopes(io, scopes, options);
    });
  return program;
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
