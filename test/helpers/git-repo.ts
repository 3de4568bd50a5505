import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Git with a fixed identity and no user or system config, so tests behave the same on every machine. */
const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
};

/** A throwaway git repository in a temp directory. */
export interface TestRepo {
  dir: string;
  git(...args: string[]): string;
  /** Writes files (relative path → text; null deletes) and commits them; returns the commit. */
  commit(message: string, files: Record<string, string | null>): string;
  dispose(): void;
}

/** Creates a git repository on branch `branch` in a temp directory. */
export function createRepo(branch = 'main', dir = mkdtempSync(join(tmpdir(), 'si-repo-'))): TestRepo {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: GIT_ENV, encoding: 'utf8' }).trim();
  git('init', '-q', '-b', branch);
  return {
    dir,
    git,
    commit(message, files) {
      for (const [path, text] of Object.entries(files)) {
        const file = join(dir, path);
        if (text === null) rmSync(file, { force: true });
        else {
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, text);
        }
      }
      git('add', '-A');
      git('commit', '-q', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD');
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The same environment for processes the tests start (the CLI's own git calls inherit the process env). */
export const gitEnv = GIT_ENV;
