import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { ScopeInspectorError } from '../../errors';
import { runGit, type GitRepo } from './git';

/** A copy of an app directory as it was at a commit, in a temporary directory. */
export interface TreeCopy {
  dir: string;
  files: number;
  /** Removes the copy. */
  dispose(): void;
}

interface Entry {
  mode: string;
  sha: string;
  size: number;
  path: string;
}

/** Dependencies are not the app's code and can be huge; the scanner skips them anyway. */
const SKIPPED = /(^|\/)node_modules(\/|$)/;

/**
 * Writes the app directory (`repo.prefix`) as it was at `commit` into a temporary directory,
 * reading blobs with one `git cat-file --batch`: the repository, its index and its worktrees are
 * left untouched. Submodules are skipped; symlinks are recreated only when they stay inside the copy.
 */
export function copyTreeAt(repo: GitRepo, commit: string): TreeCopy {
  const listing = runGit(['ls-tree', '-r', '-z', '-l', '--full-tree', commit, '--', ...(repo.prefix ? [repo.prefix] : [])], repo.top);
  if (listing.status !== 0) throw new ScopeInspectorError('GIT_FAILED', `git ls-tree ${commit}: ${listing.stderr}`);
  const entries: Entry[] = [];
  for (const record of listing.stdout.toString('utf8').split('\0')) {
    const m = /^(\d+) (\w+) ([0-9a-f]+) +(\d+|-)\t([\s\S]+)$/.exec(record);
    if (!m || m[2] !== 'blob' || SKIPPED.test(m[5])) continue;
    entries.push({ mode: m[1], sha: m[3], size: Number(m[4]), path: m[5].slice(repo.prefix.length) });
  }
  const dir = mkdtempSync(join(tmpdir(), 'si-base-'));
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  try {
    if (entries.length) {
      const batch = runGit(['cat-file', '--batch'], repo.top, entries.map((e) => e.sha).join('\n') + '\n');
      if (batch.status !== 0) throw new ScopeInspectorError('GIT_FAILED', `git cat-file --batch: ${batch.stderr}`);
      let offset = 0;
      for (const e of entries) {
        // Each object comes as "<sha> blob <size>\n<bytes>\n".
        const headerEnd = batch.stdout.indexOf(10, offset);
        const size = Number(batch.stdout.toString('utf8', offset, headerEnd).split(' ')[2]);
        const body = batch.stdout.subarray(headerEnd + 1, headerEnd + 1 + size);
        offset = headerEnd + 1 + size + 1;
        const target = join(dir, e.path);
        mkdirSync(dirname(target), { recursive: true });
        if (e.mode === '120000') {
          const link = body.toString('utf8');
          const inside = !isAbsolute(link) && !relative(dir, resolve(dirname(target), link)).startsWith('..');
          if (inside) symlinkSync(link, target);
        } else writeFileSync(target, body);
      }
    }
    return { dir, files: entries.length, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}
