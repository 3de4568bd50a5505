import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseBaseline } from '../../audit/baseline';
import { ScopeInspectorError } from '../../errors';
import { readInputFile, type InputKind } from '../../input-file';
import type { DeclaredManifest } from '../declared-manifest';
import { readManifestFacts } from '../manifest-facts';
import type { ReleaseBase } from '../release-types';
import { defaultBranch, mergeBase, readAt, repoOf, resolveCommit, type GitRepo } from './git';
import { copyTreeAt, type TreeCopy } from './git-tree';

/** The base a change is compared with: its declared manifest and, when it has one, a way to get its code. */
export interface LoadedBase {
  base: ReleaseBase;
  declared: DeclaredManifest;
  /** Writes the base's app directory to a temporary copy (git bases) or returns the directory (directory bases). */
  code?: () => TreeCopy;
  /** Why the base's code cannot be compared, when it cannot. */
  codeMissing?: string;
}

/** A base file: a manifest or a baseline, opened without blocking (a FIFO is refused, not waited on). */
const BASE_FILE: InputKind = { what: 'base', maxBytes: 64 * 1024 * 1024, code: 'INVALID_BASE' };
const readText = (file: string): string => readInputFile(file, BASE_FILE);

/** Reads a base given as a file: a baseline written by `audit --write-baseline`, or a manifest. */
function loadFile(file: string): LoadedBase {
  const text = readText(file);
  let json: { format?: unknown } | undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined; // not JSON: read it as a manifest below
  }
  if (json?.format === 'scope-inspector-baseline') {
    const baseline = parseBaseline(text, file);
    if (!baseline.manifest) {
      throw new ScopeInspectorError('INVALID_BASE', `${file}: this baseline has no "manifest" field (it was written by an older scope-inspector); write it again with audit --write-baseline, or give --base a manifest or a git ref`);
    }
    return { base: { kind: 'baseline', label: file, file }, declared: baseline.manifest, codeMissing: 'the base is a baseline file: it holds no code to compare (give --base REF to compare with a commit)' };
  }
  if (json !== undefined) throw new ScopeInspectorError('INVALID_BASE', `${file}: JSON, but not a scope-inspector baseline (its "format" is ${JSON.stringify(json?.format)})`);
  return { base: { kind: 'manifest', label: file, file }, declared: readManifestFacts(text, file).declared, codeMissing: 'the base is a manifest file: its code could not be compared (give --base REF to compare with a commit)' };
}

/** Reads a base given as a commit of the repository holding the app. */
function loadCommit(repo: GitRepo, ref: string, commit: string, label: string): LoadedBase {
  const path = `${repo.prefix}manifest.yml`;
  const name = `${ref}:${path}`;
  const text = readAt(repo, commit, path);
  if (text === undefined) throw new ScopeInspectorError('BASE_MANIFEST_NOT_FOUND', `${name}: no manifest at the base (is the app new in this change?); give --base FILE to compare with another manifest`);
  return { base: { kind: 'git', label, ref, commit }, declared: readManifestFacts(text, name).declared, code: () => copyTreeAt(repo, commit) };
}

/**
 * Resolves `--base`: an existing file (baseline or manifest), an existing app directory, or a git
 * ref; without it, the merge-base of HEAD with the default branch. Throws ScopeInspectorError
 * (exit 2) naming the ref, file or field when the base cannot be read.
 */
export function loadBase(appDir: string, base: string | undefined): LoadedBase {
  if (base !== undefined && existsSync(base)) {
    if (statSync(base).isDirectory()) {
      const manifest = join(base, 'manifest.yml');
      if (!existsSync(manifest)) throw new ScopeInspectorError('INVALID_BASE', `${manifest}: not found (--base DIR must be a Forge app directory)`);
      const dir = base;
      return { base: { kind: 'manifest', label: manifest, file: manifest }, declared: readManifestFacts(readText(manifest), manifest).declared, code: () => ({ dir, files: 0, dispose: () => {} }) };
    }
    return loadFile(base);
  }
  const repo = repoOf(appDir);
  if (!repo) {
    const why = base === undefined ? 'give --base REF or --base FILE' : `and --base ${base} is not a file`;
    throw new ScopeInspectorError('NOT_A_GIT_REPO', `${appDir}: not inside a git repository, ${why}`);
  }
  if (base !== undefined) {
    const commit = resolveCommit(repo, base);
    return loadCommit(repo, base, commit, `${base} (${commit.slice(0, 12)})`);
  }
  const branch = defaultBranch(repo);
  const commit = mergeBase(repo, branch);
  return loadCommit(repo, commit.slice(0, 12), commit, `merge-base of HEAD and ${branch} (${commit.slice(0, 12)})`);
}
