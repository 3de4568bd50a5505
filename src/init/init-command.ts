import { resolve } from 'node:path';
import { ScopeInspectorError } from '../errors';
import type { CliIo } from '../cli/output';
import { kitPackage } from './kit-package';
import { planInit, type InitChange } from './plan-init';
import { renderChanges } from './render-changes';
import type { AdminProduct } from './templates';
import { applyChanges, applyUndo, planUndo, readRecord } from './undo-record';

/** Options of `scope-inspector init`. */
export interface InitCommandOptions {
  dryRun?: boolean;
  undo?: boolean;
  update?: boolean;
  force?: boolean;
  /** `jira,confluence,bitbucket`: the admin pages to add, instead of the products the manifest uses. */
  products?: string;
}

const PRODUCTS: readonly AdminProduct[] = ['jira', 'confluence', 'bitbucket'];

function parseProducts(list: string | undefined): AdminProduct[] | undefined {
  if (list === undefined) return undefined;
  const names = list.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = names.filter((n) => !PRODUCTS.includes(n as AdminProduct));
  if (bad.length || names.length === 0) throw new ScopeInspectorError('INIT_BAD_PRODUCTS', `--products: expected a comma-separated list of ${PRODUCTS.join(', ')}, got '${list}'`);
  return names as AdminProduct[];
}

/**
 * Runs `scope-inspector init [dir]`: prints the change as a diff and applies it (unless
 * `--dry-run`); `--update` only refreshes what init generated; `--undo` restores every file
 * byte for byte. Returns the exit code (refusals throw `ScopeInspectorError`: exit 2).
 */
export async function runInit(io: CliIo, dir: string, options: InitCommandOptions): Promise<number> {
  const appDir = resolve(dir);
  if (options.undo) return runUndo(io, appDir, options);
  const record = readRecord(appDir);
  if (options.update && !record) throw new ScopeInspectorError('INIT_NOT_INITIALISED', `${appDir}: init has not run here yet; run \`scope-inspector init\` first`);
  const kit = kitPackage();
  const plan = await planInit(appDir, { products: parseProducts(options.products), kit });
  let changes: InitChange[] = plan.changes;
  if (options.update) {
    const pending = changes.filter((c) => !c.generated);
    changes = changes.filter((c) => c.generated);
    if (pending.length) plan.notes.push(`not applied by --update (run init to wire them): changes to ${pending.map((c) => c.file).join(', ')}`);
  }
  if (changes.length === 0) {
    io.out(`scope-inspector init: ${record ? 'already wired; nothing to change' : 'nothing to change'} (${appDir})\n`);
    for (const n of plan.notes.slice(1)) io.out(`  note: ${n}\n`);
    return 0;
  }
  io.out(renderChanges(changes));
  io.out(`\n${options.dryRun ? 'Would change' : 'Changed'} ${changes.length} files in ${appDir} (${changes.filter((c) => c.before === undefined).length} new).\n`);
  for (const n of plan.notes) io.out(`  ${n}\n`);
  if (options.dryRun) return 0;
  applyChanges(appDir, changes, kit.version);
  io.out('Next: npm install, build your Custom UI as usual, then forge deploy. `scope-inspector init --undo` restores every file.\n');
  return 0;
}

function runUndo(io: CliIo, appDir: string, options: InitCommandOptions): number {
  const plan = planUndo(appDir, options.force);
  io.out(renderChanges(plan.map((p) => ({ file: p.file, before: p.current, after: p.restored, summary: isData(p.file) ? (p.restored ? 'restored' : 'removed') : undefined }))));
  if (options.dryRun) {
    io.out(`\nWould restore ${plan.filter((p) => p.restored).length} files and remove ${plan.filter((p) => !p.restored).length} in ${appDir}.\n`);
    return 0;
  }
  const done = applyUndo(appDir, options.force);
  io.out(`\nRestored ${done.restored} files and removed ${done.removed} in ${appDir}.\n`);
  if (done.keptDirs.length) io.out(`  kept (not empty): ${done.keptDirs.join(', ')}\n`);
  return 0;
}

const isData = (file: string) => /(^|\/)static\/scope-inspector\/build\/|static-analysis\.[cm]?[jt]s$/.test(file);
