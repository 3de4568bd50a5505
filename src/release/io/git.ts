import { spawnSync } from 'node:child_process';
import { ScopeInspectorError } from '../../errors';

// Git is read through the `git` executable, argument by argument (never a shell string): it
// understands every repository layout a CI checkout can have (worktrees, packs, shallow and
// partial clones, sparse checkouts), which a JavaScript reimplementation may not.

/** Runs git in `cwd`; returns its exit status and output (stdout as a Buffer). */
export function runGit(args: readonly string[], cwd: string, input?: string): { status: number; stdout: Buffer; stderr: string } {
  const result = spawnSync('git', args, { cwd, input: input === undefined ? undefined : Buffer.from(input, 'utf8'), maxBuffer: 1 << 30, windowsHide: true });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ScopeInspectorError('GIT_NOT_FOUND', 'git is not installed (or not on PATH); give the base as a file instead: --base path/to/manifest.yml');
    throw new ScopeInspectorError('GIT_FAILED', `git ${args[0]}: ${result.error.message}`, { cause: result.error });
  }
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr.toString('utf8').trim() };
}

/** Runs git and returns its trimmed stdout, or undefined when it exits non-zero. */
export function gitText(args: readonly string[], cwd: string): string | undefined {
  const r = runGit(args, cwd);
  return r.status === 0 ? r.stdout.toString('utf8').trim() : undefined;
}

/** The repository a directory belongs to: its top level and the directory's path inside it (`apps/jira/` or ''). */
export interface GitRepo {
  top: string;
  prefix: string;
}

/** Returns the git repository holding `dir`, or undefined when it is not inside one. */
export function repoOf(dir: string): GitRepo | undefined {
  const out = gitText(['rev-parse', '--show-toplevel', '--show-prefix'], dir);
  if (out === undefined) return undefined;
  const [top, prefix = ''] = out.split('\n');
  return { top, prefix };
}

/** Returns the commit a ref names; throws BAD_REF naming the ref when it names none. */
export function resolveCommit(repo: GitRepo, ref: string): string {
  // A ref starting with '-' would be read as an option.
  if (!ref || ref.startsWith('-')) throw new ScopeInspectorError('BAD_REF', `--base ${JSON.stringify(ref)}: not a git ref`);
  const r = runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], repo.top);
  if (r.status !== 0) throw new ScopeInspectorError('BAD_REF', `--base ${ref}: no such commit, branch or tag in ${repo.top} (and no file of that name)`);
  return r.stdout.toString('utf8').trim();
}

/** The default branch candidates, in order: the remote's HEAD, then the usual names. */
const DEFAULT_BRANCHES = ['origin/main', 'origin/master', 'main', 'master'];

/** Returns the default branch (origin/HEAD's target, else origin/main, origin/master, main, master); throws NO_DEFAULT_BRANCH. */
export function defaultBranch(repo: GitRepo): string {
  const head = gitText(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'], repo.top);
  if (head) return head;
  const found = DEFAULT_BRANCHES.find((b) => runGit(['rev-parse', '--verify', '--quiet', `${b}^{commit}`], repo.top).status === 0);
  if (found) return found;
  throw new ScopeInspectorError(
    'NO_DEFAULT_BRANCH',
    `${repo.top}: cannot find the default branch (no origin/HEAD, ${DEFAULT_BRANCHES.join(', ')}); give --base REF (in GitHub Actions: check out with fetch-depth: 0 and pass --base origin/$GITHUB_BASE_REF)`,
  );
}

/** Returns the merge-base of HEAD and `branch`; throws NO_MERGE_BASE when they share no history (e.g. a shallow clone). */
export function mergeBase(repo: GitRepo, branch: string): string {
  const base = gitText(['merge-base', 'HEAD', branch], repo.top);
  if (!base) {
    throw new ScopeInspectorError('NO_MERGE_BASE', `${repo.top}: HEAD and ${branch} share no commit (a shallow clone? fetch the history, e.g. actions/checkout with fetch-depth: 0), or give --base REF`);
  }
  return base;
}

/** Returns a file's text at a commit, or undefined when the commit has no such file. */
export function readAt(repo: GitRepo, commit: string, path: string): string | undefined {
  const r = runGit(['cat-file', 'blob', `${commit}:${path}`], repo.top);
  return r.status === 0 ? r.stdout.toString('utf8') : undefined;
}
